// Scenario 19b: "Run with Web UI" on the sample's User class. The preferred port is taken (by this test's own
// target server), so another free port is used; Locust 2.12.1 runs without --headless, bound to 127.0.0.1, and
// its own UI is shown inside VS Code. A test is started in that UI and runs against the loopback server; "Stop"
// ends Locust with SIGINT: the process is gone, the panel closes, and the CSVs arrive and are offered.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitForValue } from '../helpers/workbench.mjs';
import { processesWith, startTarget, statsNames } from '../helpers/loadTarget.mjs';
import { clickInline, showScenarios, writeSettings } from './19-scenarios-tree.mjs';

const TAB = /Locust: load_testing\/locustfile\.py/;

export default {
  name: 'scenarios-webui',
  timeout: 200_000,
  async run({ page, wb, step, workspaceDir, screenshot }) {
    const target = await startTarget();
    let webPort;
    try {
      writeSettings(workspaceDir, {
        'executionTracker.launch.defaultHost': target.url,
        'executionTracker.launch.scenarioUsers': 2,
        'executionTracker.launch.scenarioSpawnRate': 2,
        // Taken: the target server listens there.
        'executionTracker.launch.webUiPort': target.port,
      });

      await step('Run with Web UI on WebsiteUser: Locust starts on another free port, bound to 127.0.0.1 only', async () => {
        await showScenarios(page, wb);
        await clickInline(page, wb, 'WebsiteUser', 'Run with Web UI');
        const lines = await waitForValue('a Locust process with a web UI', () => processesWith('--web-port'), (list) => list.some((l) => l.includes('load_testing/locustfile.py')), { timeout: 30_000 });
        const line = lines.find((l) => l.includes('load_testing/locustfile.py'));
        webPort = Number(/--web-port (\d+)/.exec(line)[1]);
        assert.notEqual(webPort, target.port, 'the taken port was not used');
        assert.match(line, /--web-host 127\.0\.0\.1 /);
        assert.doesNotMatch(line, /--headless|--run-time/);
        assert.match(line, / WebsiteUser$/, 'the User class is the positional argument');
      });

      let frame;
      await step('Locust\'s own web UI shows inside VS Code, in a panel beside the editor', async () => {
        await waitForValue('the Locust panel tab', () => page.locator('.tabs-container .tab').allInnerTexts(), (tabs) => tabs.some((t) => TAB.test(t)), { timeout: 60_000 });
        frame = await waitForValue('the Locust UI frame', async () => {
          for (const f of page.frames()) {
            if ((await f.locator('#swarm_form').count().catch(() => 0)) > 0) return f;
          }
          return undefined;
        }, (f) => f !== undefined, { timeout: 60_000 });
        assert.equal(await frame.locator('#host').inputValue(), target.url, 'the host comes from the setting');
        await screenshot('ui-ready');
      });

      await step('a test started in that UI runs: status RUNNING, requests reach the loopback server', async () => {
        await frame.locator('#swarm_form #user_count').fill('2');
        await frame.locator('#swarm_form #spawn_rate').fill('2');
        await frame.locator('#swarm_form button[type=submit]').click();
        await waitForValue('Locust\'s status to be RUNNING', () => frame.locator('#status_text').innerText(), (t) => /running/i.test(t), { timeout: 30_000 });
        await waitForValue('requests in the UI\'s statistics table', () => frame.locator('#stats tbody tr').count(), (n) => n >= 2, { timeout: 30_000 });
        assert.ok([...target.hits.values()].reduce((a, b) => a + b, 0) > 0);
        await screenshot('running');
      });

      let prefix;
      await step('Stop: Locust ends (SIGINT), no process is left, the panel closes, the CSVs arrive and are offered', async () => {
        const panelFrame = page.frames().find((f) => f.childFrames().includes(frame));
        assert.ok(panelFrame, 'the panel around the Locust UI');
        await panelFrame.locator('#stop').click();
        const toast = await wb.waitNotification(/Load test (\S+) finished/, 60_000);
        prefix = /Load test (\S+) finished/.exec(await toast.innerText())[1];
        await waitForValue('no Locust process on the web port', () => processesWith(`--web-port ${webPort}`), (list) => list.length === 0, { timeout: 20_000 });
        await waitForValue('the Locust panel to close', () => page.locator('.tabs-container .tab').allInnerTexts(), (tabs) => !tabs.some((t) => TAB.test(t)), { timeout: 20_000 });
        for (const suffix of ['_stats.csv', '_stats_history.csv', '_failures.csv', '_report.html']) assert.ok(existsSync(join(workspaceDir, `${prefix}${suffix}`)), `${prefix}${suffix}`);
        assert.ok(statsNames(join(workspaceDir, `${prefix}_stats.csv`)).includes('home'));
        await screenshot('stopped');
      });
    } finally {
      target.close();
    }
  },
};
