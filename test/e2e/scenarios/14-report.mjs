// Scenario 14 (report): a compare panel of the two newest runs draws the tracker's P95 criterion as a threshold line;
// "Export Report…" in it saves one HTML file through the save dialog; that file, opened in Chromium with the
// network off, renders the same delta table and drawn charts, makes no request, breaks no CSP rule, and prints.
// The CLI's `report` of the same workspace (run, compare, trend) passes the same checks.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openReportOffline } from '../lib/offlineReport.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(repoRoot, 'dist', 'cli.js');
const resultsDir = join(repoRoot, 'test-results', 'e2e');

/** What a reader of a report must find: it rendered, asked the network for nothing, and every chart has pixels. */
function assertOffline(report, what) {
  assert.equal(report.ready, 'true', `${what} rendered`);
  assert.deepEqual(report.requests, [], `${what} made no request`);
  assert.deepEqual(report.problems, [], `${what}: no page error, no CSP violation`);
  assert.match(report.csp, /^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/);
  assert.ok(report.charts.length > 0 && report.charts.every((c) => c.drawn), `${what}: every chart drawn: ${JSON.stringify(report.charts)}`);
  assert.ok(report.pdfBytes > 10_000, `${what} prints (PDF of ${report.pdfBytes} bytes)`);
}

export default {
  name: 'report',
  timeout: 180_000,
  async run({ page, wb, api, step, workspaceDir, trackerPath, screenshot }) {
    // The two newest runs of the workspace with a _stats.csv, older first (the sample's evidence is generated).
    const runs = readdirSync(workspaceDir)
      .map((n) => /^(.*_(v(\d+))_.*)_stats\.csv$/.exec(n))
      .filter(Boolean)
      .sort((a, b) => Number(a[3]) - Number(b[3]))
      .slice(-2)
      .map((m) => ({ prefix: m[1], version: m[2] }));
    assert.equal(runs.length, 2, 'two runs to compare');
    const criterion = /P95 Response Time:\s*<\d+ms/.exec(readFileSync(trackerPath, 'utf8'))?.[0];
    assert.ok(criterion, 'the sample tracker states a P95 target');
    const outers = page.locator('iframe.webview.ready');
    const frame = () => outers.last().contentFrame().locator('iframe#active-frame').contentFrame();
    let panelRows = [];
    let saved;

    await step(`the workbench is up; "Compare Runs" of ${runs[0].version} and ${runs[1].version}`, async () => {
      await wb.waitForReady();
      await api.call([{ op: 'executeCommand', command: 'executionTracker.compareRuns', args: [runs.map((r) => r.prefix)] }]);
      await frame().locator('body[data-view="compare"]').waitFor({ timeout: 30_000 });
      panelRows = await waitForValue('delta rows', () => frame().locator('#delta-table tbody tr').allInnerTexts(), (list) => list.length >= 4);
    });

    await step(`the compare charts draw the tracker's "${criterion}" as a threshold`, async () => {
      const series = await waitForValue('P95 bars with their series', () => frame().locator('canvas[data-chart="compare-p95-per-endpoint"]').getAttribute('data-series'), (s) => Boolean(s));
      assert.ok(JSON.parse(series).some((label) => label.includes(criterion.replace(/\s+/g, ' '))), series);
      await screenshot('compare-thresholds');
    });

    await step('"Export Report…" saves one HTML file through the save dialog', async () => {
      await frame().locator('button.export-report').click();
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      const value = await waitForValue('the save dialog to suggest a -report.html name', () => input.inputValue(), (v) => /-report\.html$/.test(v));
      await screenshot('export-dialog');
      await page.keyboard.press('Enter');
      saved = join(workspaceDir, value.split('/').pop());
      await waitForValue(`${saved} written`, () => existsSync(saved) && readFileSync(saved, 'utf8').trimEnd().endsWith('</html>'), (ok) => ok);
      await wb.waitNotification(/Report saved to/);
    });

    await step('the exported file, opened in Chromium offline: same delta table, drawn charts, no request, prints', async () => {
      const report = await openReportOffline(page.context().browser(), saved, { screenshot: join(resultsDir, 'report-exported-file.png') });
      assertOffline(report, 'the exported report');
      assert.deepEqual(report.sections.map((s) => s.view), ['compare']);
      assert.equal(report.tables['delta-table'], panelRows.length, 'as many delta rows as the panel');
      for (const row of panelRows) assert.ok(report.text.includes(row.split('\t')[0].trim()), `report names ${row.split('\t')[0]}`);
      assert.ok(report.charts.some((c) => c.id === 'compare-p95-per-endpoint'));
    });

    await step('the CLI report of the same workspace (run, compare, trend) reads the same way', async () => {
      const out = join(workspaceDir, 'cli-report.html');
      execFileSync(process.execPath, [CLI, 'report', runs[1].prefix, '--compare', runs[0].prefix, '--trend', '--workspace', workspaceDir, '-o', out], { encoding: 'utf8' });
      const report = await openReportOffline(page.context().browser(), out, { screenshot: join(resultsDir, 'report-cli-file.png') });
      assertOffline(report, 'the CLI report');
      assert.deepEqual(report.sections.map((s) => s.view), ['run', 'compare', 'trend']);
      assert.equal(report.tables['delta-table'], panelRows.length);
      assert.ok(report.tables['trend-table'] >= 5 && report.tables.endpoints >= 1, JSON.stringify(report.tables));
    });
  },
};
