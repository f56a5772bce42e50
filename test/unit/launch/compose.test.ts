import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  activeServices,
  buildComposeCommand,
  configServices,
  buildLocustCommand,
  buildPytestCommand,
  composeMessage,
  composeV1,
  composeV2,
  composeVersionFrom,
  detectCompose,
  isComposeMissing,
  isEngineUnreachable,
  LaunchInputError,
  notRunning,
  parseComposeSetting,
  parseNameList,
  parsePsJson,
  parsePsTable,
  psArgs,
  stackStatus,
  unknownNames,
  type ProbeResult,
} from '../../../src/core/launch';
import { readFixture } from '../fixtures';

const team = { action: 'up', files: ['docker-compose.yml', 'docker-compose-pgbouncer.yml'], profiles: ['celery'], build: true };
const teamArgs = ['-f', 'docker-compose.yml', '-f', 'docker-compose-pgbouncer.yml', '--profile', 'celery', 'up', '-d', '--build'];

describe('compose command: v1, v2, custom', () => {
  it('v2 is docker compose ..., v1 docker-compose ... with no compose word, custom keeps its words', () => {
    const v2 = buildComposeCommand(team, { compose: composeV2('/usr/bin/docker') });
    assert.deepEqual([v2.command, ...v2.args], ['/usr/bin/docker', 'compose', ...teamArgs]);
    const v1 = buildComposeCommand(team, { compose: composeV1() });
    assert.deepEqual([v1.command, ...v1.args], ['docker-compose', ...teamArgs]);
    const custom = buildComposeCommand(team, { compose: parseComposeSetting('c', '/opt/podman/bin/podman compose')! });
    assert.deepEqual([custom.command, ...custom.args], ['/opt/podman/bin/podman', 'compose', ...teamArgs]);
    // Without a compose command, the docker setting decides (v2), as before.
    assert.deepEqual(buildComposeCommand(team, { docker: 'dk' }).command, 'dk');
  });

  it('stop and start take services; the other actions keep their argv on v1', () => {
    const v1 = { compose: composeV1() };
    assert.deepEqual(buildComposeCommand({ action: 'stop', services: ['web'] }, v1).args, ['stop', 'web']);
    assert.deepEqual(buildComposeCommand({ action: 'start', files: ['a.yml'], services: ['web'] }, v1).args, ['-f', 'a.yml', 'start', 'web']);
    assert.deepEqual(buildComposeCommand({ action: 'logs', services: ['celery'] }, v1).args, ['logs', '--follow', '--tail', '200', 'celery']);
    assert.deepEqual(buildComposeCommand({ action: 'down' }, v1).args, ['down']);
    assert.throws(() => buildComposeCommand({ action: 'stop', build: true }, v1), /build: only applies to "up"/);
  });

  it('exec: -T where no terminal exists, none in a terminal; the same words on v1 and v2', () => {
    const service = { locustfile: 'load_testing/locustfile.py', users: 2, composeService: 'locust', composeFiles: ['docker-compose.yml'], composeProfiles: ['celery'] };
    const v1NoTty = buildLocustCommand(service, { compose: composeV1(), tty: false });
    assert.equal(v1NoTty.command, 'docker-compose');
    assert.deepEqual(v1NoTty.args.slice(0, 7), ['-f', 'docker-compose.yml', '--profile', 'celery', 'exec', '-T', 'locust']);
    const v2Tty = buildLocustCommand(service, { compose: composeV2(), tty: true });
    assert.deepEqual([v2Tty.command, ...v2Tty.args.slice(0, 7)], ['docker', 'compose', '-f', 'docker-compose.yml', '--profile', 'celery', 'exec', 'locust']);
    const pytest = buildPytestCommand({ args: ['-q'], composeService: 'web' }, { compose: composeV2(), tty: false });
    assert.deepEqual([pytest.command, ...pytest.args], ['docker', 'compose', 'exec', '-T', 'web', 'pytest', '-q']);
  });
});

