import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readMetrics } from '../../../src/core/tracker/metrics';
import { findRunSummaries } from '../../../src/core/tracker/runs';

describe('metric prose', () => {
  const cases: Array<[string, Partial<ReturnType<typeof readMetrics>>]> = [
    ['Aggregated: 9,166 requests, 0 failures, P95 170ms, P99 2.0s, RPS 30.64', { requests: 9166, failures: 0, p95Ms: 170, p99Ms: 2000, rps: 30.64 }],
    ['Aggregated: 7,064 requests, 0.64% failures, P95 2.1s, P99 19s, RPS 23.6', { requests: 7064, failures: null, failureRate: 0.64, p95Ms: 2100, p99Ms: 19000 }],
    ['17,938 requests, 213 failures (**1.18%**), P95 70ms, RPS 59.9', { requests: 17938, failures: 213, failureRate: 1.18, rps: 59.9 }],
    ['1,100 requests, 28 failures (~2.55%)', { failures: 28, failureRate: 2.55 }],
    ['RPS ~29.9', { rps: 29.9 }],
    ['Throughput: 59.9 req/s', { rps: 59.9 }],
    ['Failure Rate: 3.80% (acceptable)', { failureRate: 3.8 }],
    ['P95 Response Time: 70ms', { p95Ms: 70 }],
    ['Auth login: 45/100 failures', { failures: null }],
    ['Exit Criteria: P95 <300ms', { p95Ms: null }],
    ['1,234,567 requests', { requests: 1234567 }],
  ];
  for (const [line, expected] of cases) {
    it(line, () => {
      const metrics = readMetrics(line);
      for (const [key, value] of Object.entries(expected)) assert.equal(metrics[key as keyof typeof metrics], value, key);
    });
  }
});

describe('run summaries', () => {
  it('reads a labelled block, preferring the Aggregated line', () => {
    const runs = findRunSummaries(['**v50 Results**:', '- Login POST: 100 requests, 3 failures', '- Aggregated: 2,000 requests, 4 failures, P95 90ms', '- Failure Rate: 0.2%']);
    assert.deepEqual(runs.map((r) => [r.label, r.requests, r.failures, r.failureRate, r.p95Ms, r.line]), [['v50', 2000, 4, 0.2, 90, 0]]);
  });

  it('reads inline run lines as their own runs and does not double-count their block', () => {
    const runs = findRunSummaries(['**Baseline**:', '- v26b (r4) core-only: 8,962 requests, 0 failures, P95 600ms', '- v27b (r1): 7,758 requests, 0 failures']);
    assert.deepEqual(runs.map((r) => r.label), ['v26b', 'v27b']);
  });

  it('ends a block at a blank line and ignores blocks without numbers', () => {
    assert.deepEqual(findRunSummaries(['**v1 Notes**:', '- nothing measured', '', '- Aggregated: 5 requests']), []);
  });

  it('skips lines the caller marks as code', () => {
    assert.deepEqual(findRunSummaries(['- v9 (r1): 10 requests, 0 failures'], () => true), []);
  });
});
