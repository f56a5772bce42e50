import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runChecks } from '../../../src/core/checks/runChecks';
import type { EvidenceAccess } from '../../../src/core/checks/types';
import { createEvidenceIndex } from '../../../src/core/evidence/resolve';
import { applyTextEdits } from '../../../src/core/text/applyEdits';
import { nearestName } from '../../../src/core/text/nearest';
import { parseTracker, splitLines } from '../../../src/core/tracker/parse';

function check(text: string, evidence: EvidenceAccess) {
  return runChecks({ text, lines: splitLines(text), model: parseTracker(text), evidence });
}

describe('evidence index', () => {
  const index = createEvidenceIndex('docs/TRACKER.md', ['docs/a.csv', 'a.csv', 'other/deep/a.csv', 'logs/x.log', 'docs/logs/y.log']);

  it('prefers the path relative to the tracker, then to the root, then the name anywhere', () => {
    assert.deepEqual(index.resolveAll('a.csv'), ['docs/a.csv']);
    assert.deepEqual(index.resolveAll('logs/x.log'), ['logs/x.log']);
    assert.deepEqual(index.resolveAll('logs/y.log'), ['docs/logs/y.log']);
    assert.deepEqual(index.resolveAll('somewhere/a.csv'), ['docs/a.csv', 'a.csv', 'other/deep/a.csv']);
    assert.deepEqual(index.resolveAll('missing.csv'), []);
  });

  it('never escapes the workspace with ../', () => {
    assert.deepEqual(createEvidenceIndex('TRACKER.md', ['x.csv']).resolveAll('../x.csv'), ['x.csv']);
  });
});

describe('missing evidence', () => {
  it('warns with the nearest existing name as a fix', () => {
    const text = '- CSV: `hasil_test_v39_100u_stats.csv`\n';
    const index = createEvidenceIndex('T.md', ['hasil_test_v38_100u_stats.csv', 'notes.md']);
    const [finding] = check(text, index);
    assert.equal(finding.rule, 'evidence-missing');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /Did you mean "hasil_test_v38_100u_stats.csv"/);
    assert.equal(applyTextEdits(text, finding.fixes![0].edits), '- CSV: `hasil_test_v38_100u_stats.csv`\n');
  });

  it('offers no fix when nothing is close', () => {
    const [finding] = check('see report.md', createEvidenceIndex('T.md', ['zzzzzzzzzzzz.md']));
    assert.equal(finding.fixes, undefined);
  });

  it('finds names by edit distance within a third of their length', () => {
    assert.equal(nearestName('abcdef.csv', ['abcdxf.csv', 'zzz.csv']), 'abcdxf.csv');
    assert.equal(nearestName('abc.csv', ['xyz.csv']), undefined);
  });
});

describe('claims against their CSV', () => {
  const text = '**v39 Results**:\n- Aggregated: 9,166 requests, 0 failures, P95 170ms, P99 2.0s, RPS 30.64\n- Evidence: v39_stats.csv\n';
  const evidence = (numbers: { requests: number; failures: number; p95Ms: number; p99Ms: number; rps: number }): EvidenceAccess => ({
    resolve: (ref) => ref,
    fileNames: () => ['v39_stats.csv'],
    aggregated: () => numbers,
  });

  it('accepts numbers within tolerance', () => {
    assert.deepEqual(check(text, evidence({ requests: 9180, failures: 0, p95Ms: 180, p99Ms: 2000, rps: 30.7 })), []);
  });

  it('flags drift with both values', () => {
    const [finding] = check(text, evidence({ requests: 395, failures: 74, p95Ms: 10, p99Ms: 16, rps: 20.8 }));
    assert.equal(finding.rule, 'evidence-drift');
    assert.equal(finding.line, 0);
    assert.match(finding.message, /requests 9,166 vs 395; failures 0 vs 74; p95Ms 170 ms vs 10 ms; p99Ms 2,000 ms vs 16 ms; rps 30.64 vs 20.8/);
  });

  it('judges a block that names two runs by the CSV its numbers follow, and still flags that one', () => {
    const block = [
      '**Auth-Only (Rate Limits Disabled) Evidence**:',
      '- Single-user CSV: `single_stats.csv`',
      '  - Aggregated: 66 requests, 0 failures',
      '- Multi-user CSV: `multi_stats.csv`',
      '  - Aggregated: 50 requests, 0 failures',
      '',
    ].join('\n');
    const numbers = { single_stats: 66, multi_stats: 50 } as Record<string, number>;
    const access = (single: number): EvidenceAccess => ({
      resolve: (ref) => ref,
      fileNames: () => ['single_stats.csv', 'multi_stats.csv'],
      aggregated: (path) => ({ requests: path.startsWith('single') ? single : numbers.multi_stats, failures: 0, p95Ms: null, p99Ms: null, rps: null }),
    });
    assert.deepEqual(check(block, access(66)), []);
    const [finding] = check(block, access(120));
    assert.equal(finding.rule, 'evidence-drift');
    assert.match(finding.message, /single_stats\.csv .*requests 66 vs 120/);
  });
});
