import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  addressProblem,
  buildLocustCommand,
  LaunchInputError,
  MasterLogReader,
  parseLocustVersion,
  parseMasterLog,
  planDistributed,
  programProblem,
} from '../../../src/core/launch';
import { readFixture } from '../fixtures';

const log = (name: string) => readFixture('locust', 'debian-2.12.1', 'distributed', name);
const wrapped = parseLocustVersion('locust 2.12.1');
const modern = parseLocustVersion('locust 2.46.3 from /usr/lib/python3/site-packages/locust (Python 3.12.3)');
const def = { locustfile: 'locustfile.py', users: 4, spawnRate: 4, runTime: '10s', workers: 3, csvPrefix: 'out/v50', html: true, logFile: 'out/v50_master.log' };
const refuses = (fn: () => unknown, field: string, pattern: RegExp) =>
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof LaunchInputError, String(error));
    assert.equal(error.field, field);
    assert.match(error.message, pattern);
    assert.ok(!error.message.includes('\n'));
    return true;
  });
const after = (args: readonly string[], flag: string) => args[args.indexOf(flag) + 1];

describe('distributed plan: master, workers here and elsewhere', () => {
  it('binds the master to the chosen address; local workers and the remote command follow it', () => {
    const plan = planDistributed({ ...def, masterBindHost: '10.213.47.1', masterPort: 15570, localWorkers: 1, workersWait: 30 }, wrapped);
    assert.equal(plan.mode, 'master-workers');
    assert.equal(plan.expectedWorkers, 3);
    assert.equal(plan.workers.length, 1);
    assert.deepEqual(plan.master.args.slice(plan.master.args.indexOf('--master')), [
      '--master', '--master-bind-host', '10.213.47.1', '--master-bind-port', '15570', '--expect-workers', '3', '--expect-workers-max-wait', '30', '--logfile', 'out/v50_master.log',
    ]);
    for (const worker of [plan.workers[0], plan.remoteWorker!]) {
      assert.deepEqual(worker.args, ['-f', 'locustfile.py', '--worker', '--master-host', '10.213.47.1', '--master-port', '15570'], 'no CSV, report or log file on workers');
    }
  });

  it('a master on every interface: local workers use 127.0.0.1, remote ones need the address given', () => {
    const plan = planDistributed({ ...def, masterBindHost: '*', masterHost: 'loadgen.example', localWorkers: 2 }, wrapped);
    assert.equal(after(plan.master.args, '--master-bind-host'), '*');
    assert.equal(after(plan.workers[0].args, '--master-host'), '127.0.0.1');
    assert.equal(after(plan.remoteWorker!.args, '--master-host'), 'loadgen.example');
    refuses(() => planDistributed({ ...def, masterBindHost: '0.0.0.0', localWorkers: 0 }, wrapped), 'masterHost', /every interface/);
  });

  it('remote workers cannot reach a loopback master; local count within 0..workers', () => {
    refuses(() => planDistributed({ ...def, localWorkers: 1 }, wrapped), 'masterBindHost', /2 worker\(s\) on other machines cannot reach a master listening on 127\.0\.0\.1/);
    refuses(() => planDistributed({ ...def, masterBindHost: '10.0.0.1', localWorkers: 4 }, wrapped), 'localWorkers', /between 0 and 3/);
    assert.equal(planDistributed({ ...def, masterBindHost: '10.0.0.1', localWorkers: 0 }, wrapped).workers.length, 0);
  });

  it('--processes only for Locust 2.19+ with every worker local on 127.0.0.1; otherwise a real master', () => {
    const forked = planDistributed(def, modern);
    assert.equal(forked.mode, 'processes');
    assert.deepEqual(forked.master.args.slice(-4), ['--processes', '3', '--logfile', 'out/v50_master.log']);
    assert.ok(!forked.master.args.includes('--master'), '--processes cannot be combined with --master');
    assert.equal(planDistributed(def, parseLocustVersion('locust 2.19.0')).mode, 'processes');
    assert.equal(planDistributed(def, parseLocustVersion('locust 2.18.3')).mode, 'master-workers');
    assert.equal(planDistributed({ ...def, masterBindHost: '10.0.0.1', localWorkers: 1 }, modern).mode, 'master-workers', 'remote workers need --master');
    assert.equal(planDistributed({ ...def, masterBindHost: '127.0.0.1' }, modern).mode, 'master-workers', 'a chosen address is honoured');
  });

  it('the wait for workers: 2.4.2+ only, 0 waits for ever (no flag), refused when out of range', () => {
    assert.equal(parseLocustVersion('locust 2.4.2').supportsWorkersWait, true);
    assert.equal(parseLocustVersion('locust 2.4.1').supportsWorkersWait, false);
    assert.equal(parseLocustVersion('locust 10.0').supportsWorkersWait, true);
    refuses(() => planDistributed({ ...def, workersWait: 30 }, parseLocustVersion('locust 2.3.0')), 'workersWait', /2\.4\.2/);
    assert.ok(!planDistributed({ ...def, workersWait: 0 }, parseLocustVersion('locust 2.3.0')).master.args.includes('--expect-workers-max-wait'));
    refuses(() => planDistributed({ ...def, workersWait: 'soon' }, wrapped), 'workersWait', /not a whole number/);
    refuses(() => planDistributed({ ...def, workersWait: 90_000 }, wrapped), 'workersWait', /between 0 and 86400/);
  });

  it("Debian's unwrapped 2.12.1 keeps its own message", () => {
    refuses(() => planDistributed(def, parseLocustVersion('locust \n')), 'workers', /empty version.*pre 2\.0/);
  });
});

