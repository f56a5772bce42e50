// Scenario 8 (charts): "Open Run Chart…" on v39 opens a panel beside the editor with drawn canvases (pixels, not
// a blank canvas) and the endpoint table read from the CSV; the header sorts the table; "Compare Runs…" (v39
// and v40 preselected) shows the delta table with the endpoints v40 no longer has; "Show Run Trend" lists the
// tracker's run summaries and the CSV runs; "Export PNG" writes a PNG through the save dialog; switching to
// Light Modern recolours the chart.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readText, repoRoot } from '../lib/fixture.mjs';
import { commandTitle } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

const V39_STATS = 'hasil_test_v39_100u_r4_pool140_core_only_stats.csv';
const REAL = join(repoRoot, 'test', 'fixtures', 'locust', 'debian-2.12.1');

/**
 * Real Locust 2.12.1 runs under the v39 and v40 names (the sample's own files are generated): run1 (four
 * endpoints, full history, --html) as v39 and run2 (`-T pages broken`: two of them) as v40.
 */
function useRealRuns(workspaceDir) {
  // Only five runs stay, so v39 and v40 are the latest (the compare preselection) and the trend's other points
  // come from the tracker text.
  const kept = /^hasil_test_v(24|36|38|39|40)_/;
  for (const name of readdirSync(workspaceDir)) if (name.startsWith('hasil_test_') && !kept.test(name)) rmSync(join(workspaceDir, name));
  for (const [run, version] of [['run1', 'v39'], ['run2_tags_nofullhistory', 'v40']]) {
    const prefix = `hasil_test_${version}_100u_r4_pool140_core_only`;
    const source = run.split('_')[0];
    for (const suffix of ['stats.csv', 'stats_history.csv', 'failures.csv', 'exceptions.csv', 'report.html']) {
      const from = join(REAL, run, `${source}_${suffix}`);
      rmSync(join(workspaceDir, `${prefix}_${suffix}`), { force: true });
      if (existsSync(from)) copyFileSync(from, join(workspaceDir, `${prefix}_${suffix}`));
    }
  }
}

/** Endpoint names of a Locust stats CSV without the Aggregated row, read without the extension's code. */
function endpointNames(text) {
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((row) => /^[^,]*,("(?:[^"]|"")*"|[^,]*)/.exec(row)[1].replace(/^"|"$/g, '').replace(/""/g, '"'))
    .filter((name) => name !== 'Aggregated');
}

/** Counts canvas pixels that differ from the corner pixel (the background the chart fills). */
async function drawnPixels(frame, selector) {
  return frame.locator(selector).first().evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const { width, height } = canvas;
    if (!width || !height) return { width, height, drawn: 0, dataUrl: 0 };
    const data = ctx.getImageData(0, 0, width, height).data;
    const [r, g, b] = data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 30) drawn++;
    return { width, height, drawn, dataUrl: canvas.toDataURL('image/png').length };
  });
}

