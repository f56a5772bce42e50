// Scenario 10: ticking a task in VS Code's built-in Markdown preview. A click on the checkbox opens the webview's
// context menu at the box; its "Toggle Task" item changes exactly that one mark in the source document (one undo
// step in the editor beside it), and the preview re-renders with the new state. A forged request without the
// preview's session token changes nothing and says so.
import assert from 'node:assert/strict';
import { readText, TRACKER_FILE } from '../lib/fixture.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { commandTitle, openTaskLines, withToggled } from '../helpers/tracker.mjs';

const TASK = 'Implement cache layer for V2 endpoints';
const CHECKBOX = 'input.task-list-item-checkbox';
const MENU_ITEM = '.context-view .monaco-menu .action-item';

/**
 * Clicks a context-menu item the way a hand does: the pointer moves onto the item (which focuses it) before the
 * button goes down. VS Code 1.100 passes the webview's context to the command only then; an instant synthetic
 * click on an unfocused item runs it with `{ preserveFocus: false }` instead.
 */
async function clickMenuItem(page, label) {
  const item = page.locator(MENU_ITEM).filter({ hasText: label }).first();
  const box = await item.boundingBox();
  await page.mouse.move(box.x + 12, box.y + box.height / 2, { steps: 5 });
  await waitForValue(`the menu item "${label}" to take the hover focus`, () => item.evaluate((el) => el.classList.contains('focused')), (focused) => focused);
  await page.mouse.down();
  await page.mouse.up();
}

export default {
  name: 'preview',
  async run({ wb, api, step, trackerPath, screenshot }) {
    const original = readText(trackerPath);
    const [line] = openTaskLines(original, TASK);
    assert.ok(line, `the fixture has no open task "${TASK}"`);
    const expected = withToggled(original, [line]);
    const documentText = async () => (await api.one({ op: 'document', path: trackerPath })).text;
    const preview = () => wb.webviewFrame();
    // data-line is 0-based, like the preview's own source map.
    const box = () => preview().locator(`${CHECKBOX}[data-line="${line - 1}"]`);

    await step(`open ${TRACKER_FILE} and "Markdown: Open Preview to the Side"`, async () => {
      await wb.openFile(TRACKER_FILE);
      await wb.runCommand('Markdown: Open Preview to the Side');
      await box().waitFor({ state: 'attached', timeout: 30_000 });
    });

    await step(`the preview shows every task as an enabled checkbox; "${TASK}" (line ${line}) is open`, async () => {
      const total = (original.match(/^\s*(?:[-*+]|\d+[.)]) \[[ xX]\][ \t]/gm) ?? []).length;
      const count = await preview().locator(CHECKBOX).count();
      assert.equal(count, total, 'one checkbox per task line of the file');
      assert.equal(await preview().locator(`${CHECKBOX}[disabled]`).count(), 0, 'no checkbox is disabled');
      await box().scrollIntoViewIfNeeded();
      assert.equal(await box().isChecked(), false);
      assert.equal(await box().isEnabled(), true);
      await screenshot('before');
    });

    const toggleTitle = commandTitle('executionTracker.setTaskStateFromPreview').replace(/^.*: /, '');
    await step(`click the checkbox: a menu with "${toggleTitle}" opens at the box`, async () => {
      await box().click();
      const item = wb.page.locator(MENU_ITEM).filter({ hasText: toggleTitle });
      await item.first().waitFor({ state: 'visible', timeout: 15_000 });
      const labels = (await wb.page.locator(MENU_ITEM).allInnerTexts()).map((t) => t.trim()).filter(Boolean);
      assert.deepEqual(labels, [toggleTitle], 'only the toggle (no Cut/Copy/Paste)');
      assert.equal(await box().isChecked(), false, 'the box does not flip before the document does');
      await screenshot('menu');
    });

    await step(`"${toggleTitle}": the document changes by exactly that mark and the preview shows it ticked`, async () => {
      await clickMenuItem(wb.page, toggleTitle);
      await waitForValue(`line ${line} to read [x] in the document with nothing else changed`, documentText, (text) => text === expected);
      await waitForValue('the preview to re-render the box ticked', () => box().isChecked(), (checked) => checked === true);
      const editor = await api.one({ op: 'document', path: trackerPath });
      assert.equal(editor.isDirty, true, 'the editor beside the preview shows the unsaved change');
      assert.equal(readText(trackerPath), original, 'with the editor open, nothing is written to disk');
      await screenshot('ticked');
    });

    await step('one Ctrl+Z in the editor restores the document and the preview follows', async () => {
      await wb.focusEditor();
      await wb.press('Ctrl+Z');
      await waitForValue('the document to be the original again', documentText, (text) => text === original);
      await waitForValue('the preview to show the box open again', () => box().isChecked(), (checked) => checked === false);
      assert.equal((await api.one({ op: 'document', path: trackerPath })).isDirty, false);
    });

    await step('a forged request (a wrong session token) is refused with a message and changes nothing', async () => {
      const context = JSON.parse(await box().getAttribute('data-vscode-context'));
      assert.equal(context.executionTrackerLine, line - 1);
      assert.equal(context.executionTrackerText, original.split('\n')[line - 1]);
      const forged = { ...context, webview: 'markdown.preview', executionTrackerToken: '0'.repeat(32) };
      await api.one({ op: 'executeCommand', command: 'executionTracker.setTaskStateFromPreview', args: [forged] });
      await wb.waitNotification(/ignored a request to toggle a task/);
      assert.equal(await documentText(), original);
      assert.equal(await box().isChecked(), false);
      await screenshot('forged');
    });
  },
};
