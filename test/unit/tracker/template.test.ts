import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runChecks } from '../../../src/core/checks/runChecks';
import { trackerTemplate } from '../../../src/core/tracker/template';
import { parseTracker, splitLines } from '../../../src/core/tracker/parse';

describe('the tracker template', () => {
  const text = trackerTemplate('2026-12-01');

  it('has two weeks of open tasks in the tracker style', () => {
    const model = parseTracker(text);
    assert.deepEqual(model.weeks.map((w) => [w.number, w.title, w.progress.total, w.progress.done]), [[1, 'WEEK 1: BASELINE', 3, 0], [2, 'WEEK 2: FIRST FIXES', 3, 0]]);
    assert.equal(model.weeks[0].status, 'in-progress');
    assert.match(text, /^#### Day 1 \(2026-12-01\) - Setup$/m);
  });

  it('makes no claim its checkboxes contradict', () => {
    assert.deepEqual(runChecks({ text, lines: splitLines(text), model: parseTracker(text) }), []);
  });

  it('keeps CRLF when asked and refuses a bad date', () => {
    assert.ok(trackerTemplate('2026-12-01', '\r\n').split('\n').slice(0, -1).every((line) => line.endsWith('\r')));
    assert.throws(() => trackerTemplate('01/12/2026'), /YYYY-MM-DD/);
  });
});
