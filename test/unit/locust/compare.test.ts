import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildTrend, compareCategories, compareRunStats, delta, endpointValues, readLocustFileSync, type EndpointStats, type LocustStats } from '../../../src/core/locust';
import { parseTracker } from '../../../src/core/tracker/parse';
import { fixturePath, seedTracker } from '../fixtures';

function row(name: string, fields: Partial<EndpointStats> & { p95?: number | null; p99?: number | null } = {}): EndpointStats {
  const { p95 = 100, p99 = 200, ...rest } = fields;
  return {
    type: 'GET', name, requests: 1000, failures: 0, medianMs: 50, avgMs: 60, minMs: 1, maxMs: 900, rps: 20, failuresPerS: 0, avgContentSize: 10,
    percentiles: { '50': 50, '95': p95, '99': p99, '100': 900 },
    ...rest,
  };
}

function stats(endpoints: EndpointStats[], aggregated: EndpointStats | null = null): LocustStats {
  return { kind: 'stats', era: '1.2+', file: 'x_stats.csv', notes: [], endpoints, aggregated, percentileLabels: ['50', '95', '99', '100'] };
}

const readStats = (...parts: string[]): LocustStats => {
  const result = readLocustFileSync(fixturePath(...parts));
  assert.equal(result.kind, 'stats');
  return result as LocustStats;
};

describe('delta', () => {
  const cases: Array<[string, Parameters<typeof delta>, ReturnType<typeof delta>]> = [
    ['latency up 20 % past 10 %', ['p95Ms', 100, 120, 10, true], { abs: 20, pct: 20, regression: true, improvement: false }],
    ['latency up exactly the threshold is not a regression', ['p95Ms', 100, 110, 10, true], { abs: 10, pct: 10, regression: false, improvement: false }],
    ['latency down 50 %', ['p99Ms', 200, 100, 10, true], { abs: -100, pct: -50, regression: false, improvement: true }],
    ['throughput down is worse', ['rps', 30, 20, 10, true], { abs: -10, pct: -33.3333, regression: true, improvement: false }],
    ['throughput up is better', ['rps', 20, 30, 10, true], { abs: 10, pct: 50, regression: false, improvement: true }],
    ['failure rate from zero: no percent, still a regression', ['failureRate', 0, 1.5, 10, true], { abs: 1.5, pct: null, regression: true, improvement: false }],
    ['zero to zero', ['failureRate', 0, 0, 10, true], { abs: 0, pct: 0, regression: false, improvement: false }],
    ['request count is never judged', ['requests', 1000, 10, 10, false], { abs: -990, pct: -99, regression: false, improvement: false }],
    ['threshold 0 flags any worsening', ['medianMs', 50, 51, 0, true], { abs: 1, pct: 2, regression: true, improvement: false }],
  ];
  for (const [name, args, expected] of cases) it(name, () => assert.deepEqual(delta(...args), expected));
  it('unknown on either side gives no delta', () => {
    assert.equal(delta('p95Ms', null, 5, 10, true), null);
    assert.equal(delta('p95Ms', 5, null, 10, true), null);
  });
});

describe('endpointValues', () => {
  it('reads P95/P99 from the percentile columns and computes the failure rate', () => {
    const values = endpointValues(row('a', { requests: 200, failures: 3 }));
    assert.deepEqual(values, { requests: 200, failures: 3, failureRate: 1.5, medianMs: 50, p95Ms: 100, p99Ms: 200, maxMs: 900, rps: 20 });
  });
  it('N/A percentiles and zero requests stay honest', () => {
    const values = endpointValues(row('a', { requests: 0, failures: 0, medianMs: null, p95: null, p99: null, rps: NaN }));
    assert.equal(values.failureRate, 0);
    assert.equal(values.p95Ms, null);
    assert.equal(values.medianMs, 50, 'median falls back to the 50% column');
    assert.equal(values.rps, null, 'NaN is not a number to compare');
  });
});

