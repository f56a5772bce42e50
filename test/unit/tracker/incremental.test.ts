// Differential tests of the section parser: a full parse equals the parser it replaced (reference/parseBefore.ts),
// and after random edit sequences (tick, type, insert and delete lines, add and remove headings, open and close
// fences, HTML blocks, setext underlines) the incremental model equals a full parse of the new text.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseTracker, parseTrackerText, updateTrackerParse, type LineChange, type TrackerParse } from '../../../src/core/tracker/parse';
import { seededRandom } from '../fuzz';
import { readFixture, seedTracker } from '../fixtures';
import { combineChanges, lineChangeOf, TrackerParseCache, type TextChange } from '../../../src/core/tracker/parseCache';
import { parseTracker as parseBefore } from './reference/parseBefore';

const SNIPPETS = [
  '## New section',
  '### ✅ WEEK 12: EXTRA (COMPLETE)',
  '#### Day 3 (2026-01-12) - tune pool',
  '# Top',
  '- [ ] new task',
  '- [x] done task - `hasil_test_v12_stats.csv`',
  '  - [ ] nested task',
  '```',
  '```bash',
  '~~~',
  '<!--',
  '-->',
  '<div>',
  '',
  '---',
  '===',
  '> - [ ] quoted task',
  '**v40 Core-only Validation Results**:',
  '- Aggregated: 9,000 requests, 2 failures, P95 300ms, P99 1.2s, RPS 30.1',
  '**Week 3 Status**: ✅ **COMPLETE**',
  '| a | b |',
  '|---|---|',
  '    indented code',
  '1. [ ] ordered task',
  'TEMPLATE',
  '## DAILY STANDUP TEMPLATE',
  '### Weekly review template',
];

interface Doc {
  lines: string[];
  eol: string;
}

/** One random edit of `doc`, in place; returns the line change it made. */
function edit(doc: Doc, random: () => number): LineChange {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const at = Math.floor(random() * doc.lines.length);
  const kind = random();
  if (kind < 0.25) {
    // Tick or untick a task, or type a character into a line.
    const line = doc.lines[at];
    const mark = line.search(/\[[ xX]\]/);
    doc.lines[at] = mark >= 0 && random() < 0.7 ? `${line.slice(0, mark + 1)}${line[mark + 1] === ' ' ? 'x' : ' '}${line.slice(mark + 2)}` : `${line.slice(0, Math.floor(random() * (line.length + 1)))}${pick(['a', '#', '`', ' ', '*', '-', '[ ] '])}${line.slice(Math.floor(random() * (line.length + 1)))}`;
    return { startLine: at, oldEndLine: at + 1, newEndLine: at + 1 };
  }
  if (kind < 0.6) {
    const inserted = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SNIPPETS));
    doc.lines.splice(at, 0, ...inserted);
    return { startLine: at, oldEndLine: at, newEndLine: at + inserted.length };
  }
  if (kind < 0.85 && doc.lines.length > 4) {
    const count = Math.min(doc.lines.length - at - 1, 1 + Math.floor(random() * 3));
    doc.lines.splice(at, count);
    return { startLine: at, oldEndLine: at + count, newEndLine: at };
  }
  // Replace a line with a heading, a fence or its removal.
  doc.lines[at] = pick(SNIPPETS);
  return { startLine: at, oldEndLine: at + 1, newEndLine: at + 1 };
}

function smallTracker(random: () => number): Doc {
  const lines = Array.from({ length: 30 + Math.floor(random() * 40) }, () => SNIPPETS[Math.floor(random() * SNIPPETS.length)]);
  return { lines, eol: random() < 0.3 ? '\r\n' : '\n' };
}

