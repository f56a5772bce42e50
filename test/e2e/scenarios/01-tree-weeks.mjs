// Scenario 1: opening the sample workspace, the Execution Tracker view lists the tracker and weeks 0–8, each
// with its done/total as counted from the file.
import assert from 'node:assert/strict';
import { readText, TRACKER_FILE } from '../lib/fixture.mjs';
import { countWeeks, SEED_PROGRESS, VIEW_CONTAINER_TITLE } from '../helpers/tracker.mjs';

export default {
  name: 'tree-weeks',
  async run({ wb, step, trackerPath }) {
    const weeks = countWeeks(readText(trackerPath));
    assert.deepEqual(weeks.map((w) => w.week), [0, 1, 2, 3, 4, 5, 6, 7, 8], 'the fixture tracker should have weeks 0–8');

    await step(`open the ${VIEW_CONTAINER_TITLE} view from the activity bar`, async () => {
      await wb.openViewContainer(VIEW_CONTAINER_TITLE);
      await wb.resizeSidebar(560);
    });

    await step(`the tracker file is listed with ${SEED_PROGRESS.done}/${SEED_PROGRESS.total}`, async () => {
      await wb.waitTreeItem(TRACKER_FILE);
      assert.equal(await wb.treeItemDescription(TRACKER_FILE), `${SEED_PROGRESS.done}/${SEED_PROGRESS.total}`);
    });

    await step('weeks 0–8 are listed in order, each with done/total', async () => {
      // The tree is virtual and may scroll while weeks are looked up, so order comes from each row's position
      // among its siblings (aria-posinset), not from what happens to be on screen at the end.
      const positions = [];
      for (const { week, done, total } of weeks) {
        const label = new RegExp(`^WEEK ${week}:`);
        const row = await wb.waitTreeItem(label);
        positions.push(Number(await row.getAttribute('aria-posinset')));
        assert.equal(await wb.treeItemDescription(label), `${done}/${total}`, `WEEK ${week} description`);
      }
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `weeks in tree order (positions ${positions.join(', ')})`);
    });
  },
};
