// The real tracker: its counts, weeks, evidence and runs, also with CRLF and with the emoji repaired.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseTracker } from '../../../src/core/tracker/parse';
import { repairMacRoman } from '../../../src/core/text/macRoman';
import { seedTracker } from '../fixtures';

const EXPECTED_WEEKS = [
  { number: 0, done: 5, total: 5, status: 'complete', title: 'WEEK 0: PLANNING' },
  { number: 1, done: 28, total: 28, status: 'complete', title: 'WEEK 1: TIER 1 STABILIZATION' },
  { number: 2, done: 13, total: 13, status: 'complete', title: 'WEEK 2: TIER 1 COMPLETION + V2 START' },
  { number: 3, done: 19, total: 19, status: 'in-progress', title: 'WEEK 3: TIER 2 PERFORMANCE - PHASE 1' },
  { number: 4, done: 21, total: 28, status: 'in-progress', title: 'WEEK 4: TIER 2 PERFORMANCE - PHASE 2' },
  { number: 5, done: 10, total: 10, status: 'complete', title: 'WEEK 5: TIER 3 COVERAGE - WRITE OPERATIONS' },
  { number: 6, done: 9, total: 9, status: 'complete', title: 'WEEK 6: TIER 3 COVERAGE - TESTING' },
  { number: 7, done: 8, total: 12, status: 'in-progress', title: 'WEEK 7: INTEGRATION TESTING' },
  { number: 8, done: 8, total: 8, status: 'in-progress', title: 'WEEK 8: PRODUCTION READINESS' },
];

const variants: Record<string, () => string> = {
  'as written (Mac Roman mis-encoded emoji, LF)': seedTracker,
  'with CRLF line ends': () => seedTracker().replace(/\n/g, '\r\n'),
  'with the emoji correctly encoded': () => repairMacRoman(seedTracker()),
  'with correct emoji and CRLF': () => repairMacRoman(seedTracker()).replace(/\n/g, '\r\n'),
};

for (const [name, load] of Object.entries(variants)) {
  describe(`seed tracker ${name}`, () => {
    const text = load();
    const model = parseTracker(text);

    it('counts 193 tasks, 138 done, 189 counted once the template is excluded', () => {
      assert.deepEqual(model.allTasks, { done: 138, total: 193 });
      assert.deepEqual(model.counted, { done: 138, total: 189 });
    });

    it('finds weeks 0-8 with their own counts, titles and claimed statuses', () => {
      assert.deepEqual(
        model.weeks.map((w) => ({ number: w.number, done: w.progress.done, total: w.progress.total, status: w.status, title: w.title })),
        EXPECTED_WEEKS,
      );
    });

    it('reads the "**Week N Status**" lines, including the one that is a setext heading', () => {
      const week4 = model.weeks.find((w) => w.number === 4)!;
      assert.equal(week4.statusLine?.status, 'complete');
      assert.equal(model.weeks.find((w) => w.number === 0)!.statusLine, undefined);
      const week5 = model.weeks.find((w) => w.number === 5)!;
      assert.ok(week5.statusLine && week5.statusLine.line >= week5.endLine, 'week 5 status line is the setext heading after its scope');
    });

    it('names 20 distinct hasil_test_*_stats.csv evidence files', () => {
      const names = new Set(model.evidence.map((e) => e.ref).filter((ref) => /^hasil_test_.*_stats\.csv$/.test(ref)));
      assert.equal(names.size, 20);
      assert.ok(names.has('hasil_test_v39_100u_r4_pool140_core_only_stats.csv'));
    });

    it('gives evidence exact columns', () => {
      const lines = text.split(/\r?\n/);
      for (const ref of model.evidence) assert.equal(lines[ref.line].slice(ref.startColumn, ref.endColumn), ref.ref);
    });

    it('reads the v39 and v18 run summaries', () => {
      const v39 = model.runs.find((r) => r.label === 'v39')!;
      assert.deepEqual(
        { requests: v39.requests, failures: v39.failures, failureRate: v39.failureRate, p95Ms: v39.p95Ms, p99Ms: v39.p99Ms, rps: v39.rps },
        { requests: 9166, failures: 0, failureRate: 0, p95Ms: 170, p99Ms: 2000, rps: 30.64 },
      );
      const v18 = model.runs.find((r) => r.label === 'v18')!;
      assert.deepEqual(
        { requests: v18.requests, failures: v18.failures, failureRate: v18.failureRate, p95Ms: v18.p95Ms, p99Ms: v18.p99Ms, rps: v18.rps },
        { requests: 7064, failures: null, failureRate: 0.64, p95Ms: 2100, p99Ms: 19000, rps: 23.6 },
      );
      const v26b = model.runs.find((r) => r.label === 'v26b')!;
      assert.equal(v26b.requests, 8962);
      assert.equal(v26b.rps, 29.9);
      const v47 = model.runs.find((r) => r.label === 'v47')!;
      assert.equal(v47.failureRate, 1.18);
    });

    it('shows the template section, marked and not counted', () => {
      const template = model.headings.find((h) => /DAILY STANDUP TEMPLATE/.test(h.title))!;
      assert.equal(template.excluded, true);
      assert.deepEqual(template.allTasks, { done: 0, total: 4 });
      assert.deepEqual(template.progress, { done: 0, total: 0 });
      const templateSystem = model.headings.find((h) => /Template System Tests/.test(h.title))!;
      assert.equal(templateSystem.excluded, false, '"Template System Tests" is real work');
    });

    it('puts every task mark where the model says', () => {
      const lines = text.split(/\r?\n/);
      for (const task of model.tasks) {
        assert.equal(lines[task.line][task.markColumn - 1], '[');
        assert.equal(lines[task.line][task.markColumn], task.mark);
      }
    });

    it('records the line ending', () => {
      assert.equal(model.eol, text.includes('\r\n') ? '\r\n' : '\n');
    });
  });
}

describe('seed tracker options', () => {
  it('counts the template when exclusion is switched off', () => {
    assert.deepEqual(parseTracker(seedTracker(), { excludeTemplates: false }).counted, { done: 138, total: 193 });
  });
});