describe('compose setting', () => {
  it('auto, empty and absent mean detect; the two names; a custom line', () => {
    for (const value of [undefined, null, '', '  ', 'auto']) assert.equal(parseComposeSetting('s', value), undefined, String(value));
    assert.deepEqual(parseComposeSetting('s', 'docker compose', '/usr/local/bin/docker'), { flavor: 'v2', argv: ['/usr/local/bin/docker', 'compose'] });
    assert.deepEqual(parseComposeSetting('s', ' docker-compose '), { flavor: 'v1', argv: ['docker-compose'] });
    assert.deepEqual(parseComposeSetting('s', '/usr/bin/docker-compose'), { flavor: 'v1', argv: ['/usr/bin/docker-compose'] });
    assert.deepEqual(parseComposeSetting('s', '"/opt/my tools/docker" compose'), { flavor: 'v2', argv: ['/opt/my tools/docker', 'compose'] });
    assert.deepEqual(parseComposeSetting('s', 'podman-compose --podman-path /x'), { flavor: 'custom', argv: ['podman-compose', '--podman-path', '/x'] });
  });

  it('refuses what would be misread: variables, line breaks, options first, unterminated quotes, non-strings', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['${env:HOME}/docker compose', /"\$\{"/],
      ['docker\ncompose', /line break/],
      ['--verbose docker', /starts with an option/],
      ['"docker compose', /unterminated/],
      [42, /expected "auto"/],
      [['docker', 'compose'], /expected "auto"/],
    ];
    for (const [value, message] of cases) {
      assert.throws(() => parseComposeSetting('composeCommand', value), (e: unknown) => e instanceof LaunchInputError && message.test(e.message), JSON.stringify(value));
    }
  });
});

describe('compose detection', () => {
  const runner = (answers: Record<string, ProbeResult>) => {
    const calls: string[] = [];
    const run = async (command: string, args: readonly string[]) => {
      const key = [command, ...args].join(' ');
      calls.push(key);
      return answers[key] ?? { code: -1, stdout: '', stderr: `spawn ${command} ENOENT` };
    };
    return { run, calls };
  };
  const v1Version = readFixture('compose', 'v1-version.txt');

  it('tries docker compose version first, then docker-compose version', async () => {
    const both = runner({ 'docker compose version': { code: 0, stdout: 'Docker Compose version v2.24.6\n', stderr: '' }, 'docker-compose version': { code: 0, stdout: v1Version, stderr: '' } });
    assert.deepEqual(await detectCompose(both.run), { command: composeV2(), version: '2.24.6' });
    assert.deepEqual(both.calls, ['docker compose version']);
    // Debian's docker.io: the docker CLI has no compose plugin ("docker: 'compose' is not a docker command").
    const debian = runner({ 'docker compose version': { code: 1, stdout: '', stderr: "docker: 'compose' is not a docker command." }, 'docker-compose version': { code: 0, stdout: v1Version, stderr: '' } });
    assert.deepEqual(await detectCompose(debian.run), { command: composeV1(), version: '1.29.2' });
    assert.deepEqual(debian.calls, ['docker compose version', 'docker-compose version']);
  });

  it('neither: undefined; the docker path setting is used for the v2 probe; a zero exit without a version does not count', async () => {
    assert.equal(await detectCompose(runner({}).run), undefined);
    const custom = runner({ '/opt/docker compose version': { code: 0, stdout: 'Docker Compose version 2.3.3', stderr: '' } });
    assert.deepEqual((await detectCompose(custom.run, '/opt/docker'))?.command, composeV2('/opt/docker'));
    // Some docker builds print their own help with exit 0 for an unknown subcommand.
    const help = runner({ 'docker compose version': { code: 0, stdout: 'Usage:  docker [OPTIONS] COMMAND', stderr: '' } });
    assert.equal(await detectCompose(help.run), undefined);
  });

  it('reads the versions both print', () => {
    assert.equal(composeVersionFrom(v1Version), '1.29.2');
    assert.equal(composeVersionFrom('Docker Compose version v2.29.7-desktop.1'), '2.29.7-desktop.1');
    assert.equal(composeVersionFrom('docker-compose version 1.25.0, build unknown'), '1.25.0');
    assert.equal(composeVersionFrom(''), undefined);
  });
});

