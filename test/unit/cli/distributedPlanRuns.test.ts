// The CLI's distributed plan runs for real exactly as printed: the text output is a shell script (master and
// workers in the background, then `wait`), executed here with Debian's Locust 2.12.1 through a version-fixing
// wrapper made by the test (Debian's package ships an empty version, so its master would reject the workers),
// against a server on 127.0.0.1 that counts the requests of each worker process.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';

const PYTHON = '/usr/bin/python3';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('cli command locust: the printed distributed plan runs', () => {
  let dir: string;
  let server: Server;
  const byPid = new Map<string, number>();
  let url: string;

  before(async () => {
    assert.ok(existsSync(PYTHON) && existsSync('/usr/lib/python3/dist-packages/locust'), "Debian's python3-locust is needed (npm run setup installs it)");
    dir = mkdtempSync(join(tmpdir(), 'et-cli-distributed-'));
    writeFileSync(join(dir, 'wrapper.py'), ['import sys, types', 'm = types.ModuleType("locust._version")', 'm.version = "2.12.1"', 'sys.modules["locust._version"] = m', 'from locust.main import main', 'sys.argv[0] = "locust"', 'sys.exit(main())', ''].join('\n'));
    writeFileSync(join(dir, 'locustfile.py'), ['import os', 'from locust import HttpUser, task, between', '', 'class U(HttpUser):', '    wait_time = between(0.05, 0.15)', '', '    @task', '    def home(self):', '        self.client.get("/", name="home", headers={"X-Worker-Pid": str(os.getpid())})', ''].join('\n'));
    server = createServer((request, response) => {
      const pid = String(request.headers['x-worker-pid'] ?? 'none');
      byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => {
    server?.closeAllConnections();
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('master plus 2 workers, with the wrapper as the Locust command', { timeout: 90_000 }, async () => {
    const port = await freePort();
    let printed = '';
    const args = ['command', 'locust', '--locustfile', 'locustfile.py', '--host', url, '--users', '2', '--spawn-rate', '2', '--run-time', '6s', '--csv-prefix', 'cli_v1',
      '--workers', '2', '--master-port', String(port), '--workers-wait', '30', '--log-file', 'cli_v1_master.log', '--locust-version', '2.12.1', '--locust-command', `${PYTHON} ${join(dir, 'wrapper.py')}`];
    assert.equal(runCli(args, (t) => (printed += `${t}\n`), (t) => assert.fail(t)), 0);
    const lines = printed.trim().split('\n');
    assert.equal(lines.length, 4, printed);
    assert.match(lines[0], /--master --master-bind-host 127\.0\.0\.1 --master-bind-port \d+ --expect-workers 2 --expect-workers-max-wait 30 --logfile cli_v1_master\.log &$/);
    assert.equal(lines[3], 'wait');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn('/bin/sh', ['-c', printed], { cwd: dir, stdio: 'ignore' });
      child.on('exit', (c) => resolve(c));
    });
    assert.equal(code, 0, '`wait` returns once every process has exited');
    const log = readFileSync(join(dir, 'cli_v1_master.log'), 'utf8');
    assert.match(log, /2 workers connected/);
    const stats = readFileSync(join(dir, 'cli_v1_stats.csv'), 'utf8').split('\n').find((l) => l.includes('Aggregated'))!;
    const requests = Number(stats.split(',')[2]);
    const workers = [...byPid.entries()].filter(([pid]) => pid !== 'none');
    assert.equal(workers.length, 2, JSON.stringify(workers));
    assert.ok(requests > 0 && requests <= workers.reduce((a, [, c]) => a + c, 0));
    process.stdout.write(`# cli distributed plan: ${requests} requests in the CSV, per worker ${workers.map(([, c]) => c).join(' + ')}\n`);
  });
});
