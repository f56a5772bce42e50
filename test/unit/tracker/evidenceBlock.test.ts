import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readLocustFileSync, type LocustStats } from '../../../src/core/locust';
import { applyTextEdits } from '../../../src/core/text/applyEdits';
import {
  formatLoadTestEvidence,
  formatMs,
  formatPytestEvidence,
  insertEvidenceBlock,
  insertionLineUnderHeading,
  type LoadTestEvidence,
} from '../../../src/core/tracker/evidenceBlock';
import { parseTracker, splitLines } from '../../../src/core/tracker/parse';
import { fixturePath, seedTracker } from '../fixtures';

const evidence: LoadTestEvidence = { label: 'v49 Load Test Results (200 users)', csvFile: 'hasil_test_v49_200u_r4_stats.csv', requests: 9166, failures: 0, p95Ms: 170, p99Ms: 2000, rps: 30.6412 };

describe('evidence block text', () => {
  it("is written in the tracker's style", () => {
    assert.deepEqual(formatLoadTestEvidence(evidence), [
      '**v49 Load Test Results (200 users)**:',
      '- CSV: `hasil_test_v49_200u_r4_stats.csv`',
      '- Aggregated: 9,166 requests, 0 failures (0.00%), P95 170ms, P99 2.0s, RPS 30.64',
    ]);
    assert.equal(formatMs(999), '999ms');
    assert.equal(formatMs(2100), '2.1s');
    assert.equal(formatMs(60000), '60.0s');
    assert.equal(formatMs(1234), '1234ms');
  });

  it('labels and file names cannot break out of their markup', () => {
    const [label, csv] = formatLoadTestEvidence({ ...evidence, label: '**x**\n# heading:', csvFile: 'a`b\nc.csv' });
    assert.equal(label, '**x # heading**:');
    assert.equal(csv, '- CSV: `abc.csv`');
  });

  it('round-trips through the parser: the run summary reads back the same numbers', () => {
    for (const sample of [evidence, { ...evidence, requests: 676, failures: 74, p95Ms: 10, p99Ms: 16, rps: 35.549 }, { ...evidence, requests: 1234567, failures: 12345, p95Ms: 60000, p99Ms: 1234, rps: null }]) {
      const text = ['# Tracker', '', '## WEEK 9: Launch', '', ...formatLoadTestEvidence(sample), ''].join('\n');
      const [run] = parseTracker(text).runs;
      assert.ok(run, 'a run summary is found');
      assert.equal(run.label, 'v49');
      assert.equal(run.requests, sample.requests);
      assert.equal(run.failures, sample.failures);
      assert.equal(run.failureRate, Math.round((sample.failures / sample.requests) * 10000) / 100);
      assert.equal(run.p95Ms, sample.p95Ms);
      assert.equal(run.p99Ms, sample.p99Ms);
      assert.equal(run.rps, sample.rps === null ? null : Number(sample.rps.toFixed(2)));
    }
  });

  it('round-trips a real Locust stats file (Aggregated row of run1)', () => {
    const stats = readLocustFileSync(fixturePath('locust', 'debian-2.12.1', 'run1', 'run1_stats.csv')) as LocustStats;
    const agg = stats.aggregated!;
    const block = formatLoadTestEvidence({ label: 'run1 Load Test Results (5 users)', csvFile: 'run1_stats.csv', requests: agg.requests, failures: agg.failures, p95Ms: agg.percentiles['95'], p99Ms: agg.percentiles['99'], rps: agg.rps });
    assert.equal(block[2], '- Aggregated: 676 requests, 74 failures (10.95%), P95 10ms, P99 16ms, RPS 35.55');
    const [run] = parseTracker(['## WEEK 1: x', ...block].join('\n')).runs;
    assert.deepEqual([run.requests, run.failures, run.failureRate, run.p95Ms, run.p99Ms, run.rps], [676, 74, 10.95, 10, 16, 35.55]);
  });

  it('pytest block', () => {
    assert.deepEqual(formatPytestEvidence({ label: 'pytest Results (2026-01-14)', passed: 120, failed: 2, skipped: 3, errors: 0, coveragePercent: 87.3, reportFile: '.vscode/x.xml' }), [
      '**pytest Results (2026-01-14)**:',
      '- Tests: 120 passed, 2 failed, 3 skipped, 0 errors',
      '- Coverage: 87.30%',
      '- Report: `.vscode/x.xml`',
    ]);
  });
});

describe('insertEvidenceBlock', () => {
  const block = ['**B**:', '- x'];

  it('between paragraphs: one blank line each side, nothing else changes', () => {
    const text = 'a\nb\nc\n';
    assert.equal(applyTextEdits(text, [insertEvidenceBlock(text, block, 2)]), 'a\nb\n\n**B**:\n- x\n\nc\n');
    assert.equal(applyTextEdits('a\n\nc\n', [insertEvidenceBlock('a\n\nc\n', block, 2)]), 'a\n\n**B**:\n- x\n\nc\n');
  });

  it('CRLF is preserved and used for the new lines', () => {
    const text = 'a\r\nb\r\n\r\n## h\r\n';
    const result = applyTextEdits(text, [insertEvidenceBlock(text, block, 2)]);
    assert.equal(result, 'a\r\nb\r\n\r\n**B**:\r\n- x\r\n\r\n## h\r\n');
    assert.ok(!/[^\r]\n/.test(result), 'no bare LF');
  });

  it('at the end, with and without a final line break, and in an empty file', () => {
    assert.equal(applyTextEdits('a\n', [insertEvidenceBlock('a\n', block, 99)]), 'a\n\n**B**:\n- x\n');
    assert.equal(applyTextEdits('a', [insertEvidenceBlock('a', block, 1)]), 'a\n\n**B**:\n- x');
    assert.equal(applyTextEdits('', [insertEvidenceBlock('', block, 0)]), '**B**:\n- x\n');
    assert.equal(applyTextEdits('a\n\n', [insertEvidenceBlock('a\n\n', block, 2)]), 'a\n\n**B**:\n- x\n');
  });

  it('under a week of the seed tracker: after its own text, before its first day; every other line unchanged', () => {
    const text = seedTracker();
    const model = parseTracker(text);
    const lines = splitLines(text);
    const week = model.weeks.find((w) => w.number === 4)!;
    const at = insertionLineUnderHeading(model, lines, week.headingIndex);
    const firstDay = model.headings.find((h, i) => i > week.headingIndex && h.parentIndex === week.headingIndex)!;
    assert.ok(at <= firstDay.line && at > week.line);
    const edited = applyTextEdits(text, [insertEvidenceBlock(text, formatLoadTestEvidence(evidence), at)]);
    const after = splitLines(edited);
    const inserted = after.length - lines.length;
    assert.deepEqual(after.slice(0, at), lines.slice(0, at));
    assert.deepEqual(after.slice(at + inserted), lines.slice(at));
    const reparsed = parseTracker(edited);
    assert.equal(reparsed.runs.length, model.runs.length + 1);
    assert.equal(reparsed.counted.done, model.counted.done);
    const run = reparsed.runs.find((r) => r.label === 'v49' && r.source.includes('200 users'))!;
    assert.equal(run.requests, 9166);
    // The block lies inside week 4's scope.
    assert.ok(reparsed.weeks.find((w) => w.number === 4)!.endLine > run.line);
  });
});
