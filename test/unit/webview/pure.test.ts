import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fill, formatDelta, formatElapsed, formatMs, formatNumber, formatPercent, formatSigned } from '../../../webview/format';
import { paletteFrom, seriesKey, withAlpha } from '../../../webview/palette';
import { elapsedStep, elapsedTitle, groupFailures, historyPoints, trendLabels, trendValues } from '../../../webview/series';
import { compareCells, nextSort, sortRows } from '../../../webview/sort';
import { buildTrend, readHistoryFileSync } from '../../../src/core/locust';
import { fixturePath } from '../fixtures';

describe('format', () => {
  const cases: Array<[string, string, string]> = [
    [formatNumber(1234.567), '1,235', 'large numbers drop decimals'],
    [formatNumber(12.345), '12.3', 'tens keep one'],
    [formatNumber(0.0456), '0.05', 'small keep two'],
    [formatNumber(null), '—', 'unknown'],
    [formatNumber(NaN), '—', 'NaN'],
    [formatMs(170), '170 ms', 'ms'],
    [formatPercent(3.8), '3.8 %', 'percent'],
    [formatSigned(-3.5, ' ms'), '\u22123.5 ms', 'minus sign'],
    [formatSigned(0), '0', 'zero has no sign'],
    [formatDelta(30, 30, ' ms'), '+30 ms (+30 %)', 'delta with percent'],
    [formatDelta(1.5, null), '+1.5', 'from zero: no percent'],
    [formatElapsed(65), '1:05', 'm:ss'],
    [formatElapsed(3725), '1:02:05', 'h:mm:ss'],
    [formatElapsed(-3), '0:00', 'clamped'],
    [formatElapsed(1800, true), '0:30:00', 'h:mm:ss on an axis that runs past an hour'],
    [fill('{count} regressions over {threshold} %', { count: 2, threshold: 10 }), '2 regressions over 10 %', 'fill'],
    [fill('{unknown} stays', {}), '{unknown} stays', 'unknown placeholder'],
  ];
  for (const [actual, expected, name] of cases) it(name, () => assert.equal(actual, expected));
});

describe('sort', () => {
  it('numbers numerically, unknown last in both directions', () => {
    const rows = [10, null, 2, 33, undefined];
    assert.deepEqual(sortRows(rows, (r) => r, false), [2, 10, 33, null, undefined]);
    assert.deepEqual(sortRows(rows, (r) => r, true), [33, 10, 2, null, undefined]);
  });
  it('text naturally and case-insensitively', () => {
    assert.deepEqual(sortRows(['b10', 'B2', 'a'], (r) => r, false), ['a', 'B2', 'b10']);
    assert.equal(compareCells(NaN, 1, false), 1);
  });
  it('header clicks: flip the same column, numbers start descending', () => {
    assert.deepEqual(nextSort(undefined, 'p95', true), { column: 'p95', descending: true });
    assert.deepEqual(nextSort({ column: 'p95', descending: true }, 'p95', true), { column: 'p95', descending: false });
    assert.deepEqual(nextSort({ column: 'p95', descending: true }, 'name', false), { column: 'name', descending: false });
  });
});

describe('palette', () => {
  it('reads --vscode-charts-* and falls back when unset', () => {
    const vars: Record<string, string> = { '--vscode-charts-red': ' #ff0000 ', '--vscode-charts-foreground': '#111111', '--vscode-editor-background': '#ffffff' };
    const palette = paletteFrom((name) => vars[name] ?? '');
    assert.equal(palette.series.red, '#ff0000');
    assert.equal(palette.series.blue, '#3794ff');
    assert.equal(palette.foreground, '#111111');
    assert.equal(palette.background, '#ffffff');
  });
  it('alpha and cycling keys', () => {
    assert.equal(withAlpha('#ff8000', 0.5), 'rgba(255, 128, 0, 0.5)');
    assert.equal(withAlpha('#f80', 1), 'rgba(255, 136, 0, 1)');
    assert.equal(withAlpha('rgb(1, 2, 3)', 0.5), 'rgb(1, 2, 3)');
    assert.equal(seriesKey(0), 'blue');
    assert.equal(seriesKey(6), 'blue');
    assert.equal(seriesKey(-1), 'yellow');
  });
});

