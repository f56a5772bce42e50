// Scenario 17: a distributed load test in the stack, on a real engine (lib/docker.mjs) with Compose v1. The
// sample's overlay stack/distributed.yml runs the Locust master in its own service and the workers in one
// service scaled by a compose task of tasks.json (`up --scale locust-worker=2`); the master's CSVs land in the
// bind-mounted workspace. Debian's Locust needs the version-fixing wrapper here too: the test writes it into the
// workspace and points the overlay's LOCUST_LAUNCHER at it. `down` leaves no container of the project.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../lib/codeServer.mjs';
import { aggregatedRequests, extensionReady, makeLocustWrapper } from '../lib/distributed.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { EXTENSION_ID } from '../helpers/tracker.mjs';

const PREFIX = 'hasil_test_v61_4u_r4_stack_2w';
const FILES = ['docker-compose.yml', 'stack/distributed.yml'];
const TASKS = [
  { label: 'distributed stack up', type: 'compose', action: 'up', files: FILES, profiles: ['distributed'], scale: { 'locust-worker': 2 }, build: true },
  { label: 'distributed stack down', type: 'compose', action: 'down', files: FILES, profiles: ['distributed'] },
];

export default {
  name: 'distributed-stack',
  timeout: 420_000,
  docker: true,
  env: async () => ({
    WEB_PORT: String(await freePort()),
    LOCUST_MASTER_PORT: String(await freePort()),
    COMPOSE_PROJECT_NAME: `etdist${process.pid}${Date.now() % 100000}`,
    LOCUST_LAUNCHER: '/workspace/.et-locust/locust_version_wrapper.py',
    LOCUST_CSV: PREFIX,
    LOCUST_RUN_TIME: '10s',
    LOCUST_WORKERS: '2',
  }),
  // Written before VS Code opens the folder: a tasks.json written once the workbench is up is read a moment
  // later, and a runTask by label in that moment shows the task picker instead of running anything.
  prepare({ workspaceDir }) {
    mkdirSync(join(workspaceDir, '.et-locust'), { recursive: true });
    writeFileSync(join(workspaceDir, '.et-locust', 'locust_version_wrapper.py'), readFileSync(makeLocustWrapper().path, 'utf8'));
    mkdirSync(join(workspaceDir, '.vscode'), { recursive: true });
    writeFileSync(join(workspaceDir, '.vscode', 'tasks.json'), JSON.stringify({ version: '2.0.0', tasks: TASKS }, null, 2));
  },
  async run(ctx) {
    const { api, page, step, docker, env, workspaceDir, screenshot } = ctx;
    const project = env.COMPOSE_PROJECT_NAME;
    const containers = async (service, all = false) =>
      (await docker.docker(['ps', ...(all ? ['-a'] : []), '--filter', `label=com.docker.compose.project=${project}`, '--filter', `label=com.docker.compose.service=${service}`, '--format', '{{.ID}} {{.State}}'])).stdout.split('\n').filter(Boolean);
    console.log(`#   engine ${docker.host} (${docker.own ? 'started by the harness' : 'DOCKER_HOST'}, ${docker.version}), project ${project}, master port ${env.LOCUST_MASTER_PORT}`);

    await step('the wrapper in the workspace; tasks.json has the compose tasks up (scaled workers) and down', async () => {
      const info = await extensionReady(ctx, EXTENSION_ID);
      assert.equal(info.isActive, true);
      // runTask with a label VS Code has not read yet opens the task picker and waits there; nothing would start.
      await waitForValue('the compose tasks of tasks.json to be offered', async () => (await api.one({ op: 'tasks', type: 'compose' })).map((t) => t.name), (names) => TASKS.every((t) => names.includes(t.label)), { timeout: 30_000, interval: 1000 });
    });

    await step('the up task: the master in its own service, the worker service scaled to 2', async () => {
      await api.one({ op: 'executeCommand', command: 'workbench.action.tasks.runTask', args: ['distributed stack up'] });
      // A timeout says what stood instead: the project's containers, and a picker if one opened in the workbench.
      const seen = async () => ({
        workers: (await containers('locust-worker')).length,
        master: (await containers('locust-master', true)).length,
        project: (await docker.docker(['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}} {{.Status}}'])).stdout.trim(),
        picker: (await page.locator('.quick-input-widget').isVisible()) ? await page.locator('.quick-input-widget').innerText() : null,
      });
      await waitForValue('2 running worker containers and the master', seen, (s) => s.workers === 2 && s.master === 1, { timeout: 180_000, interval: 1000 });
      await screenshot('up');
    });

    let requests;
    await step('the master waits for both workers, runs 10 s and writes its CSVs into the bind-mounted workspace', async () => {
      const stats = join(workspaceDir, `${PREFIX}_stats.csv`);
      await waitForValue('the master container to exit', async () => (await containers('locust-master', true)).join(' '), (s) => /exited/.test(s), { timeout: 120_000, interval: 1000 });
      assert.ok(existsSync(stats), `${PREFIX}_stats.csv is in the workspace`);
      requests = aggregatedRequests(stats);
      assert.ok(requests > 0);
      const logs = await docker.compose(['-f', ...FILES.flatMap((f, i) => (i ? ['-f', f] : [f])), '--profile', 'distributed', 'logs', '--no-color', 'locust-master'], { cwd: workspaceDir, env });
      assert.match(logs.stdout + logs.stderr, /2 workers connected/);
      assert.match(logs.stdout + logs.stderr, /Sending spawn jobs of 4 users at 4\.00 spawn rate to 2 ready workers/);
      await waitForValue('the workers to follow the master\'s quit', async () => (await containers('locust-worker')).length, (n) => n === 0, { timeout: 60_000, interval: 1000 });
      console.log(`#   figures: stack run ${requests} requests in the CSV, 2 scaled workers`);
    });

    await step('the down task leaves no container of the project', async () => {
      await api.one({ op: 'executeCommand', command: 'workbench.action.tasks.runTask', args: ['distributed stack down'] });
      await waitForValue('no container of the project', async () => (await docker.docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])).stdout.trim(), (s) => s === '', { timeout: 120_000, interval: 1000 });
      await screenshot('down');
    });
  },
};
