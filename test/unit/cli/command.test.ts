import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, (t) => (stdout += `${t}\n`), (t) => (stderr += `${t}\n`));
  return { code, stdout, stderr };
}

const json = (...args: string[]) => {
  // Before any `--`: after it everything is a pytest argument.
  const result = run(...args.slice(0, 2), '--json', ...args.slice(2));
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as { command: string; args: string[]; env?: Record<string, string>; mode?: string; workers?: Array<{ args: string[] }> };
};

describe('cli command', () => {
  it('locust: the example of the issue, tags as separate argv items', () => {
    assert.deepEqual(json('command', 'locust', '--locustfile', 'load_testing/locustfile.py', '--users', '200', '--spawn-rate', '4', '--run-time', '10m', '--tags', 'api,page', '--host', 'http://127.0.0.1:8000', '--csv-prefix', 'hasil_test_v49_200u'), {
      command: 'locust',
      args: ['-f', 'load_testing/locustfile.py', '--tags', 'api', 'page', '--headless', '--host', 'http://127.0.0.1:8000', '--users', '200', '--spawn-rate', '4', '--run-time', '10m', '--csv', 'hasil_test_v49_200u'],
    });
  });

  it('locust: flags with = , repeated list flags, booleans, env', () => {
    assert.deepEqual(json('command', 'locust').args.slice(0, 2), ['-f', 'locustfile.py'], "without --locustfile, Locust's own default is named");
    const line = json('command', 'locust', '--locustfile=l.py', '--tags', 'a', '--tags', 'b c', '--csv-prefix', 'p', '--full-history', '--html', '--env', 'LOCUST_MUTATIONS_ENABLED=1');
    assert.deepEqual(line.args, ['-f', 'l.py', '--tags', 'a', 'b', 'c', '--headless', '--csv', 'p', '--csv-full-history', '--html', 'p_report.html']);
    assert.deepEqual(line.env, { LOCUST_MUTATIONS_ENABLED: '1' });
  });

  it('locust: --master-bind-host; the workers\' --master-host follows it; the command for other machines', () => {
    const plan = json('command', 'locust', '--locustfile', 'l.py', '--workers', '3', '--local-workers', '1', '--master-bind-host', '10.213.47.1', '--locust-version', '2.12.1', '--locust-command', '/usr/bin/python3 "/opt/my tools/wrap.py"') as unknown as {
      command: string; args: string[]; workers: Array<{ command: string; args: string[] }>; remoteWorker: { args: string[] }; remoteWorkers: number; expectWorkers: number;
    };
    assert.equal(plan.command, '/usr/bin/python3');
    assert.equal(plan.args[0], '/opt/my tools/wrap.py');
    assert.equal(plan.args[plan.args.indexOf('--master-bind-host') + 1], '10.213.47.1');
    assert.equal(plan.expectWorkers, 3);
    assert.equal(plan.workers.length, 1);
    assert.equal(plan.remoteWorkers, 2);
    for (const worker of [plan.workers[0], plan.remoteWorker]) assert.equal(worker.args[worker.args.indexOf('--master-host') + 1], '10.213.47.1');
    const text = run('command', 'locust', '--workers', '2', '--local-workers', '0', '--master-bind-host', '10.213.47.1', '--locust-version', '2.12.1');
    assert.equal(text.code, 0, text.stderr);
    assert.deepEqual(text.stdout.trim().split('\n').map((l) => l.replace(/ .*/, '')), ['locust', 'wait', '#']);
    assert.match(text.stdout, /# on the other machines, 2 worker\(s\) in all, each: locust -f locustfile\.py --worker --master-host 10\.213\.47\.1 --master-port 5557/);
    const loopback = run('command', 'locust', '--workers', '2', '--local-workers', '1', '--locust-version', '2.12.1');
    assert.equal(loopback.code, 1);
    assert.match(loopback.stderr, /--master-bind-host: 1 worker\(s\) on other machines cannot reach a master listening on 127\.0\.0\.1/);
    const badCommand = run('command', 'locust', '--locust-command', '-x', '--locust-version', '2.12.1', '--workers', '2');
    assert.match(badCommand.stderr, /command locust: --locust-command: "-x" starts with "-"/);
  });

  it('locust: distributed plan by installed version', () => {
    const plan = json('command', 'locust', '--locustfile', 'l.py', '--workers', '2', '--locust-version', '2.12.1');
    assert.equal(plan.mode, 'master-workers');
    assert.ok(plan.args.includes('--master'));
    assert.equal(plan.workers?.length, 2);
    assert.equal(json('command', 'locust', '--locustfile', 'l.py', '--workers', '3', '--locust-version', '2.20.0').mode, 'processes');
    const debian = run('command', 'locust', '--locustfile', 'l.py', '--workers', '2', '--locust-version', '');
    assert.equal(debian.code, 1);
    assert.match(debian.stderr, /empty version.*pre 2\.0/);
  });

  it('compose: the team command and the other actions', () => {
    const up = json('command', 'compose', 'up', '--files', 'docker-compose.yml,docker-compose-pgbouncer.yml', '--profiles', 'celery', '--build');
    assert.deepEqual([up.command, ...up.args], ['docker', 'compose', '-f', 'docker-compose.yml', '-f', 'docker-compose-pgbouncer.yml', '--profile', 'celery', 'up', '-d', '--build']);
    assert.deepEqual(json('command', 'compose', '--action', 'logs', '--services', 'web').args, ['compose', 'logs', '--follow', '--tail', '200', 'web']);
    assert.deepEqual(json('command', 'compose', 'up', '--detached=false', '--scale', 'worker=3').args, ['compose', 'up', '--scale', 'worker=3']);
    assert.equal(run('command', 'compose', 'up', '--files', 'a.yml').stdout.trim(), 'docker compose -f a.yml up -d');
  });

  it('pytest: args after --, coverage with or without a package, compose service', () => {
    assert.deepEqual(json('command', 'pytest', '--coverage', '--', 'tests', '-k', 'a and b').args, ['tests', '-k', 'a and b', '--cov', '--cov-report=term']);
    assert.deepEqual(json('command', 'pytest', '--coverage', 'app', '--compose-service', 'web').args, ['compose', 'exec', '-T', 'web', 'pytest', '--cov=app', '--cov-report=term']);
    assert.equal(run('command', 'pytest', '--', '-k', 'a b').stdout.trim(), "pytest -k 'a b'");
  });

  it('compose: --compose-command picks v1 or v2; in-service runs get exec -T (no terminal in CI)', () => {
    assert.deepEqual(json('command', 'compose', 'up', '--files', 'a.yml', '--compose-command', 'docker-compose'), { command: 'docker-compose', args: ['-f', 'a.yml', 'up', '-d'] });
    assert.deepEqual(json('command', 'compose', 'restart', '--services', 'web', '--compose-command=docker compose'), { command: 'docker', args: ['compose', 'restart', 'web'] });
    assert.deepEqual(json('command', 'compose', 'stop', '--compose-command', 'auto').args, ['compose', 'stop']);
    const inService = json('command', 'locust', '--locustfile', 'l.py', '--compose-service', 'locust', '--compose-command', 'docker-compose');
    assert.deepEqual([inService.command, ...inService.args.slice(0, 4)], ['docker-compose', 'exec', '-T', 'locust', 'locust']);
    const bad = run('command', 'compose', 'up', '--compose-command', '${HOME}/docker compose');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^execution-tracker: command compose: --compose-command: .*"\$\{"/);
    assert.equal(run('command', 'compose', 'up', '--compose-command').code, 1);
  });

  it('bad values exit 1 with one clear line naming the option', () => {
    const cases: Array<[string[], RegExp]> = [
      [['command', 'locust', '--locustfile', 'l.py', '--users', '-1'], /--users: "-1" is not a whole number/],
      [['command', 'locust', '--locustfile', 'l.py', '--users', '2.5'], /--users/],
      [['command', 'locust', '--locustfile', 'l.py', '--spawn-rate', '0'], /--spawn-rate: must be greater than 0/],
      [['command', 'locust', '--locustfile', 'l.py', '--run-time', '10 minutes'], /--run-time: .* not a Locust duration/],
      [['command', 'locust', '--locustfile', 'l.py', '--host', 'localhost:8000'], /--host/],
      [['command', 'locust', '--locustfile', 'l.py', '--tags', '${env:HOME}'], /--tags: .*VS Code would expand/],
      [['command', 'locust', '--locustfile', '; rm -rf /'], /--locustfile/],
      [['command', 'locust', '--locustfile', 'l.py', '--csv-prefix', '$(id)'], /--csv-prefix/],
      [['command', 'locust', '--locustfile', 'l.py', '--user-classes', '`id`'], /--user-classes/],
      [['command', 'locust', '--locustfile', 'l.py', '--env', 'X=a\nb'], /--env \(X\): contains a line break/],
      [['command', 'locust', '--nope'], /unknown option "--nope"/],
      [['command', 'compose', 'explode'], /--action: expected one of up, down, restart, stop, start, logs/],
      [['command', 'compose', 'up', '--profiles', '${command:x}'], /--profiles/],
      [['command', 'pytest', '--', '${workspaceFolder}'], /--args/],
      [['command', 'docker'], /expected compose, pytest or locust/],
      [['command', 'locust', '--locustfile', 'x'.repeat(5000)], /--locustfile: is 5000 characters long/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(...args);
      assert.equal(code, 1, `${args.join(' ').slice(0, 80)} -> ${stderr}`);
      assert.equal(stdout, '');
      assert.match(stderr, message);
      assert.equal(stderr.trim().split('\n').length, 1, `one line: ${stderr}`);
    }
  });
});
