import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readLocustFileSync, readLocustText, LocustReadError } from '../../../src/core/locust';
import { fixturePath } from '../fixtures';

describe('--html reports', () => {
  it('legacy report (2.12.1): final totals, percentiles, failures, exceptions, coarse history', () => {
    const report = readLocustFileSync(fixturePath('locust', 'debian-2.12.1', 'run1', 'run1_report.html'));
    assert.equal(report.kind, 'html');
    if (report.kind !== 'html') return;
    assert.equal(report.era, 'html-legacy');
    assert.equal(report.stats.aggregated?.requests, 700);
    assert.equal(report.stats.endpoints.find((e) => e.name === 'search "a,b"')?.requests, 62);
    assert.equal(report.stats.endpoints[0].percentiles['95'], 9);
    assert.equal(report.failures[0].occurrences, 78);
    assert.match(report.exceptions[0].traceback, /File "\/srv\/loadtest\/locustfile.py"/);
    assert.equal(report.startTime, '2026-11-28 21:03:39');
    assert.deepEqual(report.history.map((h) => h.rps), [25, 31.5, 35.2]);
  });

  const templateArgs = {
    is_report: true,
    start_time: '2026-08-01T10:00:00Z',
    end_time: '2026-08-01T10:01:00Z',
    requests_statistics: [
      { method: 'GET', name: '/a,b', num_requests: 10, num_failures: 1, min_response_time: 1.5, max_response_time: 90, avg_response_time: 12.5, median_response_time: 10, total_rps: 2.5, total_fail_per_sec: 0.25, 'response_time_percentile_0.95': 80, 'response_time_percentile_0.99': 90, avg_content_length: 100 },
      { method: '', name: 'Aggregated', num_requests: 10, num_failures: 1, min_response_time: 1.5, max_response_time: 90, avg_response_time: 12.5, median_response_time: 10, total_rps: 2.5, total_fail_per_sec: 0.25, 'response_time_percentile_0.95': 80, 'response_time_percentile_0.99': 90, avg_content_length: 100 },
    ],
    response_time_statistics: [{ method: 'GET', name: '/a,b', '0.5': 10, '0.95': 80, '0.999': 90, '1.0': 90 }],
    failures_statistics: [{ method: 'GET', name: '/a,b', error: "HTTPError('500')", occurrences: 1, first_seen: 1785578400, last_seen: null }],
    exceptions_statistics: [{ count: 2, msg: 'boom', traceback: 'Traceback\n  line', nodes: 'w1, w2' }],
    history: [{ current_rps: ['2026-08-01T10:00:05Z', 1.5], user_count: ['2026-08-01T10:00:05Z', 3], 'response_time_percentile_0.95': ['2026-08-01T10:00:05Z', 70] }],
  };
  const modern = `<!DOCTYPE html>\n<html><head></head><body><script>\n  window.templateArgs = ${JSON.stringify(templateArgs).replace(/</g, '\\u003c')}\n  window.theme = "light"\n</script></body></html>\n`;

  it('modern report: window.templateArgs JSON', () => {
    const report = readLocustText(modern, 'x_report.html');
    assert.equal(report.kind, 'html');
    if (report.kind !== 'html') return;
    assert.equal(report.era, 'html-modern');
    assert.equal(report.stats.aggregated?.requests, 10);
    assert.deepEqual(report.stats.endpoints[0].percentiles, { '50': 10, '95': 80, '99': 90, '99.9': 90, '100': 90 });
    assert.equal(report.failures[0].firstSeen, '2026-08-01T10:00:00Z');
    assert.deepEqual(report.exceptions[0].nodes, ['w1', 'w2']);
    assert.deepEqual(report.history[0], { time: '2026-08-01T10:00:05Z', users: 3, rps: 1.5, failuresPerS: null, p50: null, p95: 70 });
  });

  it('a truncated templateArgs or an unrelated HTML page is one clear error', () => {
    assert.throws(() => readLocustText(modern.slice(0, 200) + '\n', 'cut.html'), (e: unknown) => e instanceof LocustReadError && /not valid JSON/.test(e.message));
    assert.throws(() => readLocustText('<!doctype html><html><body><h1>Hello</h1></body></html>', 'page.html'), (e: unknown) => e instanceof LocustReadError && /not a Locust --html report/.test(e.message));
  });
});
