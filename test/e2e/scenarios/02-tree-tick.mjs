// Scenario 2: ticking an open task's checkbox in the tree changes exactly that one mark in the file on disk, and
// the counts above it follow; unticking restores the file byte for byte.
import assert from 'node:assert/strict';
import { changedLines, readText, waitForFileText } from '../lib/fixture.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { openTaskLines, taskLabel, VIEW_CONTAINER_TITLE, withToggled } from '../helpers/tracker.mjs';

const TASK = 'Implement cache layer for V2 endpoints';

export default {
  name: 'tree-tick',
  async run({ wb, step, trackerPath }) {
    const original = readText(trackerPath);
    const [line] = openTaskLines(original, TASK);
    assert.ok(line, `the fixture has no open task "${TASK}"`);
    const label = taskLabel(original.split('\n')[line - 1]);

    await step(`open the ${VIEW_CONTAINER_TITLE} view and expand WEEK 4 > Day 16-17`, async () => {
      await wb.openViewContainer(VIEW_CONTAINER_TITLE);
      await wb.resizeSidebar(560);
      await wb.expandTreeItem(/^Week 4$/);
      await wb.expandTreeItem(/^Day 16-17/);
      assert.equal(await wb.treeItemDescription(/^Day 16-17/), '0/4');
      assert.match(await wb.treeItemDescription(/^Week 4$/), /^21\/28 · TIER 2 PERFORMANCE - PHASE 2$/);
      assert.equal(await wb.isTreeItemChecked(label), false, `"${label}" should start unticked`);
    });

    await step(`tick "${label}": line ${line} on disk changes from [ ] to [x], nothing else`, async () => {
      const expected = withToggled(original, [line]);
      assert.deepEqual(changedLines(original, expected).map((c) => c.line), [line]);
      await wb.clickTreeCheckbox(label, true, { done: () => readText(trackerPath) === expected });
      await waitForFileText(trackerPath, expected, `line ${line} to read "[x]" on disk with nothing else changed`);
    });

    await step('the counts in the tree follow: Day 16-17 1/4, WEEK 4 22/28', async () => {
      await waitForValue('Day 16-17 to show 1/4', () => wb.treeItemDescription(/^Day 16-17/), (d) => d === '1/4');
      await waitForValue('Week 4 to show 22/28', () => wb.treeItemDescription(/^Week 4$/), (d) => d.startsWith('22/28 · '));
      await waitForValue(`the row of "${label}" to show its box ticked`, () => wb.isTreeItemChecked(label), (ticked) => ticked === true);
    });

    await step(`untick "${label}": the file on disk is restored exactly`, async () => {
      await wb.clickTreeCheckbox(label, false, { done: () => readText(trackerPath) === original });
      await waitForFileText(trackerPath, original, 'the file on disk to be the original again');
      await waitForValue('Day 16-17 to show 0/4 again', () => wb.treeItemDescription(/^Day 16-17/), (d) => d === '0/4');
    });
  },
};
