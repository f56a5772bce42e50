import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatLatency, runLineParts } from '../../../src/core/locust/runLine';

describe('a run line in the Runs view', () => {
  it('a CSV run: P95, RPS and failure %', () => {
    assert.deepEqual(runLineParts({ requests: 9166, p95Ms: 170, rps: 30.64, failureRate: 0 }, 'csv'), ['P95 170 ms', '30.6 RPS', '0.0% fail']);
    assert.deepEqual(runLineParts({ requests: 7064, p95Ms: 2100, rps: 23.6, failureRate: 0.637 }, 'csv'), ['P95 2.1 s', '23.6 RPS', '0.64% fail']);
  });

  it('a tracker-text run says so first and leaves out what the text does not give, never a dash', () => {
    assert.deepEqual(runLineParts({ requests: 3919, p95Ms: null, rps: null, failureRate: 2.6 }, 'tracker'), ['from tracker text', '2.6% fail']);
    assert.deepEqual(runLineParts({ requests: 7064, p95Ms: 2100, rps: 23.6, failureRate: 0.64 }, 'tracker'), ['from tracker text', 'P95 2.1 s', '23.6 RPS', '0.64% fail']);
    assert.deepEqual(runLineParts({ requests: 100, p95Ms: null, rps: null, failureRate: null }, 'tracker'), ['from tracker text']);
    for (const parts of [runLineParts({ requests: null, p95Ms: null, rps: null, failureRate: null }, 'csv'), runLineParts(null, 'tracker')]) {
      assert.ok(parts.every((p) => !p.includes('–')), JSON.stringify(parts));
    }
  });

  it('a CSV with no requests is an "empty run", not zeros', () => {
    assert.deepEqual(runLineParts({ requests: 0, p95Ms: null, rps: 0, failureRate: null }, 'csv'), ['empty run']);
  });

  it('latencies: ms below a second, one decimal below 10 s, whole seconds above', () => {
    assert.deepEqual([4.4, 170, 999.6, 2100, 19000].map(formatLatency), ['4 ms', '170 ms', '1000 ms', '2.1 s', '19 s']);
  });
});