describe('addresses and programs', () => {
  it('addresses: IPv4, IPv6, host names, *; hostile values refused', () => {
    for (const good of ['127.0.0.1', '10.213.47.1', '::1', 'fe80::1', 'loadgen', 'loadgen.internal.example', '*']) assert.equal(addressProblem(good), undefined, good);
    for (const bad of ['', '256.1.1.1', '-h', 'a b', 'x;rm', '${env:HOME}', 'host\nname', 'http://x', 'a..b']) assert.ok(addressProblem(bad), bad);
    assert.throws(() => buildLocustCommand({ locustfile: 'l.py', role: 'worker', masterHost: '*' }), /listens everywhere/);
  });

  it('the Locust command: a path, or a command with arguments, before the argv', () => {
    const line = buildLocustCommand({ locustfile: 'l.py', users: 1 }, { locust: ['/usr/bin/python3', '/tmp/wrapper.py'] });
    assert.equal(line.command, '/usr/bin/python3');
    assert.deepEqual(line.args.slice(0, 3), ['/tmp/wrapper.py', '-f', 'l.py']);
    assert.equal(buildLocustCommand({ locustfile: 'l.py' }, { locust: '/opt/My Tools/locust' }).command, '/opt/My Tools/locust', 'a string is a path, never split');
    for (const bad of [[], [''], ['-x'], ['python3', '${workspaceFolder}/x.py'], ['python3', 'a\nb'], [1], {}]) assert.ok(programProblem(bad), JSON.stringify(bad));
    assert.throws(() => buildLocustCommand({ locustfile: 'l.py' }, { locust: ['python3', '${x}'] }), (e: unknown) => e instanceof LaunchInputError && e.field === 'locustPath');
  });
});

describe('master log', () => {
  it('a real run (2.12.1, 2 workers): waiting, connected, started, quit, shutdown', () => {
    const events = parseMasterLog(log('run5_master_stderr.txt'));
    assert.deepEqual(events, [
      { kind: 'waiting', connected: 0, expected: 2 },
      { kind: 'waiting', connected: 0, expected: 2 },
      { kind: 'connected', connected: 1 },
      { kind: 'waiting', connected: 1, expected: 2 },
      { kind: 'connected', connected: 2 },
      { kind: 'started', workers: 2 },
      { kind: 'quit', worker: 'vm_9b484e518a5c4443aacd8041049cf2ba', ready: 0 },
      { kind: 'quit', worker: 'vm_3db1ffe0a7f24158ba570ef6bfe197a9', ready: 0 },
      { kind: 'lastWorkerGone' },
      { kind: 'shutdown', exitCode: 1 },
    ]);
  });

  it('a worker killed mid-run goes missing; a master with no workers gives up', () => {
    const killed = parseMasterLog(log('killed_worker_master_stderr.txt'));
    assert.ok(killed.some((e) => e.kind === 'missing' && e.worker === 'vm_8989fda24ff44e1288e0f5f665afb06c'));
    const gaveUp = parseMasterLog(log('gave_up_master_stderr.txt'));
    assert.deepEqual(gaveUp.map((e) => e.kind), ['waiting', 'waiting', 'waiting', 'gaveUp']);
  });

  it('chunks split anywhere give the same events; a partial last line waits; CRLF and junk are fine', () => {
    const text = log('run5_master_stderr.txt');
    const whole = parseMasterLog(text);
    for (const size of [1, 7, 64, 1000]) {
      const reader = new MasterLogReader();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...reader.push(text.slice(i, i + size)));
      events.push(...reader.flush());
      assert.deepEqual(events, whole, `chunks of ${size}`);
    }
    const reader = new MasterLogReader();
    assert.deepEqual(reader.push('[x] Waiting for workers to be ready, 1 of 4 conn'), []);
    assert.deepEqual(reader.push('ected\r\n\u0000garbage\n'), [{ kind: 'waiting', connected: 1, expected: 4 }]);
    assert.deepEqual(parseMasterLog(''), []);
  });
});
