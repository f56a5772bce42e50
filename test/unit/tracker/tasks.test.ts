// GFM task items: what is a task, where its mark is, how deep it sits.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseTracker } from '../../../src/core/tracker/parse';

function tasksOf(text: string) {
  return parseTracker(text).tasks.map((t) => ({ line: t.line, col: t.markColumn, mark: t.mark, depth: t.depth, text: t.text }));
}

describe('task items', () => {
  const cases: Array<[string, string, Array<{ line: number; col: number; mark: string }>]> = [
    ['dash bullet', '- [ ] a', [{ line: 0, col: 3, mark: ' ' }]],
    ['star bullet, ticked', '* [x] a', [{ line: 0, col: 3, mark: 'x' }]],
    ['plus bullet, capital X', '+ [X] a', [{ line: 0, col: 3, mark: 'X' }]],
    ['ordered with dot', '1. [ ] a', [{ line: 0, col: 4, mark: ' ' }]],
    ['ordered with paren', '12) [x] a', [{ line: 0, col: 5, mark: 'x' }]],
    ['indented bullet', '   - [ ] a', [{ line: 0, col: 6, mark: ' ' }]],
    ['tab after the bullet', '-\t[ ] a', [{ line: 0, col: 3, mark: ' ' }]],
    ['tab after the mark', '- [x]\ta', [{ line: 0, col: 3, mark: 'x' }]],
    ['in a blockquote', '> - [ ] a', [{ line: 0, col: 5, mark: ' ' }]],
    ['in a nested blockquote', '> > * [x] a', [{ line: 0, col: 7, mark: 'x' }]],
    ['empty brackets are not a task', '- [] a', []],
    ['no space after the mark is not a task', '- [ ]a', []],
    ['a mark with nothing after it is not a task', '- [ ]', []],
    ['other letters are not marks', '- [y] a', []],
    ['a bracket in a paragraph is not a task', '[ ] a', []],
    ['inside a fenced block', '```\n- [ ] a\n```', []],
    ['inside a tilde fence', '~~~md\n- [x] a\n~~~', []],
    ['inside an indented code block', 'para\n\n    - [ ] a', []],
    ['a table cell', '| a | b |\n|---|---|\n| [ ] | x |', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      assert.deepEqual(tasksOf(text).map(({ line, col, mark }) => ({ line, col, mark })), expected);
    });
  }

  it('nests to any depth and links each task to its parent task', () => {
    const model = parseTracker('- [ ] a\n  - [x] b\n    - [ ] c\n      1. [x] d\n- [ ] e');
    assert.deepEqual(model.tasks.map((t) => t.depth), [0, 1, 2, 3, 0]);
    assert.deepEqual(model.tasks.map((t) => t.parentTaskIndex), [-1, 0, 1, 2, -1]);
    assert.deepEqual(model.tasks.map((t) => t.text), ['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps a plain list item between a task and its sub-task out of the chain', () => {
    const model = parseTracker('- [ ] a\n  - plain\n    - [x] b');
    assert.deepEqual(model.tasks.map((t) => t.parentTaskIndex), [-1, 0]);
  });

  it('a tab-indented bullet after a heading is indented code, as CommonMark says', () => {
    assert.deepEqual(tasksOf('# H\n\t- [ ] a'), []);
  });

  it('handles CRLF and lone CR line ends', () => {
    assert.deepEqual(tasksOf('# H\r\n- [ ] a\r\n- [x] b').map((t) => t.line), [1, 2]);
    assert.deepEqual(tasksOf('# H\r- [ ] a\r- [x] b').map((t) => t.line), [1, 2]);
  });

  it('an unclosed fence swallows the rest of the file, as CommonMark says', () => {
    assert.deepEqual(tasksOf('- [ ] a\n```\n- [ ] b'), [{ line: 0, col: 3, mark: ' ', depth: 0, text: 'a' }]);
  });
});

describe('headings and weeks', () => {
  it('rolls progress up through sub-headings', () => {
    const model = parseTracker('# P\n## A\n- [x] 1\n### A1\n- [ ] 2\n## B\n- [x] 3\n');
    assert.deepEqual(model.headings.map((h) => [h.title, h.progress.done, h.progress.total, h.line, h.endLine]), [
      ['P', 2, 3, 0, 8],
      ['A', 1, 2, 1, 5],
      ['A1', 0, 1, 3, 5],
      ['B', 1, 1, 5, 8],
    ]);
  });

  const weekCases: Array<[string, number | undefined]> = [
    ['## WEEK 1: Setup', 1],
    ['## Week 2 - Build', 2],
    ['## Week 3 – Build', 3],
    ['## Week 4 — Build', 4],
    ['## WEEK 5', 5],
    ['## ✅ WEEK 6: Done (COMPLETE)', 6],
    ['## ‚úÖ WEEK 7: Mis-encoded', 7],
    ['## \uf8ffüöÄ WEEK 8: launch', 8],
    ['### Week 1 Deliverables', undefined],
    ['### Weekly Progress', undefined],
    ['### WEEK: none', undefined],
  ];
  for (const [heading, week] of weekCases) {
    it(`"${heading}" ${week === undefined ? 'is not a milestone' : `is week ${week}`}`, () => {
      assert.equal(parseTracker(heading).headings[0].week, week);
    });
  }

  const statusCases: Array<[string, string]> = [
    ['## ✅ Done thing', 'complete'],
    ['## ✔ Done thing', 'complete'],
    ['## ☑ Done thing', 'complete'],
    ['## Thing (COMPLETE)', 'complete'],
    ['## Thing DONE', 'complete'],
    ['## ⏳ Thing', 'in-progress'],
    ['## 🔄 Thing', 'in-progress'],
    ['## 🚧 Thing', 'in-progress'],
    ['## Thing (IN PROGRESS)', 'in-progress'],
    ['## Thing WIP', 'in-progress'],
    ['## Thing PENDING', 'pending'],
    ['## Thing TODO', 'pending'],
    ['## Thing NOT STARTED', 'pending'],
    ['## ❌ Thing', 'blocked'],
    ['## Thing BLOCKED', 'blocked'],
    ['## ‚úÖ mis-encoded tick', 'complete'],
    ['## ‚è≥ mis-encoded hourglass', 'in-progress'],
    ['## ‚ùå mis-encoded cross', 'blocked'],
    ['## \uf8ffüîÑ mis-encoded arrows', 'in-progress'],
    ['## Tier 1 ✅/❌', 'unknown'],
    ['## PROJECT COMPLETION REPORT', 'unknown'],
    ['## Plain', 'unknown'],
  ];
  for (const [heading, status] of statusCases) {
    it(`"${heading}" claims ${status}`, () => {
      assert.equal(parseTracker(heading).headings[0].status, status);
    });
  }

  it('strips status markers from titles', () => {
    assert.equal(parseTracker('### ✅ WEEK 0: PLANNING (COMPLETE)').headings[0].title, 'WEEK 0: PLANNING');
    assert.equal(parseTracker('#### Day 2 (2026-01-12) - Fix Authentication ‚úÖ COMPLETE').headings[0].title, 'Day 2 (2026-01-12) - Fix Authentication');
    assert.equal(parseTracker('#### Day 2 - Fix').headings[0].day, 'Day 2');
    assert.equal(parseTracker('#### Day 3-5 (x) - Core').headings[0].day, 'Day 3-5');
  });

  it('treats a bold line above --- as a setext heading, as CommonMark does', () => {
    const model = parseTracker('### WEEK 5: x\n- [ ] a\n\n**Week 5 Status**: ✅ COMPLETE\n---\n### WEEK 6: y\n- [x] b');
    assert.equal(model.headings[1].level, 2);
    assert.equal(model.weeks[0].statusLine?.status, 'complete');
    assert.equal(model.weeks[0].status, 'unknown');
  });
});

describe('hostile input', () => {
  it('parses the empty string', () => {
    const model = parseTracker('');
    assert.deepEqual([model.tasks.length, model.headings.length, model.counted.total], [0, 0, 0]);
  });

  it('survives binary-looking text and deep nesting', () => {
    const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    assert.doesNotThrow(() => parseTracker(junk));
    const deep = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- [ ] t${i}`).join('\n');
    assert.ok(parseTracker(deep).tasks.length > 0);
    assert.doesNotThrow(() => parseTracker('>'.repeat(5000) + ' - [ ] x'));
  });
});