describe('compareRunStats', () => {
  it('deltas per endpoint, regressions by threshold, added and removed', () => {
    const previous = stats([row('home'), row('search', { p95: 300 }), row('gone')], row('Aggregated', { type: '' }));
    const current = stats([row('home', { p95: 130 }), row('search', { p95: 310 }), row('new')], row('Aggregated', { type: '', rps: 15 }));
    const result = compareRunStats([{ id: 'a', label: 'v39', stats: previous }, { id: 'b', label: 'v40', stats: current }], { thresholdPercent: 10 });
    assert.deepEqual(result.endpoints.map((e) => [e.name, e.presence, e.regression]), [
      ['home', ['both', 'both'], true],
      ['search', ['both', 'both'], false],
      ['gone', ['both', 'removed'], false],
      ['new', ['absent', 'added'], false],
    ]);
    assert.deepEqual(result.endpoints[0].deltas[1].p95Ms, { abs: 30, pct: 30, regression: true, improvement: false });
    assert.deepEqual(result.endpoints[0].deltas[0], {}, 'the reference has no deltas');
    assert.deepEqual(result.added, ['new']);
    assert.deepEqual(result.removed, ['gone']);
    assert.equal(result.aggregated?.deltas[1].rps?.regression, true);
    assert.equal(result.regressions, 2);
    assert.deepEqual(result.runs, [{ id: 'a', label: 'v39' }, { id: 'b', label: 'v40' }]);
  });

  it('the threshold is configurable; a bad one falls back to 10 %', () => {
    const runs = [{ id: 'a', label: 'a', stats: stats([row('home')]) }, { id: 'b', label: 'b', stats: stats([row('home', { p95: 115 })]) }];
    assert.equal(compareRunStats(runs, { thresholdPercent: 20 }).regressions, 0);
    assert.equal(compareRunStats(runs, { thresholdPercent: 5 }).regressions, 1);
    assert.equal(compareRunStats(runs, { thresholdPercent: -3 }).thresholdPercent, 10);
    assert.equal(compareRunStats(runs, { thresholdPercent: NaN }).regressions, 1);
  });

  it('three runs: each against the first', () => {
    const runs = [10, 20, 5].map((p95, index) => ({ id: `r${index}`, label: `v${index}`, stats: stats([row('home', { p95 })]) }));
    const [home] = compareRunStats(runs).endpoints;
    assert.deepEqual(home.deltas.map((d) => d.p95Ms?.abs ?? null), [null, 10, -5]);
    assert.equal(home.regression, true);
  });

  it('matches a 0.x row without type to a typed row by its unique name', () => {
    const result = compareRunStats([
      { id: 'old', label: 'old', stats: stats([row('/home', { type: '' })]) },
      { id: 'new', label: 'new', stats: stats([row('/home', { type: 'GET' })]) },
    ]);
    assert.equal(result.endpoints.length, 1);
    assert.deepEqual(result.endpoints[0].presence, ['both', 'both']);
  });

  it('same name, two methods: two endpoints', () => {
    const result = compareRunStats([
      { id: 'a', label: 'a', stats: stats([row('/x', { type: 'GET' }), row('/x', { type: 'POST' })]) },
      { id: 'b', label: 'b', stats: stats([row('/x', { type: 'POST' })]) },
    ]);
    assert.deepEqual(result.endpoints.map((e) => [e.type, e.presence[1]]), [['GET', 'removed'], ['POST', 'both']]);
  });

  it('a run without stats is a column of absent values, nothing added or removed', () => {
    const result = compareRunStats([{ id: 'a', label: 'a', stats: null }, { id: 'b', label: 'b', stats: stats([row('home')]) }]);
    assert.deepEqual(result.endpoints[0].presence, ['absent', 'both']);
    assert.deepEqual([result.added, result.removed, result.regressions], [[], [], 0]);
  });

  it('real Locust 2.12.1 files: v39 (four endpoints) against v40 (two)', () => {
    const v39 = readStats('locust', 'debian-2.12.1', 'run1', 'run1_stats.csv');
    const v40 = readStats('locust', 'debian-2.12.1', 'run2_tags_nofullhistory', 'run2_stats.csv');
    const result = compareRunStats([{ id: 'v39', label: 'v39', stats: v39 }, { id: 'v40', label: 'v40', stats: v40 }]);
    assert.deepEqual(result.removed.sort(), ['/data.json', 'search "a,b"']);
    assert.deepEqual(result.added, []);
    const home = result.endpoints.find((e) => e.name === 'home')!;
    assert.equal(home.values[0]?.requests, 347);
    assert.equal(home.values[1]?.requests, 282);
    assert.equal(home.deltas[1].requests?.abs, -65);
    assert.ok(result.aggregated);
    assert.equal(result.aggregated.values[1]?.requests, 344);
    assert.doesNotThrow(() => JSON.stringify(result));
  });
});

