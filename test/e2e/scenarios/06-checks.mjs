// Scenario 6: the Problems panel lists where the seed contradicts itself; the quick fixes "Update the claim" and
// "Repair encoding" change exactly what they say, and one undo restores each.
import assert from 'node:assert/strict';
import { readText, TRACKER_FILE } from '../lib/fixture.mjs';
import { selectors, waitForValue } from '../helpers/workbench.mjs';

const ACTION_ROWS = '.action-widget .monaco-list-row';

export default {
  name: 'checks',
  async run({ page, wb, api, step, trackerPath, screenshot }) {
    const original = readText(trackerPath);
    const lines = original.split('\n');
    const documentText = async () => (await api.one({ op: 'activeEditor' })).text;
    const problems = () => page.locator(selectors.problemRow).allInnerTexts();

    const goTo = async (line, column) => {
      await wb.openQuickInput('Ctrl+G', ':');
      await page.locator('.quick-input-widget .quick-input-box input').fill(`:${line}:${column}`);
      await page.keyboard.press('Enter');
      await wb.waitQuickInputClosed();
      await waitForValue(`the cursor at ${line}:${column}`, () => wb.cursorPosition(), (p) => p?.line === line);
    };
    const applyQuickFix = async (title) => {
      // Right after an edit or an undo the diagnostics are being recomputed (debounced); like a user, wait for the
      // fix to be offered, asking again until it is.
      const row = page.locator(ACTION_ROWS).filter({ hasText: title }).first();
      const deadline = Date.now() + 15_000;
      for (;;) {
        await wb.focusEditor();
        await wb.press('Ctrl+.');
        try {
          await row.waitFor({ state: 'visible', timeout: 2000 });
          break;
        } catch {
          const seen = await page.locator(ACTION_ROWS).allInnerTexts();
          await wb.press('Escape');
          if (Date.now() > deadline) throw new Error(`No quick fix "${title}". Seen instead: ${JSON.stringify(seen)}`);
        }
      }
      // The widget lays a pointer-block over the editor until the mouse moves: choose with the keyboard, as a user would.
      const count = await page.locator(ACTION_ROWS).count();
      for (let i = 0; i <= count; i++) {
        const focused = await page.locator(`${ACTION_ROWS}.focused`).getAttribute('aria-label').catch(() => null);
        if (focused?.includes(title)) {
          await wb.press('Enter');
          return;
        }
        await wb.press('ArrowDown');
      }
      throw new Error(`Could not focus the quick fix "${title}" with the arrow keys`);
    };
    const undoToOriginal = async () => {
      await wb.focusEditor();
      await wb.press('Ctrl+Z');
      await waitForValue('the document to be the original again', documentText, (text) => text === original);
    };

    await step(`open ${TRACKER_FILE}: the Problems panel lists the seed's contradictions`, async () => {
      await wb.openFile(TRACKER_FILE);
      await wb.press('Ctrl+Shift+M');
      // Errors sort first and fill the panel; warnings further down are found through the panel's filter box.
      const errors = [
        /Claims 100% but the whole tracker has 138\/189 tasks done \(73%\)/,
        /"P99 response time <2s" is marked met, but the value beside it is 2\.1s/,
        /"Error Rate <0\.05%" is marked met, but the current value is 1\.18%/,
        /Locust takes "api,page,phase1,phase2" as a single tag/,
      ];
      await waitForValue('the Problems panel to list the seed errors', problems, (rows) => errors.every((re) => rows.some((r) => re.test(r))));
      for (const [text, re] of [
        ['repeats line 650', /This table row repeats line 650/],
        ['Week 4 status line', /Week 4 status line claims complete but 7 of 28 tasks are open/],
        ['Week 7 heading', /Week 7 heading \(line 521\) says in progress but its status line says complete/],
        ['mis-encoded', /153 mis-encoded sequences on 143 lines/],
      ]) {
        await wb.filterProblems(text, (row) => re.test(row));
      }
      await page.locator(selectors.problemsFilter).first().fill('');
      await screenshot('problems');
    });

    await step('quick fix "Update the claim to 73%" on line 13 rewrites the bar and the number only', async () => {
      await goTo(13, 1);
      await applyQuickFix('Update the claim to 73%');
      await waitForValue('line 13 to read 73%', documentText, (text) => text.split('\n')[12].includes('73%'));
      const text = (await documentText()).split('\n');
      assert.equal(text[12], '[###############-----] 73% Complete (PROJECT FINISHED)');
      assert.deepEqual([...text.slice(0, 12), ...text.slice(13)], [...lines.slice(0, 12), ...lines.slice(13)], 'no other line changed');
    });

    await step('one Ctrl+Z restores it', undoToOriginal);

    await step('quick fix "Repair encoding" converts every mis-encoded emoji and nothing else', async () => {
      const column = lines[19].indexOf('‚úÖ') + 1;
      assert.ok(column > 0, 'line 20 holds a mis-encoded ✅');
      await goTo(20, column);
      await applyQuickFix('Repair encoding');
      await waitForValue('the emoji to be repaired', documentText, (text) => text.includes('### ✅ WEEK 0: PLANNING'));
      const text = await documentText();
      assert.equal(/‚úÖ|‚è≥|\uf8ff/.test(text), false, 'no mis-encoded sequence is left');
      assert.equal(text.replace(/[^\x00-\x7f]/gu, ''), original.replace(/[^\x00-\x7f]/gu, ''), 'every ASCII character is as it was');
      await waitForValue('the encoding problem to leave the Problems panel', problems, (rows) => !rows.some((r) => /mis-encoded/.test(r)) && rows.some((r) => /Claims 100%/.test(r)));
      await screenshot('repaired');
    });

    await step('one Ctrl+Z restores the original bytes', undoToOriginal);

    await step('the Tracker view sums the findings in a Checks node and marks weeks 4 and 7, whose status lines claim complete', async () => {
      await wb.openViewContainer('Execution Tracker');
      await waitForValue('the Checks node to count errors and warnings', () => wb.treeItemDescription('Checks'), (d) => /^\d+ errors · \d+ warnings$/.test(d ?? ''));
      await wb.expandTreeItem('Checks', { child: 'Duplicated table row' });
      assert.equal(await wb.treeItemDescription('Duplicated table row'), '1');
      await wb.expandTreeItem('Duplicated table row');
      assert.equal(await wb.treeItemDescription('This table row repeats line 650.'), 'Line 651');
      await screenshot('tree-checks');
    });

    await step('nothing was written to disk', async () => {
      assert.equal(readText(trackerPath), original);
    });
  },
};
