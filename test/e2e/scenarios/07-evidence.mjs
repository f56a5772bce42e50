// Scenario 7: evidence in the editor. On `- Evidence: hasil_test_v39_…_stats.csv` the CodeLens offers Open chart,
// Open CSV and Compare with previous run; the hover shows the numbers of that CSV (read here independently) and
// the change against v38; Ctrl+Click on the reference opens the CSV.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { readText, repoRoot, TRACKER_FILE } from '../lib/fixture.mjs';
import { selectors, waitForValue } from '../helpers/workbench.mjs';

const V39 = 'hasil_test_v39_100u_r4_pool140_core_only_stats.csv';
const EVIDENCE_LINE = `- Evidence: ${V39}`;
const LENS_TITLES = ['Open chart', 'Open CSV', 'Compare with previous run'];

/** The Aggregated row of a Locust 2.x stats CSV, read without the extension's code (no quoted commas in it). */
export function aggregatedRow(text) {
  const [header, ...rows] = text.trim().split(/\r?\n/);
  const cells = rows.find((row) => row.startsWith(',Aggregated,')).split(',');
  const col = (name) => cells[header.split(',').indexOf(name)];
  return { requests: Number(col('Request Count')), failures: Number(col('Failure Count')), p50: Number(col('50%')), p95: Number(col('95%')), p99: Number(col('99%')), rps: Number(col('Requests/s')) };
}

