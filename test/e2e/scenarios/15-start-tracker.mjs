// Scenario 15: what `npm start` shows. With the first-run guide on (start.mjs sets it), opening the sample
// workspace opens the tracker in the editor and the Execution Tracker view beside it, with no click.
import assert from 'node:assert/strict';
import { TRACKER_FILE } from '../lib/fixture.mjs';
import { VIEW_CONTAINER_TITLE } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

export default {
  name: 'start-tracker',
  settings: { 'executionTracker.showOnFirstRun': true },
  async run({ page, wb, step, screenshot }) {
    await step(`${TRACKER_FILE} opens in the editor by itself`, async () => {
      await waitForValue(`the ${TRACKER_FILE} tab`, async () => (await wb.activeTab()).label, (label) => (label ?? '').includes(TRACKER_FILE), { timeout: 45_000 });
    });

    await step(`the side bar shows ${VIEW_CONTAINER_TITLE} with the tracker and its weeks`, async () => {
      await waitForValue(`the side bar to show ${VIEW_CONTAINER_TITLE}`, () => page.locator('.part.sidebar .composite.title h2').first().textContent().catch(() => ''), (t) => (t ?? '').toLowerCase().startsWith(VIEW_CONTAINER_TITLE.toLowerCase()));
      await wb.waitTreeItem(TRACKER_FILE);
      await wb.waitTreeItem(/^Week 3$/);
      assert.match(await wb.treeItemDescription(/^Week 3$/), /^19\/19 · TIER 2 PERFORMANCE - PHASE 1$/);
      await page.mouse.move(1395, 450);
      await screenshot('opened');
    });
  },
};