describe('compose ps', () => {
  const services = parseNameList(readFixture('compose', 'v1-config-services.txt'));

  it('asks v2 for JSON with stopped containers, v1 for its table', () => {
    assert.deepEqual(psArgs('v2'), ['ps', '--all', '--format', 'json']);
    assert.deepEqual(psArgs('v1'), ['ps']);
    assert.deepEqual(psArgs('custom'), ['ps']);
  });

  it('v1 table (real docker-compose 1.29.2 output): running and exited services with exit codes', () => {
    assert.deepEqual(services, ['migrate', 'pgbouncer', 'web', 'celery', 'locust']);
    const status = stackStatus('v1', readFixture('compose', 'v1-ps.txt'), services);
    assert.deepEqual(status.map((s) => [s.service, s.state, s.exitCode]), [
      ['migrate', 'exited', 3], ['pgbouncer', 'running', undefined], ['web', 'running', undefined], ['celery', 'exited', 0], ['locust', 'running', undefined],
    ]);
    assert.deepEqual(notRunning(status, services).map((s) => s.service), ['migrate', 'celery']);
  });

  it('v1 table: a service name that is a suffix of another, scaled services, health, missing services', () => {
    const table = [
      '      Name               Command         State          Ports',
      '---------------------------------------------------------------',
      'proj_locust-worker_1   locust --worker   Up',
      'proj_locust-worker_2   locust --worker   Exit 137',
      'proj_worker_1          python w.py       Up (healthy)',
      'proj_db_1              postgres          Restarting',
    ].join('\n');
    const status = stackStatus('v1', table, ['worker', 'locust-worker', 'db', 'web']);
    assert.deepEqual(status.map((s) => [s.service, s.state, s.containers]), [['worker', 'running', 1], ['locust-worker', 'exited', 2], ['db', 'restarting', 1], ['web', 'missing', 0]]);
  });

  it('v2 JSON: an array (before 2.21) and one object per line (2.21+)', () => {
    const array = JSON.stringify([
      { Name: 'p-web-1', Service: 'web', State: 'running', Status: 'Up 3 seconds', ExitCode: 0 },
      { Name: 'p-migrate-1', Service: 'migrate', State: 'exited', Status: 'Exited (3) 1 second ago', ExitCode: 3 },
    ]);
    const lines = '{"Service":"web","State":"running","Status":"Up 2 minutes"}\n{"Service":"celery","State":"paused","Status":"Up 1 minute (Paused)"}\n';
    assert.deepEqual(stackStatus('v2', array, ['web', 'migrate']).map((s) => [s.service, s.state, s.exitCode]), [['web', 'running', undefined], ['migrate', 'exited', 3]]);
    assert.deepEqual(stackStatus('v2', lines, []).map((s) => [s.service, s.state]), [['web', 'running'], ['celery', 'paused']]);
    assert.deepEqual(stackStatus('v2', '', ['web']).map((s) => s.state), ['missing']);
  });

  it('hostile ps output: garbage JSON falls back to the table reader, junk rows are skipped', () => {
    assert.equal(parsePsJson('{"Service": '), undefined);
    assert.deepEqual(parsePsJson('[1, null, {"State": "running"}, {"Service": 7}]'), []);
    assert.deepEqual(parsePsTable('\u0000\u0001 garbage\n\n   \nName  Command\n', ['web']), []);
    assert.deepEqual(stackStatus('custom', 'not json at all', ['web']).map((s) => s.state), ['missing']);
  });
});

