// Scenario 19a: the Scenarios view on the sample workspace. The sample locustfile is read statically (its User
// class, wait_time, tasks with weights and tags); a locustfile with a syntax error shows the error with its line,
// and one with a dynamic @tag shows "dynamic". A click on a task reveals its line; the task's inline Run starts
// real Locust 2.12.1 with `--tags api WebsiteUser` against a loopback server: only that task's endpoint is hit,
// and its CSVs arrive and are offered like any run's.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VIEW_CONTAINER_TITLE } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { startTarget, statsNames } from '../helpers/loadTarget.mjs';

export const BROKEN = 'from locust import HttpUser, task\n\n\nclass Broken(HttpUser):\n    @task\n    def home(self)\n        self.client.get("/")\n';
export const DYNAMIC = 'from locust import HttpUser, tag, task\n\nTAGS = ["x"]\n\n\nclass DynamicUser(HttpUser):\n    @tag(*TAGS)\n    @task\n    def dyn(self):\n        self.client.get("/")\n';

/** Opens the container with only the Scenarios view expanded, wide enough for the descriptions. */
export async function showScenarios(page, wb) {
  await wb.openViewContainer(VIEW_CONTAINER_TITLE);
  await wb.resizeSidebar(620);
  for (const title of [/^Tracker/i, /^Runs/i]) {
    const header = page.locator('.part.sidebar .pane-header', { hasText: title }).first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }
  const scenarios = page.locator('.part.sidebar .pane-header', { hasText: /^Scenarios/i }).first();
  await scenarios.waitFor();
  if ((await scenarios.getAttribute('aria-expanded')) === 'false') await scenarios.click();
}

/** Workspace settings a scenario needs (written before the view reads them; VS Code watches the file). */
export function writeSettings(workspaceDir, settings) {
  mkdirSync(join(workspaceDir, '.vscode'), { recursive: true });
  writeFileSync(join(workspaceDir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
}

export async function clickInline(page, wb, label, action) {
  const row = await wb.waitTreeItem(label);
  await row.hover();
  await row.locator(`.actions .action-label[aria-label="${action}"]`).click();
}

export default {
  name: 'scenarios-tree',
  timeout: 200_000,
  async run({ page, wb, step, workspaceDir, screenshot }) {
    const target = await startTarget();
    try {
      writeSettings(workspaceDir, { 'executionTracker.launch.defaultHost': target.url, 'executionTracker.launch.scenarioUsers': 2, 'executionTracker.launch.scenarioSpawnRate': 2, 'executionTracker.launch.scenarioRunTime': '5s' });
      writeFileSync(join(workspaceDir, 'load_testing', 'broken_locust.py'), BROKEN);
      writeFileSync(join(workspaceDir, 'load_testing', 'dynamic_locust.py'), DYNAMIC);

      await step('the Scenarios view lists the sample locustfile, its User class and its five tasks with weights and tags', async () => {
        await showScenarios(page, wb);
        await wb.waitTreeItem('load_testing/locustfile.py', 30_000);
        const rows = await waitForValue('the WebsiteUser tasks', () => wb.treeRows(), (list) => list.some((r) => r.label === 'boom'), { timeout: 30_000 });
        const byLabel = Object.fromEntries(rows.map((r) => [r.label, r.description]));
        assert.equal(byLabel['load_testing/locustfile.py'], '1 User class');
        assert.equal(byLabel.WebsiteUser, 'weight 1 · between(0.05, 0.2)');
        assert.equal(byLabel.home, 'weight 5 · tags: smoke pages');
        assert.equal(byLabel.data, 'weight 3 · tags: api');
        assert.equal(byLabel.missing, 'weight 1 · tags: broken');
        await screenshot('tree');
      });

      await step('bad input: the syntax error is shown with its line; a dynamic @tag is shown as "dynamic"', async () => {
        const rows = await waitForValue('the broken and dynamic files', () => wb.treeRows(), (list) => list.some((r) => r.label === 'dyn') && list.some((r) => /^syntax error/.test(r.label)), { timeout: 30_000 });
        const file = rows.find((r) => r.label === 'load_testing/broken_locust.py');
        assert.equal(file?.description, 'syntax error');
        const error = rows.find((r) => /^syntax error: expected ':'$/.test(r.label));
        assert.equal(error?.description, 'line 6');
        assert.equal(rows.find((r) => r.label === 'dyn')?.description, 'weight 1 · tags: dynamic');
        assert.ok(rows.some((r) => /task dyn: @tag\(\*TAGS\) is not a string literal/.test(r.label)), 'the dynamic tag is explained');
        await screenshot('bad-input');
      });

      await step('clicking the task "data" reveals its def line (14) in the locustfile', async () => {
        await (await wb.waitTreeItem('data')).click();
        await waitForValue('the locustfile editor at line 14', () => wb.cursorPosition(), (p) => p?.line === 14);
        assert.match((await wb.activeTab()).label ?? '', /locustfile\.py/);
      });

      let prefix;
      await step('Run on the task "data" runs real Locust with --tags api WebsiteUser; only /data.json is hit', async () => {
        await clickInline(page, wb, 'data', 'Run');
        const toast = await wb.waitNotification(/Load test (\S+) finished/, 90_000);
        prefix = /Load test (\S+) finished/.exec(await toast.innerText())[1];
        assert.ok((target.hits.get('/data.json') ?? 0) > 0, 'data.json was requested');
        assert.deepEqual([...target.hits.keys()], ['/data.json'], 'no other task ran');
      });

      await step('the CSVs arrive in the workspace and the result is offered (Open chart, Record in tracker)', async () => {
        for (const suffix of ['_stats.csv', '_stats_history.csv', '_failures.csv', '_report.html']) assert.ok(existsSync(join(workspaceDir, `${prefix}${suffix}`)), `${prefix}${suffix}`);
        assert.deepEqual(statsNames(join(workspaceDir, `${prefix}_stats.csv`)), ['/data.json']);
        const toast = wb.notification(new RegExp(`Load test ${prefix} finished`)).first();
        assert.ok(await toast.locator('.monaco-button', { hasText: 'Record in tracker' }).isVisible());
        await screenshot('run-finished');
      });
    } finally {
      target.close();
    }
  },
};
