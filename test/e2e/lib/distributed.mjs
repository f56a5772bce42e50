// Helpers of the distributed load-test scenarios: a version-fixing Locust wrapper made here (Debian's
// python3-locust 2.12.1 ships an empty version, so its master rejects every worker: the wrapper seeds the
// version first, after ../shared/fixtures/locust/debian-2.12.1/locust_shim_for_distributed_test.py; the product
// never ships it), a target server that counts requests per worker process, a locustfile that says which worker
// sent a request, and the process table.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './processes.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { commandTitle } from '../helpers/tracker.mjs';

export const PYTHON = '/usr/bin/python3';

/**
 * Writes the wrapper into a fresh temp folder and returns { dir, path, command }. With `hangFirstWorker`, the
 * first worker that starts sleeps instead of connecting (a worker that never connects); the others run.
 */
export function makeLocustWrapper({ hangFirstWorker = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'et-locust-wrapper-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'locust_version_wrapper.py');
  writeFileSync(path, [
    '# Test-only: sets the version Debian\'s Locust 2.12.1 leaves empty, then runs Locust.',
    'import os, sys, time, types',
    `HANG = ${hangFirstWorker ? 'True' : 'False'}`,
    `MARKER = ${JSON.stringify(join(dir, 'hung-worker'))}`,
    'if HANG and "--worker" in sys.argv:',
    '    try:',
    '        os.close(os.open(MARKER, os.O_CREAT | os.O_EXCL))',
    '        while True:',
    '            time.sleep(60)',
    '    except FileExistsError:',
    '        pass',
    'm = types.ModuleType("locust._version")',
    'm.version = "2.12.1"',
    'sys.modules["locust._version"] = m',
    'from locust.main import main',
    'sys.argv[0] = "locust"',
    'sys.exit(main())',
    '',
  ].join('\n'));
  return { dir, path, command: [PYTHON, path] };
}

/** A locustfile whose requests name the worker process that sent them. */
export const WORKER_LOCUSTFILE = [
  'import os',
  'from locust import HttpUser, task, between',
  '',
  '',
  'class WorkerUser(HttpUser):',
  '    wait_time = between(0.05, 0.15)',
  '',
  '    @task',
  '    def home(self):',
  '        self.client.get("/", name="home", headers={"X-Worker-Pid": str(os.getpid())})',
  '',
].join('\n');

/** An HTTP server on `host` (127.0.0.1, or the test's own veth address) counting requests per worker pid. */
export function startCountingTarget(host = '127.0.0.1') {
  const byPid = new Map();
  const server = createServer((request, response) => {
    const pid = String(request.headers['x-worker-pid'] ?? 'none');
    byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  return new Promise((resolve) => {
    server.listen(0, host, () => {
      const close = () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); });
      onCleanup(close);
      resolve({ byPid, total: () => [...byPid.values()].reduce((a, b) => a + b, 0), url: `http://${host}:${server.address().port}`, close });
    });
  });
}

/** Processes whose command line contains `needle` (the wrapper's path), as { pid, args }. */
export function processesWith(needle) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (args.some((a) => a.includes(needle))) found.push({ pid: Number(name), args });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The Aggregated request count of a Locust stats CSV (read here, independently of the extension). */
export function aggregatedRequests(statsPath) {
  const lines = readFileSync(statsPath, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(',');
  const row = lines.find((l) => l.split(',')[1] === 'Aggregated').split(',');
  return Number(row[header.indexOf('Request Count')]);
}

const INPUT = '.quick-input-widget .quick-input-box input';
const TITLE = '.quick-input-widget .quick-input-title';

/** Drives "Run Distributed Load Test…" through its steps; resolves with the CSV prefix it suggested. */
export async function runDistributedWizard({ page, wb }, { host, users, runTime, workers, address = '127.0.0.1', localWorkers }) {
  const waitTitle = (text) => waitForValue(`the quick input titled ${text}`, () => page.locator(TITLE).innerText().catch(() => ''), (t) => t.includes(text));
  const answer = async (stepText, value) => {
    await waitTitle(stepText);
    await page.locator(INPUT).fill(value);
    await page.keyboard.press('Enter');
  };
  await wb.runCommand(commandTitle('executionTracker.runDistributedLoadTest'));
  await waitTitle('(1/11)');
  await wb.pickQuickInput('workers_locustfile', 'load_testing/workers_locustfile.py');
  await answer('(2/11)', host);
  await answer('(3/11)', String(users));
  await answer('(4/11)', String(users));
  await answer('(5/11)', runTime);
  await waitTitle('(6/11)');
  await page.keyboard.press('Enter');
  await waitTitle('(7/11)');
  await page.keyboard.press('Enter');
  await answer('(8/11)', String(workers));
  await waitTitle('(9/11)');
  await wb.pickQuickInput(address, address);
  if (localWorkers !== undefined) await answer('(10/11)', String(localWorkers));
  await waitTitle('(11/11)');
  const prefix = await page.locator(INPUT).inputValue();
  await page.keyboard.press('Enter');
  await wb.waitQuickInputClosed();
  return prefix;
}

/** Writes the workspace settings and locustfile the distributed scenarios share. */
export function prepareWorkspace(workspaceDir, wrapper, extra = {}) {
  mkdirSync(join(workspaceDir, '.vscode'), { recursive: true });
  writeFileSync(join(workspaceDir, '.vscode', 'settings.json'), JSON.stringify({ 'executionTracker.launch.locustPath': wrapper.command, 'executionTracker.launch.workersWaitSeconds': 60, ...extra }, null, 2));
  writeFileSync(join(workspaceDir, 'load_testing', 'workers_locustfile.py'), WORKER_LOCUSTFILE);
}

/** Waits until no process of the wrapper is left, and says which were left if some are. */
export async function noLocustLeft(wrapper, timeout = 30_000) {
  await waitForValue('no Locust process of this test left in the process table', () => processesWith(wrapper.path).map((p) => `${p.pid}: ${p.args.join(' ')}`), (left) => left.length === 0, { timeout, interval: 250 });
}

export function killLeftoversOnCleanup(wrapper) {
  onCleanup(() => {
    for (const { pid } of processesWith(wrapper.path)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
}

/**
 * Waits for the extension's status bar item, then for the extension through the API bridge: on a loaded
 * machine (an engine, Locust and other tests beside it) the extension host can take longer to come up than the
 * bridge's palette wait.
 */
export async function extensionReady({ page, api }, extensionId) {
  await page.locator('.part.statusbar .statusbar-item[id$="executionTracker.progress"]').first().waitFor({ state: 'visible', timeout: 90_000 });
  return api.one({ op: 'extension', id: extensionId, activate: true, waitActiveMs: 20_000 });
}