describe('compose config', () => {
  it('the services up starts: v1 config lists every profile\'s services, so their profiles are read (real 1.29.2 output)', () => {
    const yaml = readFixture('compose', 'v1-config.yml');
    assert.deepEqual(configServices(yaml).map((s) => [s.service, s.profiles.join(',')]), [
      ['celery', 'celery'], ['locust', ''], ['locust-master', 'distributed'], ['locust-worker', 'distributed'], ['pgbouncer', ''], ['web', ''],
    ]);
    assert.deepEqual(activeServices(yaml, []), ['locust', 'pgbouncer', 'web']);
    assert.deepEqual(activeServices(yaml, ['celery']), ['celery', 'locust', 'pgbouncer', 'web']);
    assert.deepEqual(activeServices(yaml, ['celery', 'distributed']), ['celery', 'locust', 'locust-master', 'locust-worker', 'pgbouncer', 'web']);
  });

  it('inline profile lists, empty services, other top-level keys, junk', () => {
    const yaml = ['version: "3.9"', 'services:', '  a: {}', '  b:', '    image: x', '    profiles: [one, "two"]', 'networks:', '  c:', '    profiles:', '    - nope', ''].join('\n');
    assert.deepEqual(configServices(yaml), [{ service: 'a', profiles: [] }, { service: 'b', profiles: ['one', 'two'] }]);
    assert.deepEqual(configServices('\u0000\nservices\n  x:\n'), []);
  });
});

describe('compose errors', () => {
  it('an engine that does not answer, as v1 and the docker CLI say it', () => {
    assert.equal(isEngineUnreachable(readFixture('compose', 'v1-no-engine.stderr.txt')), true);
    assert.equal(isEngineUnreachable(readFixture('compose', 'docker-no-engine.stderr.txt')), true);
    assert.equal(isEngineUnreachable(readFixture('compose', 'v1-bad-yaml.stderr.txt')), false);
    assert.equal(isEngineUnreachable('No such service: nosuch'), false);
  });

  it("compose's own message, without the traceback, names the file", () => {
    assert.match(composeMessage(readFixture('compose', 'v1-missing-file.stderr.txt')), /^FileNotFoundError: \[Errno 2\] No such file or directory: '\.\/nope\.yml'$/);
    const yaml = composeMessage(readFixture('compose', 'v1-bad-yaml.stderr.txt'));
    assert.match(yaml, /ParserError/);
    assert.match(yaml, /in "\.\/bad\.yml", line 3, column 1/);
    const engine = composeMessage(readFixture('compose', 'v1-no-engine.stderr.txt'));
    assert.doesNotMatch(engine, /Traceback|File "/);
    assert.match(engine, /Error while fetching server API version/);
    assert.equal(composeMessage('\u001b[31mERROR\u001b[0m: Service "x" uses an undefined network'), 'ERROR: Service "x" uses an undefined network');
  });

  it('a compose program that does not run: spawn failure, docker without the plugin', () => {
    assert.equal(isComposeMissing({ code: -1, stderr: 'spawn docker-compose ENOENT' }), true);
    assert.equal(isComposeMissing({ code: 1, stderr: "docker: unknown command: docker compose\n\nRun 'docker --help' for more information" }), true);
    assert.equal(isComposeMissing({ code: 1, stderr: "docker: 'compose' is not a docker command.\nSee 'docker --help'" }), true);
    assert.equal(isComposeMissing({ code: 1, stderr: readFixture('compose', 'v1-bad-yaml.stderr.txt') }), false);
  });

  it('profiles and services that the project does not define', () => {
    assert.deepEqual(parseNameList('celery\ncelery\n\nbad name\n  web  \n'), ['celery', 'web']);
    assert.deepEqual(unknownNames(['celery', 'nosuch', 'web'], ['celery', 'web']), ['nosuch']);
  });
});
