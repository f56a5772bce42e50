// Smoke: the workbench loads the sample workspace, the packaged extension is installed and activates, and the
// API bridge sees what the user does in the editor (text, dirty state, undo).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repoRoot, readText, TRACKER_FILE } from '../lib/fixture.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

const manifest = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

export default {
  name: 'smoke',
  async run({ wb, api, step, trackerPath, page }) {
    await step('the Explorer lists the tracker file', async () => {
      await wb.openViewContainer('Explorer');
      // The sample has dozens of evidence files: the tracker is below the fold of the virtual list, so go to the
      // end of the list with the keyboard, as a user would, and look there.
      await page.locator('.explorer-folders-view .monaco-list-row').first().click();
      await page.keyboard.press('End');
      await wb.waitTreeItem(TRACKER_FILE, 15_000);
    });

    await step(`${EXTENSION_ID} is installed and activates`, async () => {
      const [extension] = await api.call([{ op: 'extension', id: EXTENSION_ID, waitActiveMs: 20_000 }]);
      assert.equal(extension.found, true, `${EXTENSION_ID} is not installed in the extension host`);
      assert.equal(extension.version, manifest.version);
      assert.equal(extension.isActive, true, `${EXTENSION_ID} did not activate within 20 s in a workspace with ${TRACKER_FILE}`);
    });

    await step('open the tracker with Quick Open', () => wb.openFile(TRACKER_FILE));

    await step('the API bridge reads the open editor: same text as on disk, not dirty', async () => {
      const editor = await api.one({ op: 'activeEditor' });
      assert.equal(editor.open, true, 'no active text editor');
      assert.ok(editor.fileName.endsWith(TRACKER_FILE), `active editor is ${editor.fileName}`);
      assert.equal(editor.text, readText(trackerPath), 'editor text differs from the file on disk');
      assert.equal(editor.isDirty, false);
    });

    await step('typing makes the document dirty, in the tab and in the API', async () => {
      await wb.goToLine(1);
      await wb.press('End');
      await page.keyboard.type('E2E');
      await waitForValue('the tab to show the dirty marker', () => wb.activeTab(), (tab) => tab.dirty);
      const editor = await api.one({ op: 'activeEditor' });
      assert.equal(editor.isDirty, true);
      assert.ok(editor.text.split('\n')[0].endsWith('E2E'), `line 1 is ${JSON.stringify(editor.text.split('\n')[0])}`);
    });

    await step('undo restores the clean document', async () => {
      await wb.focusEditor();
      await wb.press('Ctrl+Z');
      await waitForValue('the dirty marker to go away', () => wb.activeTab(), (tab) => !tab.dirty);
      const editor = await api.one({ op: 'activeEditor' });
      assert.equal(editor.isDirty, false);
      assert.equal(editor.text, readText(trackerPath));
    });
  },
};
