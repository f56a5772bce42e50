// Scenario 4: the status bar shows the seed's progress, and follows a tick in the tree.
import assert from 'node:assert/strict';
import { readText, TRACKER_FILE } from '../lib/fixture.mjs';
import { openTaskLines, progressText, SEED_PROGRESS, taskLabel, VIEW_CONTAINER_TITLE } from '../helpers/tracker.mjs';

export default {
  name: 'status-bar',
  async run({ wb, step, trackerPath }) {
    const before = progressText(SEED_PROGRESS);
    const after = progressText({ ...SEED_PROGRESS, done: SEED_PROGRESS.done + 1 });
    const original = readText(trackerPath);
    const label = taskLabel(original.split('\n')[openTaskLines(original, 'Add cache invalidation logic')[0] - 1]);

    await step(`the status bar shows ${before}`, async () => {
      const item = await wb.waitStatusBarItem(before);
      const tooltip = await item.getAttribute('aria-label');
      assert.match(tooltip ?? '', new RegExp(`${TRACKER_FILE}.*${SEED_PROGRESS.done}.*${SEED_PROGRESS.total}`), 'its accessible label names the file and the counts');
    });

    await step(`tick "${label}" in the tree`, async () => {
      await wb.openViewContainer(VIEW_CONTAINER_TITLE);
      await wb.resizeSidebar(560);
      await wb.expandTreeItem(/^Week 4$/);
      await wb.expandTreeItem(/^Day 16-17/);
      await wb.clickTreeCheckbox(label, true);
    });

    await step(`the status bar shows ${after}`, async () => {
      await wb.waitStatusBarItem(after);
      assert.equal(await wb.statusBarItem(before).count(), 0, `${before} is gone`);
    });
  },
};
