// The checkbox context the preview hands to the command: what the renderer writes is read back as the opposite
// state; anything else (a document's own data-vscode-context, hostile values) is rejected, never thrown.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readToggleRequest, taskCheckboxContext } from '../../../src/core/preview/taskContext';

const TOKEN = '0123456789abcdef0123456789abcdef';
// What the webview passes to the command: the element's data-vscode-context plus the view type.
const asCommandArgument = (context: object) => ({ ...JSON.parse(JSON.stringify(context)), webview: 'markdown.preview' });
const valid = asCommandArgument(taskCheckboxContext(3, '- [ ] a ‚úÖ "q" <t>', false, TOKEN, 'file:///w/T.md'));

describe('task checkbox context', () => {
  it('round-trips through JSON and asks for the opposite of the rendered state', () => {
    assert.deepEqual(readToggleRequest(valid), { ok: true, request: { document: 'file:///w/T.md', line: 3, lineText: '- [ ] a ‚úÖ "q" <t>', checked: true, token: TOKEN } });
    const ticked = asCommandArgument(taskCheckboxContext(0, '- [x] b', true, TOKEN, 'file:///w/T.md'));
    const read = readToggleRequest(ticked);
    assert.ok(read.ok);
    assert.equal(read.request.checked, false);
  });

  it('hides the default webview menu items and uses namespaced keys', () => {
    const context = taskCheckboxContext(1, '- [ ] a', false, TOKEN, undefined);
    assert.equal(context.preventDefaultContextMenuItems, true);
    assert.equal('executionTrackerDocument' in context, false);
    for (const key of Object.keys(context)) assert.match(key, /^(webviewSection|preventDefaultContextMenuItems|executionTracker[A-Z]\w+)$/);
  });

  const hostile: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'file:///w/T.md'],
    ['an array', [valid]],
    ['a Uri-like object (the editor context menu)', { scheme: 'file', path: '/w/T.md' }],
    ['another webview', { ...valid, webview: 'executionTracker.chart' }],
    ['another section', { ...valid, webviewSection: 'other' }],
    ['no document', { ...valid, executionTrackerDocument: undefined }],
    ['negative line', { ...valid, executionTrackerLine: -1 }],
    ['fractional line', { ...valid, executionTrackerLine: 1.5 }],
    ['string line', { ...valid, executionTrackerLine: '3' }],
    ['multi-line text', { ...valid, executionTrackerText: '- [ ] a\n- [ ] b' }],
    ['huge text', { ...valid, executionTrackerText: 'x'.repeat(20_000) }],
    ['string state', { ...valid, executionTrackerChecked: 'false' }],
    ['no token', { ...valid, executionTrackerToken: undefined }],
    ['short token', { ...valid, executionTrackerToken: 'abc' }],
    ['token with other characters', { ...valid, executionTrackerToken: TOKEN.slice(0, 31) + 'Z' }],
  ];
  for (const [name, value] of hostile) {
    it(`rejects ${name}`, () => {
      const result = readToggleRequest(value);
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(result.reason.length > 0);
    });
  }
});
