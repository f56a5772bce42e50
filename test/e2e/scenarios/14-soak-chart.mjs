// Scenario 14 (soak-chart): the figure a user feels. The bench's 3.5 M-row soak history (a 24-hour run of 40
// endpoints, ~600 MB; generated once into .cache/bench/) is linked into the workspace as run v99; "Open Run
// Chart…" → v99 opens the panel and every chart canvas gets drawn pixels. The time from picking the run to the last chart
// painted is printed as a figure: reported, never asserted (timing belongs in `npm run bench`). The file is big
// enough to be read in parts on worker threads; a worker that failed over to one pass would be in the log.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ensureHistory, SOAK } from '../../../bench/cases/history.mjs';
import { findLogs } from '../helpers/logs.mjs';
import { commandTitle } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

const SOAK_FILE = 'hasil_test_v99_40u_soak_stats_history.csv';

/** Canvases of the panel and how many of their pixels differ from the corner (the background). */
async function paintedCanvases(frame) {
  return frame.locator('canvas[data-chart]').evaluateAll((list) =>
    list.map((canvas) => {
      const { width, height } = canvas;
      if (!width || !height) return 0;
      const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
      const [r, g, b] = data;
      let drawn = 0;
      for (let i = 0; i < data.length; i += 16) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 30) drawn++;
      return drawn;
    }),
  );
}

export default {
  name: 'soak-chart',
  settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  // Generating the soak file the first time takes about a minute on a loaded machine; reading it, seconds.
  timeout: 600_000,
  async run({ page, wb, step, workspaceDir, userDataDir, screenshot }) {
    await step('the 3.5 M-row soak history is in the workspace (linked, not copied)', async () => {
      const file = ensureHistory(SOAK.rows, SOAK.endpoints);
      symlinkSync(file, join(workspaceDir, SOAK_FILE));
      assert.ok(existsSync(join(workspaceDir, SOAK_FILE)));
      await wb.waitForReady();
      await wb.waitExtensionHost();
    });

    const input = page.locator('.quick-input-widget .quick-input-box input');
    const outers = page.locator('iframe.webview.ready');
    const inner = (index) => outers.nth(index).contentFrame().locator('iframe#active-frame').contentFrame();
    let started = 0;
    await step('"Open Run Chart…" from the palette offers v99', async () => {
      const title = commandTitle('executionTracker.openChart');
      await wb.runCommandWithPick(title, 60_000);
      await input.fill('v99');
      await wb.quickPickItem(/v99/).first().waitFor({ state: 'visible', timeout: 60_000 });
      started = Date.now();
      await page.keyboard.press('Enter');
    });

    await step('every chart of the soak run is painted', async () => {
      const frameIndex = await waitForValue(
        'a chart panel showing the run view',
        async () => {
          const count = await outers.count();
          for (let index = 0; index < count; index++) if (await inner(index).locator('body[data-view="run"]').count()) return index;
          return -1;
        },
        (index) => index >= 0,
        { timeout: 300_000 },
      );
      const painted = await waitForValue('at least three charts, every one with drawn pixels', () => paintedCanvases(inner(frameIndex)), (list) => list.length >= 3 && list.every((drawn) => drawn > 100), { timeout: 300_000 });
      const ms = Date.now() - started;
      // The figure (reported, not asserted): command → charts painted, for a 3.5 M-row history.
      process.stdout.write(`# figure soak-chart: ${SOAK.rows} rows, ${SOAK.endpoints} endpoints, pick → ${painted.length} charts painted in ${ms} ms\n`);
      await screenshot('soak');
    });

    await step('the file was read in parts on worker threads: no worker failed over to one pass', async () => {
      const logged = findLogs(userDataDir).map((path) => readFileSync(path, 'utf8')).join('\n');
      assert.doesNotMatch(logged, /history worker failed/);
    });
  },
};
