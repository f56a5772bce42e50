// Scenario 3: toggling tasks from the editor — with the command from the palette, with the default keybinding,
// and on several cursors at once. Each action is one undo step: one Ctrl+Z restores the document entirely.
import assert from 'node:assert/strict';
import { readText, TRACKER_FILE } from '../lib/fixture.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { commandTitle, keybindingChord, openTaskLines, TOGGLE_TASK, withToggled } from '../helpers/tracker.mjs';

export default {
  name: 'editor-toggle',
  async run({ wb, api, step, trackerPath }) {
    const original = readText(trackerPath);
    // Day 16-17 has four open tasks on consecutive lines.
    const lines = openTaskLines(original).filter((n) => n >= openTaskLines(original, 'Implement cache layer for V2 endpoints')[0]).slice(0, 4);
    assert.equal(lines.length, 4);
    assert.deepEqual(lines, [lines[0], lines[0] + 1, lines[0] + 2, lines[0] + 3], 'the four tasks should be consecutive lines');
    const title = commandTitle(TOGGLE_TASK);
    const chord = keybindingChord(TOGGLE_TASK);

    const documentText = async () => (await api.one({ op: 'activeEditor' })).text;
    const visibleLine = async (n) => {
      const want = original.split('\n')[n - 1].trim().replace(/^[-*+] \[[ xX]\] /, '');
      return (await wb.visibleEditorLines()).find((text) => text.includes(want));
    };
    const undoToOriginal = async () => {
      await wb.focusEditor();
      await wb.press('Ctrl+Z');
      await waitForValue('the tab to be clean again', () => wb.activeTab(), (tab) => !tab.dirty);
      // The extension host sees the undo a moment after the renderer does; wait for it, then compare whole texts.
      const editor = await waitForValue('the extension host to see the undone document', () => api.one({ op: 'activeEditor' }), (e) => !e.isDirty && e.text === original, { timeout: 5000 }).catch(async () => api.one({ op: 'activeEditor' }));
      assert.equal(editor.text, original, 'one undo should restore the whole document');
      assert.equal(editor.isDirty, false);
    };

    await step(`open ${TRACKER_FILE} and go to line ${lines[0]}`, async () => {
      await wb.openFile(TRACKER_FILE);
      await wb.goToLine(lines[0]);
    });

    await step(`"${title}" from the palette ticks line ${lines[0]}`, async () => {
      await wb.runCommand(title);
      await waitForValue(`line ${lines[0]} to show [x] in the editor`, () => visibleLine(lines[0]), (text) => /\[x\]/.test(text ?? ''));
      assert.equal(await documentText(), withToggled(original, [lines[0]]));
      assert.equal((await wb.activeTab()).dirty, true, 'the editor shows unsaved changes');
    });

    await step('one Ctrl+Z restores it', undoToOriginal);

    await step(`the keybinding ${chord} ticks line ${lines[1]}`, async () => {
      await wb.goToLine(lines[1]);
      await wb.focusEditor();
      await wb.press(chord);
      await waitForValue(`line ${lines[1]} to show [x] in the editor`, () => visibleLine(lines[1]), (text) => /\[x\]/.test(text ?? ''));
      assert.equal(await documentText(), withToggled(original, [lines[1]]));
    });

    await step('one Ctrl+Z restores it', undoToOriginal);

    await step(`three cursors (lines ${lines[1]}–${lines[3]}) and ${chord} tick all three, nothing else`, async () => {
      await wb.goToLine(lines[1]);
      await wb.runCommand('Add Cursor Below');
      await wb.runCommand('Add Cursor Below');
      await waitForValue('the status bar to show 3 selections', () => wb.cursorPosition(), (p) => /3 selections/.test(p?.text ?? ''));
      await wb.focusEditor();
      await wb.press(chord);
      await waitForValue(`line ${lines[3]} to show [x] in the editor`, () => visibleLine(lines[3]), (text) => /\[x\]/.test(text ?? ''));
      assert.equal(await documentText(), withToggled(original, lines.slice(1, 4)));
      assert.match(await visibleLine(lines[0]), /\[ \]/, `line ${lines[0]} (no cursor) stays open`);
    });

    await step('one Ctrl+Z restores all three', undoToOriginal);

    await step('nothing was written to disk', async () => {
      assert.equal(readText(trackerPath), original);
    });
  },
};
