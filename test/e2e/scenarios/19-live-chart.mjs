// Scenario 19c: a headless run followed live. Run on the sample locustfile starts real Locust 2.12.1 (60 s,
// against a loopback server); the status bar shows the running test (users, requests, RPS, failures, elapsed);
// clicking it opens the run's chart, whose "live" badge shows the request count read from the growing
// _stats_history.csv, and that count changes while the run goes on. "Stop Load Test" ends it with SIGINT before
// its run time: Locust writes its final CSVs and HTML report, no process is left, and the live badge goes.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { commandTitle } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { processesWith, startTarget } from '../helpers/loadTarget.mjs';
import { clickInline, showScenarios, writeSettings } from './19-scenarios-tree.mjs';

const STATUS = '.part.statusbar #execution-tracker\\.execution-tracker\\.executionTracker\\.liveRun';
const LIVE = /^live · (\d+) users · ([\d,]+) requests · [\d.]+ RPS · [\d.]+% failures · \d+:\d\d$/;

export default {
  name: 'live-chart',
  timeout: 220_000,
  async run({ page, wb, step, workspaceDir, screenshot }) {
    const target = await startTarget();
    try {
      writeSettings(workspaceDir, { 'executionTracker.launch.defaultHost': target.url, 'executionTracker.launch.scenarioUsers': 3, 'executionTracker.launch.scenarioSpawnRate': 3, 'executionTracker.launch.scenarioRunTime': '60s' });
      let prefix;
      await step('Run on the locustfile starts a headless run; the status bar shows it with its numbers', async () => {
        await showScenarios(page, wb);
        await clickInline(page, wb, 'load_testing/locustfile.py', 'Run');
        const text = await waitForValue('the live status bar item', () => page.locator(STATUS).innerText().catch(() => ''), (t) => / users · [\d,]+ requests · /.test(t), { timeout: 60_000 });
        prefix = /(\S+): \d+ users/.exec(text.trim())?.[1];
        assert.match(prefix, /^hasil_test_v\d+_3u_r3$/);
      });

      const frame = wb.webviewFrame();
      const seen = new Set();
      await step('clicking it opens the run\'s chart with a "live" badge holding the request count', async () => {
        await page.locator(STATUS).click();
        await waitForValue('a chart tab', () => page.locator('.tabs-container .tab').allInnerTexts(), (tabs) => tabs.some((t) => /^Chart: v\d+/.test(t.trim())), { timeout: 30_000 });
        const badge = await waitForValue('the live badge with numbers', () => frame.locator('.badge.live').innerText().catch(() => ''), (t) => LIVE.test(t), { timeout: 60_000 });
        seen.add(LIVE.exec(badge)[2]);
        await screenshot('live-first');
      });

      await step('while the run goes on, the live panel shows a second, different request count (history flushed by Locust)', async () => {
        await waitForValue('a second request count in the live badge', async () => {
          const match = LIVE.exec(await frame.locator('.badge.live').innerText().catch(() => ''));
          if (match) seen.add(match[2]);
          return seen.size;
        }, (n) => n >= 2, { timeout: 60_000, interval: 500 });
        assert.equal(processesWith(prefix).length > 0, true, 'the run is still going');
        const counts = [...seen].map((s) => Number(s.replace(/,/g, '')));
        assert.ok(counts[1] > counts[0], `counts grow: ${counts.join(' then ')}`);
        await screenshot('live-second');
      });

      await step('"Stop Load Test" ends it with SIGINT: final CSVs and HTML report written, no process left, the live badge goes', async () => {
        await wb.runCommand(commandTitle('executionTracker.stopLoadTest'));
        await wb.waitNotification(new RegExp(`Load test ${prefix} finished`), 60_000);
        for (const suffix of ['_stats.csv', '_stats_history.csv', '_failures.csv', '_report.html']) assert.ok(existsSync(join(workspaceDir, `${prefix}${suffix}`)), `${prefix}${suffix}`);
        await waitForValue('no Locust process of the run', () => processesWith(prefix), (list) => list.length === 0, { timeout: 20_000 });
        await waitForValue('the live numbers gone from the badge', () => frame.locator('.badge.live').innerText().catch(() => ''), (t) => !LIVE.test(t), { timeout: 20_000 });
        await waitForValue('no running test in the status bar', () => page.locator(STATUS).isVisible().catch(() => false), (visible) => visible === false, { timeout: 10_000 });
        await screenshot('stopped');
      });
    } finally {
      target.close();
    }
  },
};
