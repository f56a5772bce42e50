import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  buildComposeCommand,
  buildLocustCommand,
  buildPytestCommand,
  formatCommandLine,
  LaunchInputError,
  parseLocustVersion,
  planDistributed,
  splitArgs,
} from '../../../src/core/launch';

const locust = (def: Record<string, unknown>) => buildLocustCommand({ locustfile: 'load_testing/locustfile.py', ...def });
const refuses = (fn: () => unknown, field: string | RegExp) =>
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof LaunchInputError, `expected LaunchInputError, got ${String(error)}`);
    if (typeof field === 'string') assert.equal(error.field, field);
    else assert.match(error.message, field);
    assert.ok(!error.message.includes('\n'), 'one line');
    return true;
  });

describe('locust argv', () => {
  it('builds the headless command of the issue, tags split after one --tags', () => {
    const line = locust({ users: 200, spawnRate: 4, runTime: '10m', tags: 'api,page', host: 'http://127.0.0.1:8000', csvPrefix: 'hasil_test_v49_200u' });
    assert.equal(line.command, 'locust');
    assert.deepEqual(line.args, [
      '-f', 'load_testing/locustfile.py', '--tags', 'api', 'page', '--headless', '--host', 'http://127.0.0.1:8000',
      '--users', '200', '--spawn-rate', '4', '--run-time', '10m', '--csv', 'hasil_test_v49_200u',
    ]);
    assert.equal(line.env, undefined);
  });

  it('splits tags typed with commas, spaces or both; arrays too; duplicates dropped', () => {
    for (const tags of ['api,page,phase1,phase2', 'api page phase1 phase2', ' api, page ,phase1  phase2 ', ['api,page', 'phase1', 'phase2', 'api']]) {
      const { args } = locust({ tags });
      assert.deepEqual(args.slice(2, 7), ['--tags', 'api', 'page', 'phase1', 'phase2'], JSON.stringify(tags));
      assert.equal(args.filter((a) => a === '--tags').length, 1);
    }
    assert.deepEqual(locust({ excludeTags: 'export,admin' }).args.slice(2, 5), ['--exclude-tags', 'export', 'admin']);
  });

  it('user classes go last, after a flag, so --tags cannot swallow them', () => {
    const { args } = locust({ tags: 'a b', userClasses: 'WebsiteUser, AdminUser', csvPrefix: 'r', fullHistory: true, html: true });
    assert.deepEqual(args.slice(-7), ['--csv', 'r', '--csv-full-history', '--html', 'r_report.html', 'WebsiteUser', 'AdminUser']);
    assert.equal(args[args.indexOf('--tags') + 3], '--headless');
  });

  it('environment goes to the process env, empty LOCUST_* left out (Locust exits 2 on those)', () => {
    const line = locust({ env: { LOCUST_MUTATIONS_ENABLED: '1', LOCUST_EMPTY: '', OTHER: '' } });
    assert.deepEqual(line.env, { LOCUST_MUTATIONS_ENABLED: '1', OTHER: '' });
  });

  it('runs in a compose service with docker compose exec and -e for the environment', () => {
    const line = buildLocustCommand(
      { locustfile: 'locustfile.py', users: 10, composeService: 'locust', composeFiles: ['docker-compose.yml', 'docker-compose-pgbouncer.yml'], composeProfiles: ['celery'], env: { LOCUST_MUTATIONS_ENABLED: 'true' } },
      { docker: '/usr/bin/docker' },
    );
    assert.equal(line.command, '/usr/bin/docker');
    assert.deepEqual(line.args, [
      'compose', '-f', 'docker-compose.yml', '-f', 'docker-compose-pgbouncer.yml', '--profile', 'celery', 'exec', '-e', 'LOCUST_MUTATIONS_ENABLED=true', 'locust',
      'locust', '-f', 'locustfile.py', '--headless', '--users', '10',
    ]);
  });

  it('master, worker and --processes command lines', () => {
    const master = locust({ role: 'master', workers: 3, users: 6, csvPrefix: 'd' });
    assert.deepEqual(master.args.slice(master.args.indexOf('--master')), ['--master', '--master-bind-host', '127.0.0.1', '--master-bind-port', '5557', '--expect-workers', '3']);
    const worker = locust({ role: 'worker', workers: 3, users: 6, tags: 'a,b', masterPort: 15557 });
    assert.deepEqual(worker.args, ['-f', 'load_testing/locustfile.py', '--tags', 'a', 'b', '--worker', '--master-host', '127.0.0.1', '--master-port', '15557']);
    assert.deepEqual(locust({ workers: 4 }).args.slice(-2), ['--processes', '4']);
  });
});

