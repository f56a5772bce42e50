import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { MAX_PNG_DATA_URL_LENGTH, parseState, parseTarget, parseWebviewMessage, pngBytes, safePngName } from '../../../src/features/charts/validateMessage';

// A 1x1 transparent PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('parseWebviewMessage', () => {
  it('accepts the three messages', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'openRun', runId: 'dir/v39' }), { type: 'openRun', runId: 'dir/v39' });
    assert.deepEqual(parseWebviewMessage({ type: 'exportPng', dataUrl: PNG, fileName: 'v39 p95.png' }), { type: 'exportPng', dataUrl: PNG, fileName: 'v39 p95.png' });
  });

  const hostile: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ type: 'ready' }]],
    ['unknown type', { type: 'eval', code: '1' }],
    ['no type', {}],
    ['openRun without id', { type: 'openRun' }],
    ['openRun with a number', { type: 'openRun', runId: 5 }],
    ['openRun with an empty id', { type: 'openRun', runId: '' }],
    ['openRun with a huge id', { type: 'openRun', runId: 'x'.repeat(5000) }],
    ['export of another type', { type: 'exportPng', dataUrl: 'data:text/html;base64,PHNjcmlwdD4=', fileName: 'a.png' }],
    ['export not base64', { type: 'exportPng', dataUrl: 'data:image/png;base64,<svg onload=x>', fileName: 'a.png' }],
    ['export too large', { type: 'exportPng', dataUrl: `data:image/png;base64,${'A'.repeat(MAX_PNG_DATA_URL_LENGTH)}`, fileName: 'a.png' }],
  ];
  for (const [name, value] of hostile) it(`refuses ${name}`, () => assert.equal(parseWebviewMessage(value), undefined));

  it('drops extra fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: { a: 1 } }), { type: 'ready' });
  });
});

describe('safePngName', () => {
  const cases: Array<[unknown, string]> = [
    ['v39-p95.png', 'v39-p95.png'],
    ['v39 latency', 'v39 latency.png'],
    ['../../etc/passwd', '_.._etc_passwd.png'],
    ['C:\\x\\y.PNG', 'C__x_y.PNG'],
    ['...', 'chart.png'],
    [42, 'chart.png'],
    ['', 'chart.png'],
  ];
  for (const [input, expected] of cases) it(JSON.stringify(input), () => assert.equal(safePngName(input), expected));
});

describe('pngBytes', () => {
  it('decodes a PNG and refuses other bytes', () => {
    assert.equal(pngBytes(PNG)?.length, 68);
    assert.equal(pngBytes('data:image/png;base64,R0lGODlhAQABAAAAACw='), undefined, 'a GIF is not a PNG');
    assert.equal(pngBytes('data:image/png;base64,'), undefined);
  });
});

describe('parseTarget and parseState', () => {
  it('accepts run, compare and trend targets', () => {
    assert.deepEqual(parseTarget({ kind: 'run', runId: 'a' }), { kind: 'run', runId: 'a' });
    assert.deepEqual(parseTarget({ kind: 'compare', runIds: ['a', 'b'] }), { kind: 'compare', runIds: ['a', 'b'] });
    assert.deepEqual(parseTarget({ kind: 'trend', extra: 1 }), { kind: 'trend' });
  });
  it('refuses malformed ones', () => {
    for (const value of [undefined, { kind: 'run' }, { kind: 'compare', runIds: ['a'] }, { kind: 'compare', runIds: ['a', 2] }, { kind: 'compare', runIds: Array(20).fill('a') }, { kind: 'html' }]) {
      assert.equal(parseTarget(value), undefined, JSON.stringify(value));
    }
  });
  it('state keeps only the target', () => {
    assert.deepEqual(parseState({ target: { kind: 'trend' }, sort: { x: 1 } }), { target: { kind: 'trend' } });
    assert.equal(parseState({ sort: {} }), undefined);
    assert.equal(parseState('trend'), undefined);
  });
});

describe('Progress panel messages and target', () => {
  it('accepts ranges and task clicks, refuses malformed ones', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'pickRange', range: { kind: 'thisWeek' } }), { type: 'pickRange', range: { kind: 'thisWeek' } });
    assert.deepEqual(parseWebviewMessage({ type: 'pickRange', range: { kind: 'since', date: '2026-01-12' } }), { type: 'pickRange', range: { kind: 'since', date: '2026-01-12' } });
    assert.deepEqual(parseWebviewMessage({ type: 'pickRange', range: { kind: 'between', from: 'abcd1234', to: 'f7df16fd' } }), { type: 'pickRange', range: { kind: 'between', from: 'abcd1234', to: 'f7df16fd' } });
    assert.deepEqual(parseWebviewMessage({ type: 'openTask', line: 590, text: 'Tag release', kind: 'ticked' }), { type: 'openTask', line: 590, text: 'Tag release', kind: 'ticked' });
    for (const bad of [
      { type: 'pickRange', range: { kind: 'since', date: 'last monday' } },
      { type: 'pickRange', range: { kind: 'between', from: 'HEAD~1', to: 'main' } },
      { type: 'pickRange', range: { kind: 'all' } },
      { type: 'openTask', line: -1, text: 'x', kind: 'ticked' },
      { type: 'openTask', line: 1.5, text: 'x', kind: 'ticked' },
      { type: 'openTask', line: 1, text: 'x', kind: 'deleted' },
    ]) assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
  });

  it('a progress target is a local file uri only', () => {
    assert.deepEqual(parseTarget({ kind: 'progress', file: 'file:///w/TRACKER.md' }), { kind: 'progress', file: 'file:///w/TRACKER.md' });
    assert.equal(parseTarget({ kind: 'progress', file: 'vscode-remote://x/TRACKER.md' }), undefined);
    assert.equal(parseTarget({ kind: 'progress' }), undefined);
  });
});
