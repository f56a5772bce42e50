// Scenario 14: the sample's Docker stack against a real engine (lib/docker.mjs: DOCKER_HOST when it answers,
// else a dockerd of its own), with Compose v1 (Debian's docker-compose 1.29.2, found by detection). From the
// palette and the Stack view: (1) up with two files in order and a profile, (2) the services listed as
// running, (3) logs stream a line a service prints, (4) Locust inside a service against the stack's web
// service, its chart and Record in tracker, (5) restart one service, (6) down: nothing left running.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../lib/codeServer.mjs';
import { readText } from '../lib/fixture.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { answerStackChooser } from '../helpers/stack.mjs';
import { commandTitle, EXTENSION_ID } from '../helpers/tracker.mjs';

const INPUT = '.quick-input-widget .quick-input-box input';
const TITLE = '.quick-input-widget .quick-input-title';
const SERVICES = ['web', 'locust', 'celery', 'pgbouncer'];

export default {
  name: 'docker-stack',
  timeout: 420_000,
  docker: true,
  settings: { 'terminal.integrated.gpuAcceleration': 'off' },
  // Free ports for the web app and the pooler (network_mode: host), and a project name of the test's own.
  env: async () => ({ WEB_PORT: String(await freePort()), PGBOUNCER_PORT: String(await freePort()), COMPOSE_PROJECT_NAME: `etstack${process.pid}${Date.now() % 100000}` }),
  async run({ page, wb, api, step, docker, env, trackerPath, workspaceDir, screenshot }) {
    const title = (id) => commandTitle(id);
    const project = env.COMPOSE_PROJECT_NAME;
    const waitTitle = (text, timeout) => waitForValue(`the quick input titled ${text}`, () => page.locator(TITLE).innerText().catch(() => ''), (t) => t.includes(text), timeout ? { timeout } : undefined);
    const answer = async (stepText, value) => {
      await waitTitle(stepText);
      await page.locator(INPUT).fill(value);
      await page.keyboard.press('Enter');
    };
    const running = async () => (await docker.docker(['ps', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Label "com.docker.compose.service"}}'])).stdout.split('\n').filter(Boolean).sort();
    const terminalText = () => page.locator('.xterm-rows').allInnerTexts().then((t) => t.join('\n'));
    const row = (service) => wb.waitTreeItem(service);
    const serviceAction = async (service, action) => {
      const item = await row(service);
      await item.hover();
      await item.locator(`.actions .action-label[aria-label^="${action}"]`).click();
    };
    const timings = {};
    console.log(`#   engine ${docker.host} (${docker.own ? 'started by the harness' : 'DOCKER_HOST'}, ${docker.version}), web port ${env.WEB_PORT}, project ${project}`);

    await step('the extension host is up (its status bar item shows; slow on a loaded machine)', async () => {
      await wb.waitExtensionHost();
    });

    await step('the extension is active; compose is detected as v1 (docker-compose)', async () => {
      const info = await api.one({ op: 'extension', id: EXTENSION_ID, activate: true, waitActiveMs: 20_000 });
      assert.equal(info.isActive, true);
      const tasks = await waitForValue('the detected compose tasks', () => api.one({ op: 'tasks', type: 'compose' }), (list) => list.some((t) => t.name === 'up docker-compose.yml'));
      const up = tasks.find((t) => t.name === 'up docker-compose.yml');
      assert.deepEqual([up.process.command, ...up.process.args], ['docker-compose', '-f', 'docker-compose.yml', 'up', '-d']);
    });

    await step('(1) Start Docker Stack: two files in order and the celery profile; progress, then "up" with the time', async () => {
      await wb.runCommand(title('executionTracker.startStack'));
      await answerStackChooser(page, wb, { files: ['docker-compose.yml', 'docker-compose-pgbouncer.yml'], pick: ['celery'] });
      const started = Date.now();
      await wb.waitNotification(/Start Docker Stack/, 30_000);
      const toast = await wb.waitNotification(/the Docker stack is up in [\d.]+ s: .*running/, 240_000);
      timings.upMs = Date.now() - started;
      const text = await toast.innerText();
      for (const service of SERVICES) assert.ok(text.includes(service), `${service} in "${text}"`);
      assert.deepEqual(await running(), [...SERVICES].sort(), 'docker ps shows the four services');
      // The overlay was read after the main file: the web app is pointed at the pooler.
      const page1 = await fetch(`http://127.0.0.1:${env.PGBOUNCER_PORT}/`).then((r) => r.text());
      assert.match(page1, new RegExp(`postgres://127\\.0\\.0\\.1:${env.PGBOUNCER_PORT}/app \\(through pgbouncer\\)`));
      console.log(`#   up: ${(timings.upMs / 1000).toFixed(1)} s from the profile pick to the "up" message (${text.match(/up in [\d.]+ s/)[0]})`);
    });

    await step('(2) the Stack view lists the services as running', async () => {
      await api.one({ op: 'executeCommand', command: 'executionTracker.stack.focus' });
      for (const service of SERVICES) {
        const description = await waitForValue(`${service} shown as Up`, async () => (await row(service)).locator('.label-description').innerText().catch(() => ''), (d) => /^Up\b/.test(d), { timeout: 30_000 });
        assert.match(description, /^Up/);
      }
      await screenshot('stack-view');
    });

    await step('(3) Follow Service Logs on celery: the task terminal streams its heartbeat lines', async () => {
      await serviceAction('celery', 'Follow Service Logs');
      await waitForValue('a celery heartbeat line in the terminal', terminalText, (t) => /celery_1\s+\|\s+celery: heartbeat \d+/.test(t), { timeout: 30_000 });
      const first = Number(/celery: heartbeat (\d+)/.exec((await terminalText()).split('\n').filter((l) => l.includes('heartbeat')).pop())[1]);
      await waitForValue('a later heartbeat (the log follows)', terminalText, (t) => [...t.matchAll(/celery: heartbeat (\d+)/g)].some((m) => Number(m[1]) > first), { timeout: 30_000 });
      await screenshot('logs');
    });

    let prefix;
    await step('(4) Run Load Test in the locust service against the stack\'s web service: CSVs in the mounted workspace', async () => {
      await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
      await api.one({ op: 'executeCommand', command: 'executionTracker.stack.focus' });
      await wb.chooseTreeContextMenu(await row('locust'), 'Run Load Test in Service…');
      // The wizard first asks the stack which compose and Locust it has (docker-compose takes seconds to start).
      await waitTitle('(1/8)', 60_000);
      await wb.pickQuickInput('locustfile', 'load_testing/locustfile.py');
      await answer('(2/8)', `http://127.0.0.1:${env.WEB_PORT}`);
      await answer('(3/8)', '3');
      await answer('(4/8)', '3');
      await answer('(5/8)', '5s');
      await answer('(6/8)', 'pages,api');
      await waitTitle('(7/8)');
      await page.keyboard.press('Enter');
      await waitTitle('(8/8)');
      prefix = await page.locator(INPUT).inputValue();
      await page.keyboard.press('Enter');
      await wb.waitQuickInputClosed();
      const toast = await wb.waitNotification(new RegExp(`Load test ${prefix} finished`), 120_000);
      // The chart first, while the notification is up; the files are checked after.
      await toast.locator('.monaco-button', { hasText: 'Open chart' }).click();
      for (const suffix of ['_stats.csv', '_stats_history.csv', '_report.html']) assert.ok(existsSync(join(workspaceDir, `${prefix}${suffix}`)), `${prefix}${suffix} written inside the service, on the host`);
      const stats = readFileSync(join(workspaceDir, `${prefix}_stats.csv`), 'utf8');
      assert.match(stats, /,home,[1-9]/);
      assert.match(stats, /\/data\.json,[1-9]/);
    });

    await step('(4) the chart of the in-service run opens with its two endpoints', async () => {
      const version = /v\d+/.exec(prefix)[0];
      await waitForValue(`a "Chart: ${version}" tab`, () => page.locator('.tabs-container .tab').allInnerTexts(), (tabs) => tabs.some((t) => t.includes(`Chart: ${version}`)), { timeout: 90_000 });
      const frame = page.locator('iframe.webview.ready').first().contentFrame().locator('iframe#active-frame').contentFrame();
      const names = await waitForValue('the endpoint rows of the run', () => frame.locator('#endpoints tbody tr th').allInnerTexts(), (list) => list.length >= 2, { timeout: 90_000 });
      assert.deepEqual([...names].sort(), ['/data.json', 'home']);
      await screenshot('chart');
      // The web service of the same stack served the requests: its log has them.
      const logs = await docker.compose(['-f', 'docker-compose.yml', '-f', 'docker-compose-pgbouncer.yml', 'logs', '--no-color', 'web'], { cwd: workspaceDir, env });
      assert.match(logs.stdout, /web: GET \/data\.json 200/);
    });

    await step('(5) Restart Service on web: a new container start, the view shows it Up again', async () => {
      const startedAt = async () => (await docker.docker(['inspect', '--format', '{{.State.StartedAt}}', `${project}_web_1`])).stdout.trim();
      const before = await startedAt();
      await api.one({ op: 'executeCommand', command: 'executionTracker.stack.focus' });
      await serviceAction('web', 'Restart Service');
      await waitForValue('a new StartedAt of the web container', startedAt, (t) => t !== '' && t !== before, { timeout: 60_000 });
      await waitForValue('web Up in the Stack view', async () => (await row('web')).locator('.label-description').innerText().catch(() => ''), (d) => /^Up\b/.test(d), { timeout: 30_000 });
      // The container is Up before the app inside binds its port: the app answers again a moment later.
      await waitForValue('the restarted web app to answer', () => fetch(`http://127.0.0.1:${env.WEB_PORT}/health`).then((r) => r.text(), () => ''), (t) => t === 'ok', { timeout: 30_000 });
    });

    await step('(6) Stop Docker Stack: down removes every container; docker ps is empty', async () => {
      const started = Date.now();
      await wb.runCommand(title('executionTracker.stopStack'));
      await waitForValue('no container of the project', running, (list) => list.length === 0, { timeout: 120_000 });
      timings.downMs = Date.now() - started;
      // On an engine of its own nothing else may run; on a shared one (fresh-ci's also runs the CI container)
      // the project's containers are what counts, checked just above.
      if (docker.own) assert.deepEqual(await docker.running(), [], 'docker ps -q is empty');
      await waitForValue('the Stack view shows the services without containers', async () => (await row('web')).locator('.label-description').innerText().catch(() => ''), (d) => /no container/.test(d), { timeout: 30_000 });
      await screenshot('down');
      console.log(`#   down: ${(timings.downMs / 1000).toFixed(1)} s from the command to an empty docker ps`);
    });

    await step('(4) Record in tracker writes the in-service run\'s block (the run needs no stack any more)', async () => {
      const version = /v\d+/.exec(prefix)[0];
      // The toast has gone to the notification centre by now (the stack's own notifications followed it):
      // open the centre, as a user would, and take the action there.
      await api.one({ op: 'executeCommand', command: 'notifications.showList' });
      const again = page.locator('.notifications-center .notification-list-item').filter({ has: page.locator('.notification-list-item-message', { hasText: new RegExp(`Load test ${prefix} finished`) }) }).first();
      await again.waitFor({ state: 'visible', timeout: 15_000 });
      await again.locator('.monaco-button', { hasText: 'Record in tracker' }).click();
      await waitTitle('Record under which week or day?');
      await page.keyboard.press('Enter');
      const text = await waitForValue('the run block in the tracker', () => readText(trackerPath), (t) => t.includes(`- CSV: \`${prefix}_stats.csv\``), { timeout: 20_000 });
      assert.match(text, new RegExp(`\\*\\*${version} Load Test Results \\(3 users\\)\\*\\*:`));
    });
  },
};
