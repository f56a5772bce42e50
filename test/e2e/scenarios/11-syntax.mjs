// Scenario 11: the markdown injection grammar colours a tracker in the editor. Status markers (here in their Mac
// Roman mis-encoded form) and keywords, metric tokens and run ids get their own token colours under the default
// theme, and "Developer: Inspect Editor Tokens and Scopes" names the extension's scopes.
import assert from 'node:assert/strict';
import { readText, TRACKER_FILE } from '../lib/fixture.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

const STATUS_LINE = /^\*\*Week 3 Status\*\*: ‚úÖ \*\*COMPLETE\*\*/;
const METRICS_LINE = /^- Aggregated: 9,166 requests, 0 failures, P95 170ms/;

export default {
  name: 'syntax',
  async run({ wb, api, step, trackerPath, screenshot, page }) {
    const lines = readText(trackerPath).split('\n');
    const statusLine = lines.findIndex((l) => STATUS_LINE.test(l)) + 1;
    const metricsLine = lines.findIndex((l) => METRICS_LINE.test(l)) + 1;
    assert.ok(statusLine > 0 && metricsLine > 0, 'the fixture has the Week 3 status line and the aggregated metrics line');

    /** Colour of each token span on the rendered editor line that starts with `prefix`, as [text, color]. */
    const tokenColours = (prefix) =>
      page.locator('.part.editor .editor-instance .monaco-editor .view-lines .view-line').evaluateAll((rows, p) => {
        const row = rows.find((r) => r.textContent.replace(/\u00a0/g, ' ').startsWith(p));
        if (!row) return null;
        return [...row.querySelectorAll('span > span')].map((s) => [s.textContent.replace(/\u00a0/g, ' '), getComputedStyle(s).color]);
      }, prefix);
    const colourOf = (tokens, text) => tokens?.find(([t]) => t.trim() === text)?.[1];

    await step(`open ${TRACKER_FILE} at line ${statusLine}`, async () => {
      await wb.openFile(TRACKER_FILE);
      await wb.goToLine(statusLine);
    });

    await step('the status marker and keyword are coloured apart from the text around them', async () => {
      const tokens = await waitForValue('the status line to be tokenized', () => tokenColours('**Week 3 Status**'), (t) => colourOf(t, '‚úÖ') !== undefined);
      const plain = colourOf(tokens, '(60') ?? colourOf(tokens, '(');
      assert.ok(plain, `a plain token on the line: ${JSON.stringify(tokens)}`);
      assert.notEqual(colourOf(tokens, '‚úÖ'), plain, 'the mis-encoded ✅ has its own colour');
      assert.equal(colourOf(tokens, '‚úÖ'), colourOf(tokens, 'COMPLETE'), 'marker and keyword share the "complete" colour');
      assert.notEqual(colourOf(tokens, '%'), plain, 'the percent unit is coloured');
    });

    await step('metric tokens are coloured on the aggregated line', async () => {
      await wb.goToLine(metricsLine);
      const tokens = await waitForValue('the metrics line to be tokenized', () => tokenColours('- Aggregated'), (t) => colourOf(t, '9,166') !== undefined);
      const plain = colourOf(tokens, 'Aggregated:') ?? colourOf(tokens, ',');
      for (const text of ['9,166', '170', 'ms', '30.64', 'P95', 'RPS']) assert.notEqual(colourOf(tokens, text), plain, `${text} is coloured: ${JSON.stringify(tokens)}`);
    });

    await step('"Developer: Inspect Editor Tokens and Scopes" on COMPLETE names the extension\'s scope', async () => {
      const column = lines[statusLine - 1].indexOf('COMPLETE') + 2;
      await wb.goToLine(statusLine);
      await api.one({ op: 'setSelections', selections: [[statusLine - 1, column]] });
      await wb.focusEditor();
      await wb.runCommand('Developer: Inspect Editor Tokens and Scopes');
      const widget = page.locator('.token-inspect-widget');
      await widget.waitFor({ state: 'visible', timeout: 15_000 });
      await waitForValue('the inspector to list the scope', () => widget.innerText(), (text) => /markup\.inserted\.status\.complete\.keyword\.execution-tracker/.test(text));
      await screenshot('inspect');
    });
  },
};