describe('section parser == the parser it replaced', () => {
  const texts: Record<string, string> = {
    seed: seedTracker(),
    'seed, CRLF': seedTracker().replace(/\n/g, '\r\n'),
    'seed, lone CR': seedTracker().replace(/\n/g, '\r'),
    consistent: readFixture('trackers', 'consistent.md'),
    empty: '',
    'one heading': '# only',
    'unclosed fence at the top': '```\n# not a heading\n- [ ] not a task\n',
  };
  for (const [name, text] of Object.entries(texts)) {
    it(name, () => {
      assert.deepStrictEqual(parseTracker(text), parseBefore(text));
      assert.deepStrictEqual(parseTracker(text, { excludeTemplates: false }), parseBefore(text, { excludeTemplates: false }));
    });
  }

  it('the seed with mixed line ends (LF, CRLF, lone CR), so runs are cut in every mode', () => {
    const random = seededRandom(5);
    const lines = seedTracker().split('\n');
    for (const eols of [['\n', '\r\n'], ['\n', '\r\n', '\r'], ['\r']]) {
      const text = lines.map((line, i) => (i < lines.length - 1 ? line + eols[Math.floor(random() * eols.length)] : line)).join('');
      assert.deepStrictEqual(parseTracker(text), parseBefore(text), JSON.stringify(eols));
      assert.deepStrictEqual(parseTracker(`${text}\r`), parseBefore(`${text}\r`), `${JSON.stringify(eols)}, a CR at the end`);
    }
  });

  it('200 random trackers (headings, fences, HTML, setext, lists, tables, CRLF)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const doc = smallTracker(seededRandom(seed));
      const text = doc.lines.join(doc.eol);
      assert.deepStrictEqual(parseTracker(text), parseBefore(text), `seed ${seed}`);
    }
  });
});

describe('incremental model == full parse, after random edit sequences', () => {
  const run = (label: string, start: Doc, seed: number, steps: number, options = { excludeTemplates: true }) => {
    const random = seededRandom(seed);
    const doc = { lines: [...start.lines], eol: start.eol };
    let parse: TrackerParse = parseTrackerText(doc.lines.join(doc.eol), options);
    for (let step = 0; step < steps; step++) {
      const change = edit(doc, random);
      const text = doc.lines.join(doc.eol);
      // The update reuses the previous model's objects and lists: it must copy them, never change them.
      const before = step % 5 === 0 ? structuredClone(parse.model) : undefined;
      const previous = parse;
      parse = updateTrackerParse(parse, text, change, options);
      assert.deepStrictEqual(parse.model, parseBefore(text, options), `${label}, step ${step}: ${JSON.stringify(change)}`);
      if (before) assert.deepStrictEqual(previous.model, before, `${label}, step ${step}: the previous model changed`);
    }
  };

  it('the seed tracker, 4 sequences of 60 edits', () => {
    const seed = seedTracker();
    for (let s = 1; s <= 4; s++) run(`seed ${s}`, { lines: seed.split('\n'), eol: s % 2 ? '\n' : '\r\n' }, s, 60);
  });

  it('100 small random trackers, 30 edits each', () => {
    for (let s = 1; s <= 100; s++) run(`small ${s}`, smallTracker(seededRandom(1000 + s)), 2000 + s, 30);
  });

  it('templates counted (excludeTemplates: false): the seed and 30 small trackers', () => {
    run('seed, templates counted', { lines: seedTracker().split('\n'), eol: '\n' }, 7, 60, { excludeTemplates: false });
    for (let s = 1; s <= 30; s++) run(`small ${s}, templates counted`, smallTracker(seededRandom(3000 + s)), 4000 + s, 30, { excludeTemplates: false });
  });

  it('a heading that becomes a TEMPLATE excludes the unmoved tasks of the sections under it, and back', () => {
    const lines = ['# Plan', '## Standup', '- [x] a', '### Monday', '- [ ] b', '#### Notes', '- [x] c', '## Next', '- [ ] d'];
    let parse = parseTrackerText(lines.join('\n'));
    for (const title of ['## Standup TEMPLATE', '## Standup']) {
      lines[1] = title;
      parse = updateTrackerParse(parse, lines.join('\n'), { startLine: 1, oldEndLine: 2, newEndLine: 2 });
      assert.deepStrictEqual(parse.model, parseBefore(lines.join('\n')), title);
    }
    lines[1] = '## Standup TEMPLATE';
    parse = updateTrackerParse(parse, lines.join('\n'), { startLine: 1, oldEndLine: 2, newEndLine: 2 });
    assert.deepStrictEqual(parse.model.tasks.map((task) => task.excluded), [true, true, true, false]);
    assert.deepStrictEqual(parse.model.counted, { done: 0, total: 1 });
  });

  it('an edit that opens a fence swallowing the rest, then closes it', () => {
    const lines = seedTracker().split('\n');
    let parse = parseTrackerText(lines.join('\n'));
    lines.splice(40, 0, '```');
    parse = updateTrackerParse(parse, lines.join('\n'), { startLine: 40, oldEndLine: 40, newEndLine: 41 });
    assert.deepStrictEqual(parse.model, parseBefore(lines.join('\n')));
    assert.ok(parse.model.tasks.length < parseBefore(seedTracker()).tasks.length, 'the fence hides the tasks after it');
    lines.splice(40, 1);
    parse = updateTrackerParse(parse, lines.join('\n'), { startLine: 40, oldEndLine: 41, newEndLine: 40 });
    assert.deepStrictEqual(parse.model, parseBefore(seedTracker()));
  });

  it('options changed between parses: a full parse', () => {
    const text = seedTracker();
    const parse = updateTrackerParse(parseTrackerText(text), text, { startLine: 0, oldEndLine: 0, newEndLine: 0 }, { excludeTemplates: false });
    assert.deepStrictEqual(parse.model, parseBefore(text, { excludeTemplates: false }));
  });
});

