// Scenario 14 (progress history): a real git repository with the scripted history of the seed tracker (made in
// the workspace copy, as test/unit/history does) is opened in the Progress panel: the burn-up is drawn, the
// last point reads 139/190, the shallow-clone note is absent and the Latin-1 commit is listed as left out;
// "since 2026-01-12" lists exactly the four ticked tasks and the one unticked and removed; clicking a ticked
// task puts the editor's cursor on its line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeScriptedRepo } from '../../fixtures/history/scriptedRepo.mjs';
import { commandTitle } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

// The seed as the unit tests have it (sample/ may differ from it): the script edits its exact lines.
const SEED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'trackers', 'MASTER_EXECUTION_TRACKER.md');

export default {
  name: 'progress-history',
  settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  timeout: 180_000,
  async run({ page, wb, api, step, workspaceDir, screenshot }) {
    const root = join(workspaceDir, 'history');
    const commits = makeScriptedRepo(root, readFileSync(SEED, 'utf8'));
    const file = join(root, commits[commits.length - 1].path);
    const outers = page.locator('iframe.webview.ready');
    const frame = () => outers.first().contentFrame().locator('iframe#active-frame').contentFrame();

    await step('the workbench is up; the scripted tracker is open in the editor', async () => {
      await wb.waitForReady();
      await api.one({ op: 'showDocument', path: file });
    });

    await step('"Show Progress History" opens the Progress panel: a drawn burn-up, 6 points, the last 139/190', async () => {
      await wb.runCommand(commandTitle('executionTracker.showProgress'));
      await waitForValue('the progress view', () => frame().locator('body[data-view="progress"]').count(), (n) => n === 1, { timeout: 30_000 });
      const rows = await waitForValue('six points in the table', () => frame().locator('#progress-table tbody tr').allInnerTexts(), (list) => list.length === 6);
      const last = rows.map((r) => r.split('\t').map((c) => c.trim())).find((cells) => cells[1] === commits[commits.length - 1].commit.slice(0, 8));
      assert.ok(last, `the newest commit is a row: ${JSON.stringify(rows)}`);
      assert.deepEqual(last.slice(2, 5), ['139', '190', 'Fix the encoding; warm the cache']);
      const drawn = await frame().locator('canvas[data-chart="progress-burnup"]').evaluate((canvas) => {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30) n++;
        return n;
      });
      assert.ok(drawn > 500, `the burn-up is drawn (${drawn} pixels)`);
      const skipped = await frame().locator('#progress-skipped li').allTextContents();
      assert.deepEqual(skipped.map((s) => s.replace(/^\S+ \S+: /, '')), ['the file is not valid UTF-8 at this commit']);
      assert.equal(await frame().locator('.note', { hasText: 'shallow clone' }).count(), 0);
      await screenshot('panel');
    });

    await step('since 2026-01-12: four ticked, one unticked, one removed, nothing added', async () => {
      await frame().locator('#range-kind').selectOption('since');
      await frame().locator('#range-date').fill('2026-01-12');
      await frame().locator('#range-apply').click();
      await waitForValue('the range label', () => frame().locator('#range-label').innerText(), (t) => t.startsWith('Since 2026-01-12'));
      const list = (id) => frame().locator(`#${id} li button.link`).allInnerTexts();
      const ticked = await waitForValue('four ticked tasks', () => list('changes-ticked'), (l) => l.length === 4);
      assert.deepEqual(ticked, ['Implement cache layer for V2 endpoints', 'Warm the V2 cache after deploy', 'Create ROADMAP_PHASE2.md for future development', 'Tag release v2.0-optimized']);
      assert.deepEqual(await list('changes-unticked'), ['Verify all success criteria met']);
      assert.deepEqual(await list('changes-removed'), ['Measure 99% improvement on cache hits']);
      assert.equal(await frame().locator('#changes-added').count(), 0);
      await frame().locator('#progress-range').scrollIntoViewIfNeeded();
      await screenshot('range');
    });

    await step('clicking a ticked task puts the cursor on its line in the tracker', async () => {
      const expected = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes('- [x] Tag release v2.0-optimized'));
      assert.ok(expected > 0);
      await frame().locator('#changes-ticked button.link', { hasText: 'Tag release v2.0-optimized' }).click();
      // The status bar shows the cursor without a palette round trip; the API then confirms file and selection.
      await waitForValue('the cursor on the task line', () => wb.cursorPosition(), (p) => p?.line === expected + 1, { timeout: 30_000 });
      const editor = await api.one({ op: 'activeEditor' });
      assert.equal(editor.fileName, file);
      assert.deepEqual(editor.selections.map((s) => s[2]), [expected]);
      await screenshot('jumped');
    });
  },
};