describe('series', () => {
  it('history points of a real file start at 0 s and skip nothing but timeless rows', () => {
    const history = readHistoryFileSync(fixturePath('locust', 'debian-2.12.1', 'run1', 'run1_stats_history.csv'));
    const series = history.series.Aggregated;
    const points = historyPoints(series, 'rps', history.startS);
    assert.equal(points.length, series.t.length);
    assert.equal(points[0].x, 0);
    assert.ok(points.every((p, i) => i === 0 || p.x >= points[i - 1].x));
    // The file has 11 percentile columns; the series are the three the views use.
    assert.deepEqual(Object.keys(series).filter((key) => key.startsWith('p')), ['p50', 'p95', 'p99']);
    assert.deepEqual(historyPoints(series, 'nope', history.startS), []);
  });

  it('an elapsed axis is titled for its ticks: m:ss below an hour, h:mm:ss from an hour on', () => {
    const strings = { elapsed: 'Elapsed (m:ss)', elapsedHours: 'Elapsed (h:mm:ss)' };
    const chart = (...xs: number[]) => [{ label: 'a', color: 'blue' as const, data: xs.map((x) => ({ x, y: 1 })) }];
    assert.equal(elapsedTitle(strings, chart(0, 3599)), 'Elapsed (m:ss)');
    assert.equal(elapsedTitle(strings, [...chart(0, 60), ...chart(3600)]), 'Elapsed (h:mm:ss)', 'the longest dataset decides');
    assert.equal(elapsedTitle(strings, []), 'Elapsed (m:ss)');
  });

  it('an elapsed axis ticks at round durations, at most the ticks it is given', () => {
    // [longest seconds, step]: a 10 s run, a 10-minute one, an hour, the 24-hour soak, the 162-hour one, 60 days.
    const cases: Array<[number, number]> = [[0, 1], [10, 2], [600, 120], [3600, 600], [85_365, 10_800], [583_333, 86_400], [5_184_000, 7 * 86_400]];
    for (const [longest, step] of cases) {
      assert.equal(elapsedStep(longest, 10), step, `${longest} s`);
      assert.ok(longest / step <= 9, `${longest} s: at most 10 ticks`);
    }
  });

  it('NaN and non-numbers become gaps', () => {
    const series = { t: [100, 101, NaN], users: [1, null, 3], rps: [1, NaN, 2], failuresPerS: [], requests: [], failures: [] };
    assert.deepEqual(historyPoints(series, 'rps', null), [{ x: 0, y: 1 }, { x: 1, y: null }]);
  });

  it('failures grouped by error, the most frequent first', () => {
    const groups = groupFailures([
      { method: 'GET', name: '/a', error: 'HTTPError 404', occurrences: 3, firstSeen: null, lastSeen: null },
      { method: 'POST', name: '/b', error: 'Timeout', occurrences: 10, firstSeen: null, lastSeen: null },
      { method: 'GET', name: '/c', error: 'HTTPError 404', occurrences: 5, firstSeen: null, lastSeen: null },
      { method: '', name: 'x', error: 'HTTPError 404', occurrences: NaN, firstSeen: null, lastSeen: null },
    ]);
    assert.deepEqual(groups.map((g) => [g.error, g.occurrences]), [['Timeout', 10], ['HTTPError 404', 8]]);
    assert.deepEqual(groups[1].endpoints.map((e) => e.label), ['GET /c', 'GET /a', 'x']);
    assert.deepEqual(groupFailures([]), []);
  });

  it('trend values per source on the shared axis, baseline labelled', () => {
    const summary = (label: string, p95Ms: number) => ({ label, source: label, line: 0, requests: 1, failures: 0, failureRate: 0, p95Ms, p99Ms: null, rps: null });
    const trend = buildTrend([], [summary('v18', 100), summary('v20', 90)], { baselineId: 'tracker:v18' });
    assert.deepEqual(trendValues(trend, 'tracker', 'p95Ms'), [100, 90]);
    assert.deepEqual(trendValues(trend, 'csv', 'p95Ms'), [null, null]);
    assert.deepEqual(trendLabels(trend, 'baseline'), ['v18 (baseline)', 'v20']);
  });
});
