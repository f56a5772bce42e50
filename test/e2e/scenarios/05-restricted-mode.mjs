// Scenario 5: Restricted Mode (the folder is not trusted): the tracker tree, ticking and progress still work.
// The launch features will add: anything that would run a process is refused with an explanation.
import assert from 'node:assert/strict';
import { readText, waitForFileText } from '../lib/fixture.mjs';
import { openTaskLines, progressText, SEED_PROGRESS, taskLabel, VIEW_CONTAINER_TITLE, withToggled } from '../helpers/tracker.mjs';

export default {
  name: 'restricted-mode',
  settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' },
  async run({ wb, api, step, trackerPath }) {
    const original = readText(trackerPath);
    const [line] = openTaskLines(original, 'Test cache hit ratios');
    const label = taskLabel(original.split('\n')[line - 1]);

    await step('answer the Workspace Trust prompt with "No, I don\'t trust the authors"', () => wb.answerTrustPrompt(false));

    await step('the status bar says Restricted Mode and the extension host agrees', async () => {
      await wb.waitStatusBarItem('Restricted Mode');
      assert.equal((await api.one({ op: 'workspace' })).isTrusted, false);
    });

    await step(`the ${VIEW_CONTAINER_TITLE} view lists weeks 0–8 and the status bar shows ${progressText(SEED_PROGRESS)}`, async () => {
      await wb.openViewContainer(VIEW_CONTAINER_TITLE);
      await wb.resizeSidebar(560);
      for (let week = 0; week <= 8; week += 1) await wb.waitTreeItem(new RegExp(`^Week ${week}$`));
      await wb.waitStatusBarItem(progressText(SEED_PROGRESS));
    });

    await step(`tick "${label}" in the tree: one mark changes on disk`, async () => {
      await wb.expandTreeItem(/^Week 4$/);
      await wb.expandTreeItem(/^Day 16-17/);
      await wb.clickTreeCheckbox(label, true);
      await waitForFileText(trackerPath, withToggled(original, [line]), `line ${line} to read "[x]" on disk with nothing else changed`);
      await wb.waitStatusBarItem(progressText({ ...SEED_PROGRESS, done: SEED_PROGRESS.done + 1 }));
    });
  },
};