export default {
  name: 'evidence',
  async run({ page, wb, api, step, workspaceDir, trackerPath, screenshot }) {
    // The sample's v39 CSV agrees with the tracker; a real Locust output put under its name does not, which is
    // the drift this scenario looks for (and the hover then shows that file's numbers).
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'locust', 'debian-2.12.1', 'run1', 'run1_stats.csv'), join(workspaceDir, V39));
    const lines = readText(trackerPath).split('\n');
    const lineIndex = lines.findIndex((line) => line.trim() === EVIDENCE_LINE);
    assert.ok(lineIndex > 0, `the sample tracker has the line "${EVIDENCE_LINE}"`);
    const lineNumber = lineIndex + 1;
    const v39 = aggregatedRow(readText(join(workspaceDir, V39)));

    const evidenceLine = () => page.locator('.part.editor .view-line').filter({ hasText: EVIDENCE_LINE }).first();
    const refSpan = () => evidenceLine().locator('span span', { hasText: /hasil_test_v39/ }).last();

    await step(`open ${TRACKER_FILE} at line ${lineNumber}`, async () => {
      await wb.openFile(TRACKER_FILE);
      await wb.goToLine(lineNumber);
      await evidenceLine().waitFor({ state: 'visible' });
    });

    await step(`the CodeLens ${LENS_TITLES.map((t) => `"${t}"`).join(', ')} sits right above "${EVIDENCE_LINE}"`, async () => {
      // A lens is a view zone rendered just above the line it belongs to.
      const lensesAbove = async () => {
        const lineBox = await evidenceLine().boundingBox();
        const lenses = await page.locator('.monaco-editor .codelens-decoration').evaluateAll((zones) => zones.map((zone) => {
          const box = zone.getBoundingClientRect();
          return { text: zone.textContent, bottom: box.bottom };
        }));
        return lenses.filter((lens) => lineBox && lineBox.y - lens.bottom >= -2 && lineBox.y - lens.bottom < 24).map((lens) => lens.text);
      };
      await waitForValue('the three lenses above the v39 evidence line', lensesAbove, (texts) => texts.some((t) => LENS_TITLES.every((title) => t.includes(title))), { timeout: 30_000 });
      await screenshot('codelens');
    });

    await step('hover on the reference shows requests, failure %, P50/P95/P99, RPS and duration from the CSV', async () => {
      await api.one({ op: 'setSelections', selections: [[lineIndex, EVIDENCE_LINE.indexOf('hasil') + 5]] });
      await wb.focusEditor();
      await wb.runCommand('Show or Focus Hover');
      const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
      const expected = [
        v39.requests.toLocaleString('en-US'),
        `${v39.failures.toLocaleString('en-US')} (${((v39.failures / v39.requests) * 100).toFixed(1)}%)`,
        `${v39.p50} ms`,
        `${v39.p95} ms`,
        `${v39.p99} ms`,
        v39.rps.toFixed(1),
        'Duration',
        'vs v38',
      ];
      await waitForValue(`the hover to show ${JSON.stringify(expected)}`, () => hover.innerText().catch(() => ''), (text) => expected.every((e) => text.includes(e)));
      await screenshot('hover');
      await wb.press('Escape');
    });

    await step('with v36 as baseline, the hover adds the change against it', async () => {
      await api.one({ op: 'executeCommand', command: 'executionTracker.setBaseline', args: ['hasil_test_v36_100u_r4_pool140_core_only'] });
      await api.one({ op: 'setSelections', selections: [[lineIndex, EVIDENCE_LINE.indexOf('hasil') + 5]] });
      await wb.focusEditor();
      await wb.runCommand('Show or Focus Hover');
      const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
      await waitForValue('the hover to compare with v38 and the baseline v36', () => hover.innerText().catch(() => ''), (text) => text.includes('vs v38') && text.includes('vs baseline v36'));
      await screenshot('hover-baseline');
      await wb.press('Escape');
    });

    await step('Ctrl+Click on the reference opens the CSV', async () => {
      await wb.focusEditor();
      const box = await refSpan().boundingBox();
      assert.ok(box, 'the reference is on screen');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.down('Control');
      // VS Code underlines a link under Ctrl + pointer once the link provider answered.
      await waitForValue('the reference to render as a link', () => page.locator('.part.editor .view-line .detected-link-active').count(), (n) => n > 0, { timeout: 15_000 }).catch(() => undefined);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.up('Control');
      await waitForValue(`the active tab to be ${V39}`, async () => (await wb.activeTab()).label, (label) => label.includes(V39));
      await screenshot('csv-opened');
    });

    await step('evidence-drift in the Problems panel: the v39 summary disagrees with its CSV', async () => {
      await wb.openFile(TRACKER_FILE);
      await wb.press('Ctrl+Shift+M');
      const expected = `requests 9,166 vs ${v39.requests.toLocaleString('en-US')}`;
      await wb.filterProblems('disagrees with hasil_test_v39', (row) => row.includes('v39 summary disagrees') && row.includes(expected));
      await screenshot('drift');
      await page.locator(selectors.problemsFilter).first().fill('');
      await wb.press('Ctrl+Shift+M');
    });

    await step('"Open chart" on the v39 line runs executionTracker.openChart with the v39 run', async () => {
      await wb.openFile(TRACKER_FILE);
      await wb.goToLine(lineNumber);
      const registered = (await api.one({ op: 'commands', filter: 'executionTracker.openChart' })).ids.includes('executionTracker.openChart');
      const lens = page.locator('.monaco-editor .codelens-decoration').filter({ has: page.locator('a', { hasText: 'Open chart' }) });
      await waitForValue('an "Open chart" lens on screen', () => lens.count(), (n) => n > 0);
      // The lens right above the v39 line: the one whose bottom is closest above the line's top.
      const lineTop = (await evidenceLine().boundingBox()).y;
      const boxes = await lens.evaluateAll((zones) => zones.map((zone) => zone.getBoundingClientRect().bottom));
      const index = boxes.map((bottom, i) => [lineTop - bottom, i]).filter(([d]) => d >= -2).sort((a, b) => a[0] - b[0])[0][1];
      await lens.nth(index).locator('a', { hasText: 'Open chart' }).click();
      if (registered) {
        await waitForValue('a chart tab for v39', () => page.locator('.tabs-container .tab').allInnerTexts(), (tabs) => tabs.some((t) => /v39|chart/i.test(t)), { timeout: 30_000 });
      } else {
        // The chart panel is not built yet: VS Code says the command is missing, which proves the lens invoked it.
        await wb.waitNotification("command 'executionTracker.openChart' not found");
      }
      await screenshot('open-chart');
    });
  },
};