export default {
  name: 'charts',
  settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  timeout: 180_000,
  async run({ page, wb, step, workspaceDir, screenshot }) {
    useRealRuns(workspaceDir);
    const endpoints = endpointNames(readText(join(workspaceDir, V39_STATS)));
    assert.equal(endpoints.length, 4, `v39 has four endpoints: ${endpoints}`);
    // Each panel has its own frame (panels side by side are all visible): the one in use is found by its view.
    const outers = page.locator('iframe.webview.ready');
    const inner = (index) => outers.nth(index).contentFrame().locator('iframe#active-frame').contentFrame();
    let current = 0;
    const frame = () => inner(current);
    const view = async (kind) => {
      current = await waitForValue(
        `a chart panel showing the ${kind} view`,
        async () => {
          const count = await outers.count();
          for (let index = 0; index < count; index++) if (await inner(index).locator(`body[data-view="${kind}"]`).count()) return index;
          return -1;
        },
        (index) => index >= 0,
        { timeout: 30_000 },
      );
    };

    await step('the workbench is up, and the extension host (its status bar item)', async () => {
      await wb.waitForReady();
      await wb.waitExtensionHost();
    });

    await step('"Open Run Chart…" from the palette, pick v39: the panel opens with the endpoint table', async () => {
      await wb.runCommandWithPick(commandTitle('executionTracker.openChart'));
      await wb.pickQuickInput('v39', 'v39');
      await view('run');
      const names = await waitForValue('four endpoint rows', () => frame().locator('#endpoints tbody tr th').allInnerTexts(), (list) => list.length === 4);
      assert.deepEqual([...names].sort(), [...endpoints].sort());
      const footer = await frame().locator('#endpoints tfoot tr').innerText();
      assert.match(footer, /Aggregated/);
    });

    await step('the charts are drawn (pixels, not a blank canvas), each canvas labelled for screen readers', async () => {
      const canvases = frame().locator('canvas[data-chart]');
      await waitForValue('at least four charts (percentiles, throughput, latency, users)', () => canvases.count(), (n) => n >= 4);
      const labels = await canvases.evaluateAll((list) => list.map((c) => [c.getAttribute('role'), c.getAttribute('aria-label')]));
      assert.ok(labels.every(([role, label]) => role === 'img' && label && label.length > 10), JSON.stringify(labels));
      for (const id of ['percentiles', 'aggregated-throughput']) {
        const pixels = await waitForValue(`chart ${id} drawn`, () => drawnPixels(frame(), `canvas[data-chart$="${id}"]`), (p) => p.drawn > 500);
        assert.ok(pixels.dataUrl > 5000, `${id} PNG is not empty: ${JSON.stringify(pixels)}`);
      }
      await screenshot('run');
      await frame().locator('#history').scrollIntoViewIfNeeded();
      await screenshot('run-history');
    });

    await step('clicking the P95 header sorts the endpoint table by P95 (descending, then ascending)', async () => {
      const column = await frame().locator('#endpoints thead th').evaluateAll((cells) => cells.findIndex((c) => c.textContent.trim().startsWith('P95')));
      assert.ok(column > 0, 'a P95 column');
      const p95 = () => frame().locator('#endpoints tbody tr').evaluateAll((rows, i) => rows.map((r) => Number(r.cells[i].textContent.replace(/[^\d.]/g, ''))), column);
      await frame().locator('#endpoints thead button', { hasText: 'P95' }).click();
      await waitForValue('P95 descending', p95, (v) => v.every((x, i) => i === 0 || v[i - 1] >= x));
      assert.equal(await frame().locator('#endpoints thead th[aria-sort="descending"]').innerText().then((t) => t.trim().startsWith('P95')), true);
      await frame().locator('#endpoints thead button', { hasText: 'P95' }).click();
      await waitForValue('P95 ascending', p95, (v) => v.every((x, i) => i === 0 || v[i - 1] <= x));
    });

    await step('"Export PNG" on the percentile chart saves a PNG through the save dialog', async () => {
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await frame().locator('figure.chart-card', { has: page.locator('canvas[data-chart$="percentiles"]') }).locator('button.export').click().catch(async () => {
        await frame().locator('button.export').first().click();
      });
      await input.waitFor({ state: 'visible' });
      // The simple (web) save dialog shows the folder first and fills the suggested name in a moment later.
      const value = await waitForValue('the save dialog to suggest a .png name', () => input.inputValue(), (v) => /\.png$/.test(v));
      await screenshot('export-dialog');
      await page.keyboard.press('Enter');
      const saved = join(workspaceDir, value.split('/').pop());
      await waitForValue(`${saved} written`, () => existsSync(saved) && readFileSync(saved).subarray(0, 8).toString('hex'), (hex) => hex === '89504e470d0a1a0a');
      await wb.waitNotification(/Chart saved to/);
    });

    await step('"Compare Runs…" with v39 and v40 preselected: the delta table marks the endpoints v40 lacks', async () => {
      await wb.runCommandWithPick(commandTitle('executionTracker.compareRuns'));
      const checked = await waitForValue('v39 and v40 preselected', () =>
        page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((rows) => rows.filter((r) => r.getAttribute('aria-checked') === 'true' || r.querySelector('input[type=checkbox]:checked, .monaco-custom-toggle.checked, [aria-checked="true"]')).map((r) => r.querySelector('.label-name')?.textContent?.trim())),
        (list) => list.includes('v39') && list.includes('v40'),
      );
      assert.equal(checked.length, 2, `only two preselected: ${checked}`);
      await page.keyboard.press('Enter');
      await view('compare');
      const rows = await waitForValue('delta rows', () => frame().locator('#delta-table tbody tr').allInnerTexts(), (list) => list.length >= 8);
      const removed = rows.filter((r) => /\bremoved\b/.test(r));
      assert.equal(removed.length, 2, `two endpoints removed in v40: ${JSON.stringify(rows)}`);
      assert.ok(removed.some((r) => r.includes('/data.json')), JSON.stringify(removed));
      assert.ok(rows.some((r) => /v40/.test(r) && /[+\u2212]\d/.test(r)), 'a delta with a sign');
      assert.match(await frame().locator('.summary').innerText(), /10 %/);
      await waitForValue('compare P95 bars drawn', () => drawnPixels(frame(), 'canvas[data-chart="compare-p95-per-endpoint"]'), (p) => p.drawn > 300);
      await screenshot('compare');
    });

    await step('"Show Run Trend": the tracker summaries (v18 … v47) and the CSV runs on one axis', async () => {
      await wb.runCommand(commandTitle('executionTracker.showTrend'));
      await view('trend');
      const rows = await waitForValue('trend rows', () => frame().locator('#trend-table tbody tr').allInnerTexts(), (list) => list.length >= 20);
      const first = (label, source) => rows.find((r) => r.startsWith(label) && r.includes(source));
      for (const label of ['v18', 'v26b', 'v47']) assert.ok(first(label, 'tracker'), `${label} from the tracker: ${rows.slice(0, 5)}`);
      for (const label of ['v39', 'v40']) assert.ok(first(label, 'CSV'), `${label} from CSV`);
      await waitForValue('trend latency chart drawn', () => drawnPixels(frame(), 'canvas[data-chart="trend-latency"]'), (p) => p.drawn > 300);
      await screenshot('trend');
    });

    await step('switching to the Light Modern theme recolours the chart', async () => {
      const colors = () => frame().locator('canvas[data-chart="trend-latency"]').getAttribute('data-colors');
      const before = await colors();
      const background = () => drawnPixels(frame(), 'canvas[data-chart="trend-latency"]').then(() => frame().locator('canvas[data-chart="trend-latency"]').evaluate((c) => [...c.getContext('2d').getImageData(1, 1, 1, 1).data].slice(0, 3).join(',')));
      const backgroundBefore = await background();
      await wb.runCommandWithPick('Preferences: Color Theme');
      await wb.pickQuickInput('Light Modern', /^Light Modern/);
      await waitForValue('the chart colours to change', colors, (after) => after !== before);
      await waitForValue('the chart background to turn light', background, (rgb) => rgb !== backgroundBefore && rgb.split(',').every((c) => Number(c) > 200));
      assert.equal(await frame().locator('body').getAttribute('data-theme'), 'vscode-light');
      await page.keyboard.press('Escape');
      await waitForValue('the workbench side bar to turn light', () => page.locator('.part.sidebar').evaluate((e) => getComputedStyle(e).backgroundColor), (c) => (c.match(/\d+/g) ?? []).slice(0, 3).every((n) => Number(n) > 200));
      await screenshot('light');
    });
  },
};
