// Toggles change one mark character per task and nothing else.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyMarkEditToLine, findMarkColumn, planToggle, relocateEdit, relocateLine, sameTaskLine, setMarkEdit, targetFromTask, type MarkEdit } from '../../../src/core/tracker/edits';
import { parseTracker, splitLines } from '../../../src/core/tracker/parse';
import { seedTracker } from '../fixtures';

/** Applies edits to `text` the way the VS Code adapter does: relocate, then replace one character per line. */
function apply(text: string, edits: readonly MarkEdit[]): string {
  const eols = text.match(/\r\n|\r|\n/g) ?? [];
  const lines = splitLines(text);
  for (const edit of edits) {
    const result = relocateEdit(edit, (l) => lines[l], lines.length);
    assert.equal(result.kind, 'ok');
    if (result.kind === 'ok') lines[result.edit.line] = applyMarkEditToLine(lines[result.edit.line], result.edit);
  }
  return lines.map((line, i) => line + (eols[i] ?? '')).join('');
}

function toggleLines(text: string, lineNumbers: number[], force?: boolean): string {
  const model = parseTracker(text);
  const lines = splitLines(text);
  const targets = lineNumbers.map((l) => model.tasks.find((t) => t.line === l)).filter((t) => t !== undefined).map((t) => targetFromTask(t, lines[t.line]));
  return apply(text, planToggle(targets, force));
}

function diffPositions(a: string, b: string): number[] {
  assert.equal(a.length, b.length);
  return [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
}

describe('findMarkColumn', () => {
  const cases: Array<[string, number]> = [
    ['- [ ] a', 3],
    ['\t- [x] a', 4],
    ['> - [X] a', 5],
    ['>- [ ] a', 4],
    ['1) [ ] a', 4],
    ['- 1. [ ] a', 6],
    ['- [ ]a', -1],
    ['- [] a', -1],
    ['text [ ] a', -1],
    ['-[ ] a', -1],
  ];
  for (const [line, column] of cases) it(JSON.stringify(line), () => assert.equal(findMarkColumn(line), column));
});

describe('planToggle', () => {
  const target = (line: number, text: string) => ({ line, markColumn: findMarkColumn(text), lineText: text, checked: text[findMarkColumn(text)] !== ' ' });

  it('lets the first task decide one state for all', () => {
    const edits = planToggle([target(0, '- [ ] a'), target(1, '- [x] b'), target(2, '- [ ] c')]);
    assert.deepEqual(edits.map((e) => [e.line, e.newMark]), [[0, 'x'], [2, 'x']]);
    const back = planToggle([target(1, '- [X] b'), target(0, '- [ ] a')]);
    assert.deepEqual(back.map((e) => [e.line, e.oldMark, e.newMark]), [[1, 'X', ' ']]);
  });

  it('honours a forced state and skips tasks already there', () => {
    assert.deepEqual(planToggle([target(0, '- [x] a')], true), []);
    assert.equal(planToggle([target(0, '- [x] a')], false)[0].newMark, ' ');
  });

  it('touches each line once even when two cursors sit on it', () => {
    assert.equal(planToggle([target(0, '- [ ] a'), target(0, '- [ ] a')]).length, 1);
  });
});

describe('relocateEdit', () => {
  const edit: MarkEdit = { line: 1, column: 3, oldMark: ' ', newMark: 'x', expectedLineText: '- [ ] b' };

  it('accepts an unchanged line', () => {
    assert.deepEqual(relocateEdit(edit, (l) => ['- [ ] a', '- [ ] b'][l], 2), { kind: 'ok', edit });
  });

  it('re-finds a line that moved because lines were inserted above', () => {
    const lines = ['new', 'new', '- [ ] a', '- [ ] b'];
    const result = relocateEdit(edit, (l) => lines[l], lines.length);
    assert.equal(result.kind === 'ok' && result.edit.line, 3);
  });

  it('refuses when the line was changed', () => {
    const lines = ['- [ ] a', '- [ ] b changed'];
    assert.equal(relocateEdit(edit, (l) => lines[l], lines.length).kind, 'refused');
  });

  it('refuses when the moved line is ambiguous', () => {
    const lines = ['- [ ] b', 'other', '- [ ] b'];
    assert.equal(relocateEdit(edit, (l) => lines[l], lines.length).kind, 'refused');
  });
});

describe('toggling text', () => {
  it('changes exactly one character per task on the seed, in LF and CRLF', () => {
    for (const text of [seedTracker(), seedTracker().replace(/\n/g, '\r\n')]) {
      const model = parseTracker(text);
      const open = model.tasks.filter((t) => !t.checked).slice(0, 3).map((t) => t.line);
      const ticked = toggleLines(text, open);
      assert.equal(diffPositions(text, ticked).length, 3);
      assert.equal(toggleLines(ticked, open), text, 'toggling back restores every byte');
    }
  });

  it('keeps tabs, nesting, blockquotes and code fences as they are', () => {
    const text = '# T\r\n-\t[ ] tab\r\n  - [X]\tnested\r\n> - [ ] quoted\r\n```\r\n- [ ] code\r\n```\r\n';
    const all = [1, 2, 3, 5];
    const ticked = toggleLines(text, all, true);
    assert.equal(ticked, '# T\r\n-\t[x] tab\r\n  - [X]\tnested\r\n> - [x] quoted\r\n```\r\n- [ ] code\r\n```\r\n');
    const unticked = toggleLines(ticked, all, false);
    assert.equal(unticked, '# T\r\n-\t[ ] tab\r\n  - [ ]\tnested\r\n> - [ ] quoted\r\n```\r\n- [ ] code\r\n```\r\n');
  });

  it('applies edits planned before the document changed, once re-found', () => {
    const text = '- [ ] a\n- [ ] b\n';
    const model = parseTracker(text);
    const lines = splitLines(text);
    const edits = planToggle([targetFromTask(model.tasks[1], lines[1])]);
    const edited = 'inserted\n' + text;
    assert.equal(apply(edited, edits), 'inserted\n- [ ] a\n- [x] b\n');
  });
});

describe('set-state edits (tree and preview clicks)', () => {
  it('a line rendered before a tick still names its task; other text does not', () => {
    assert.equal(sameTaskLine('- [x] a', '- [ ] a', 3), true);
    assert.equal(sameTaskLine('- [X] a', '- [ ] a', 3), true);
    assert.equal(sameTaskLine('- [x] b', '- [ ] a', 3), false);
    assert.equal(sameTaskLine('- [-] a', '- [ ] a', 3), false);
    const lines = ['intro', '- [x] a', '- [ ] b'];
    const found = relocateLine(0, (t) => sameTaskLine(t, '- [ ] a', 3), (i) => lines[i], lines.length);
    assert.deepEqual(found, { kind: 'ok', line: 1 });
    assert.equal(setMarkEdit(1, '- [x] a', true), undefined, 'already in the state: no edit');
    assert.deepEqual(setMarkEdit(1, '- [x] a', false), { line: 1, column: 3, oldMark: 'x', newMark: ' ', expectedLineText: '- [x] a' });
    const twice = ['- [ ] a', 'x', '- [ ] a'];
    assert.equal(relocateLine(1, (t) => t === '- [ ] a', (i) => twice[i], twice.length).kind, 'refused');
  });
});