describe('TrackerParseCache: change events as VS Code reports them, batched between refreshes', () => {
  /** Replaces lines [startLine, endLine] (inclusive) by `text`, as a VS Code range edit of whole lines. */
  const applyEdit = (lines: string[], change: TextChange) => {
    const before = lines.slice(0, change.startLine);
    const after = lines.slice(change.endLine + 1);
    return [...before, ...change.text.split('\n'), ...after];
  };

  it('random edits, several per refresh, one event with two changes, a missed event', () => {
    const random = seededRandom(99);
    const cache = new TrackerParseCache();
    let lines = seedTracker().split('\n');
    let version = 1;
    cache.parse('doc', version, lines.join('\n'));
    for (let refresh = 0; refresh < 40; refresh++) {
      for (let event = 0; event < 1 + Math.floor(random() * 3); event++) {
        const startLine = Math.floor(random() * (lines.length - 3));
        const endLine = startLine + Math.floor(random() * 3);
        const inserted = Array.from({ length: Math.floor(random() * 3) + 1 }, () => SNIPPETS[Math.floor(random() * SNIPPETS.length)]).join('\n');
        const change = { startLine, endLine, text: inserted };
        lines = applyEdit(lines, change);
        version++;
        // One refresh in ten misses an event: the cache must notice the gap and parse fully.
        if (refresh % 10 !== 7) cache.noteChanges('doc', version, [change]);
      }
      const text = lines.join('\n');
      assert.deepStrictEqual(cache.parse('doc', version, text).model, parseBefore(text), `refresh ${refresh}`);
    }
    // Two changes in one event, applied last to first, both in the text before the event.
    const changes = [
      { startLine: 300, endLine: 300, text: '## Inserted\n- [ ] a' },
      { startLine: 20, endLine: 21, text: '```' },
    ];
    for (const change of changes) lines = applyEdit(lines, change);
    cache.noteChanges('doc', ++version, changes);
    assert.deepStrictEqual(cache.parse('doc', version, lines.join('\n')).model, parseBefore(lines.join('\n')));
  });

  it('combining changes and their union', () => {
    assert.deepStrictEqual(lineChangeOf([{ startLine: 3, endLine: 4, text: 'a\nb\nc' }]), { startLine: 3, oldEndLine: 5, newEndLine: 6 });
    assert.deepStrictEqual(combineChanges({ startLine: 10, oldEndLine: 12, newEndLine: 11 }, { startLine: 2, oldEndLine: 3, newEndLine: 5 }), { startLine: 2, oldEndLine: 12, newEndLine: 13 });
    const cache = new TrackerParseCache();
    cache.noteChanges('unknown', 2, [{ startLine: 0, endLine: 0, text: 'x' }]);
    assert.deepStrictEqual(cache.parse('unknown', 2, '# a').model, parseBefore('# a'));
  });
});