describe('buildTrend', () => {
  it('orders versions numerically with suffixes after their number', () => {
    assert.deepEqual(['v40', 'v9', 'run1', 'v26b', 'v26'].sort(compareCategories), ['v9', 'v26', 'v26b', 'v40', 'run1']);
  });

  it('CSV runs and tracker summaries on one axis, baseline marked', () => {
    const csv = [
      { id: 'dir/hasil_test_v40', prefix: 'hasil_test_v40', meta: { version: 'v40', versionNumber: 40 }, aggregated: row('Aggregated', { type: '', requests: 344, failures: 62 }) },
      { id: 'dir/hasil_test_v39', prefix: 'hasil_test_v39', meta: { version: 'v39', versionNumber: 39 }, aggregated: row('Aggregated', { type: '' }) },
      { id: 'dir/run1', prefix: 'run1', meta: { version: null, versionNumber: null }, aggregated: null },
    ];
    const summary = (label: string | null, fields: Partial<Record<'requests' | 'failures' | 'failureRate' | 'p95Ms' | 'p99Ms' | 'rps', number | null>>) =>
      ({ label, source: `${label} results`, line: 1, requests: null, failures: null, failureRate: null, p95Ms: null, p99Ms: null, rps: null, ...fields });
    const tracker = [
      summary('v39', { requests: 9000, p95Ms: 170 }),
      summary('v39', { requests: 9000, p95Ms: 170, p99Ms: 2000, rps: 30 }),
      summary('v18', { requests: 100, failures: 4 }),
      summary(null, { requests: 5 }),
    ];
    const trend = buildTrend(csv, tracker, { baselineId: 'dir/hasil_test_v39' });
    assert.deepEqual(trend.categories, ['v18', 'v39', 'v40', 'run1']);
    assert.deepEqual(trend.points.map((p) => [p.category, p.source]), [['v18', 'tracker'], ['v39', 'csv'], ['v39', 'tracker'], ['v40', 'csv'], ['run1', 'csv']]);
    assert.equal(trend.points.find((p) => p.id === 'tracker:v39')?.p99Ms, 2000, 'the fuller mention wins');
    assert.equal(trend.points.find((p) => p.id === 'tracker:v18')?.failureRate, 4);
    assert.equal(trend.points.find((p) => p.category === 'v40')?.failureRate, 18.0233);
    assert.equal(trend.baselineCategory, 'v39');
    assert.deepEqual(trend.points.filter((p) => p.baseline).map((p) => p.id), ['dir/hasil_test_v39']);
    assert.equal(buildTrend(csv, tracker, { baselineId: 'v18' }).baselineCategory, 'v18', 'a bare label finds the tracker run');
    assert.equal(buildTrend(csv, tracker, { baselineId: 'nope' }).baselineCategory, null);
  });

  it('the seed tracker: one point per run label, in version order', () => {
    const trend = buildTrend([], parseTracker(seedTracker()).runs);
    const at = (label: string) => trend.categories.indexOf(label);
    for (const label of ['v18', 'v19', 'v26b', 'v36', 'v39', 'v40', 'v47']) assert.ok(at(label) >= 0, label);
    assert.ok(at('v18') < at('v19') && at('v19') < at('v26b') && at('v26b') < at('v39') && at('v39') < at('v40') && at('v40') < at('v47'));
    assert.equal(trend.points.length, trend.categories.length, 'v19 and v34 are cited several times: one point each');
    assert.equal(trend.points.find((p) => p.category === 'v39')?.p95Ms, 170);
    assert.ok(trend.points.every((p) => p.source === 'tracker'));
    assert.ok(trend.points.some((p) => p.p95Ms !== null));
  });

  it('nothing in, nothing out', () => {
    assert.deepEqual(buildTrend([], []), { categories: [], points: [], baselineCategory: null });
  });
});