describe('distributed plans by installed version', () => {
  const def = { locustfile: 'locustfile.py', users: 4, spawnRate: 4, runTime: '10s', workers: 2 };

  it("Debian's 2.12.1 (empty version) is refused with the reason", () => {
    const info = parseLocustVersion('locust \n');
    assert.equal(info.version, null);
    assert.equal(info.distributedWorks, false);
    refuses(() => planDistributed(def, info), /empty version.*pre 2\.0.*2\.19/);
  });

  it('2.12.1 with a version: master plus N workers; 2.19+: --processes', () => {
    const old = planDistributed(def, parseLocustVersion('locust 2.12.1'));
    assert.equal(old.mode, 'master-workers');
    assert.equal(old.workers.length, 2);
    assert.ok(old.master.args.includes('--expect-workers'));
    assert.ok(old.workers.every((w) => w.args.includes('--worker')));
    const modern = planDistributed(def, parseLocustVersion('locust 2.46.3 from /usr/lib/python3/site-packages/locust (Python 3.12.3)'));
    assert.equal(modern.mode, 'processes');
    assert.deepEqual(modern.workers, []);
    assert.deepEqual(modern.master.args.slice(-2), ['--processes', '2']);
    assert.equal(parseLocustVersion('locust 2.19.0').supportsProcesses, true);
    assert.equal(parseLocustVersion('locust 2.18.3').supportsProcesses, false);
    assert.equal(parseLocustVersion('').version, null);
  });
});

describe('compose argv', () => {
  it('the team command: files in order, profile, up -d --build', () => {
    const line = buildComposeCommand({ action: 'up', files: ['docker-compose.yml', 'docker-compose-pgbouncer.yml'], profiles: ['celery'], build: true });
    assert.deepEqual([line.command, ...line.args], ['docker', 'compose', '-f', 'docker-compose.yml', '-f', 'docker-compose-pgbouncer.yml', '--profile', 'celery', 'up', '-d', '--build']);
  });

  it('down, restart with services, logs follow, env file, scale', () => {
    assert.deepEqual(buildComposeCommand({ action: 'down', files: ['a.yml'] }).args, ['compose', '-f', 'a.yml', 'down']);
    assert.deepEqual(buildComposeCommand({ action: 'restart', services: 'web, worker' }).args, ['compose', 'restart', 'web', 'worker']);
    assert.deepEqual(buildComposeCommand({ action: 'logs', services: ['web'] }).args, ['compose', 'logs', '--follow', '--tail', '200', 'web']);
    assert.deepEqual(buildComposeCommand({ action: 'up', envFile: '.env.local', detached: false, scale: { 'locust-worker': 4 } }).args, ['compose', '--env-file', '.env.local', 'up', '--scale', 'locust-worker=4']);
  });

  it('refuses unknown actions and options that do not apply', () => {
    refuses(() => buildComposeCommand({ action: 'rm' }), 'action');
    refuses(() => buildComposeCommand({}), 'action');
    refuses(() => buildComposeCommand({ action: 'down', build: true }), 'build');
    refuses(() => buildComposeCommand({ action: 'down', services: ['web'] }), 'services');
    refuses(() => buildComposeCommand({ action: 'up', scale: { web: -1 } }), 'scale.web');
  });
});

describe('pytest argv', () => {
  it('args, coverage and report files', () => {
    const line = buildPytestCommand({ args: 'tests -k "slow and not db" -x', coverage: true }, {}, { junitXml: '/tmp/r/junit.xml', coverageXml: '/tmp/r/coverage.xml' });
    assert.deepEqual(line.args, ['tests', '-k', 'slow and not db', '-x', '--cov', '--junitxml=/tmp/r/junit.xml', '--cov-report=term', '--cov-report=xml:/tmp/r/coverage.xml']);
    assert.deepEqual(buildPytestCommand({ coverage: 'myapp' }).args, ['--cov=myapp', '--cov-report=term']);
    assert.deepEqual(buildPytestCommand({ args: ['-q'] }, { pytest: '/usr/bin/pytest-3' }), { command: '/usr/bin/pytest-3', args: ['-q'] });
  });

  it('in a compose service: docker compose exec SERVICE pytest ...', () => {
    const line = buildPytestCommand({ args: ['-q'], composeService: 'web', composeFiles: ['docker-compose.yml'] }, { pytest: '/host/pytest' });
    assert.deepEqual([line.command, ...line.args], ['docker', 'compose', '-f', 'docker-compose.yml', 'exec', 'web', 'pytest', '-q']);
  });

  it('splits argument strings like a user expects, without a shell', () => {
    assert.deepEqual(splitArgs(`a "b c" 'd "e"' f'g h'`), ['a', 'b c', 'd "e"', 'fg h']);
    assert.deepEqual(splitArgs('  '), []);
    assert.deepEqual(splitArgs('""'), ['']);
    refuses(() => splitArgs('a "b'), 'args');
  });
});

describe('display', () => {
  it('quotes for a POSIX shell', () => {
    assert.equal(formatCommandLine({ command: 'locust', args: ['-f', 'a b.py', "it's", ''], env: { X: '1 2' } }), `X='1 2' locust -f 'a b.py' 'it'\\''s' ''`);
  });
});
