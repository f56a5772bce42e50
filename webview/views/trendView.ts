// P95, P99, RPS and failure rate across every run: CSV runs (solid) and tracker summaries (dashed) on one
// version axis; the baseline is marked in the axis label, by a larger point, and in the table.
import type { TrendPoint } from '../../src/core/locust/trend';
import type { TrendViewData } from '../../src/shared/protocol';
import { h, note, section } from '../dom';
import { fill, formatMs, formatNumber, formatPercent } from '../format';
import type { SeriesKey } from '../palette';
import { sourceHasMetric, trendLabels, trendValues, type TrendMetric } from '../series';
import { sortableTable } from '../tables';
import { notesAndErrors } from './common';
import type { ViewContext } from './context';

function trendChart(data: TrendViewData, ctx: ViewContext, id: string, title: string, yTitle: string, metrics: Array<[TrendMetric, string, SeriesKey]>): HTMLElement | null {
  const s = ctx.strings;
  const trend = data.trend;
  const radius = (source: 'csv' | 'tracker') => trend.categories.map((c) => (c === trend.baselineCategory && trend.points.some((p) => p.baseline && p.source === source) ? 7 : 3));
  const datasets = metrics.flatMap(([metric, label, color]) =>
    (['csv', 'tracker'] as const)
      .filter((source) => sourceHasMetric(trend, source, metric))
      .map((source) => ({ label: `${label} (${source === 'csv' ? s.sourceCsv : s.sourceTracker})`, color, dashed: source === 'tracker', data: trendValues(trend, source, metric), pointRadius: radius(source) })),
  );
  if (!datasets.length) return null;
  return ctx.chart({ id, title, ariaLabel: fill(s.chartLabel, { title, count: trend.categories.length }), type: 'category-line', labels: trendLabels(trend, s.baseline), xTitle: s.version, yTitle, datasets });
}

function trendTable(data: TrendViewData, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const order = new Map(data.trend.categories.map((c, i) => [c, i]));
  return sortableTable<TrendPoint>({
    id: 'trend-table',
    caption: s.trendTable,
    columns: [
      { id: 'version', label: s.version, value: (p) => order.get(p.category) ?? null, render: (p) => (p.baseline ? `${p.category} (${s.baseline})` : p.category) },
      { id: 'source', label: s.source, value: (p) => p.source, render: (p) => (p.source === 'csv' ? s.sourceCsv : s.sourceTracker) },
      { id: 'detail', label: s.name, value: (p) => p.detail, render: (p) => p.detail },
      { id: 'requests', label: s.requests, numeric: true, value: (p) => p.requests, render: (p) => formatNumber(p.requests) },
      { id: 'p95', label: s.p95, numeric: true, value: (p) => p.p95Ms, render: (p) => formatMs(p.p95Ms) },
      { id: 'p99', label: s.p99, numeric: true, value: (p) => p.p99Ms, render: (p) => formatMs(p.p99Ms) },
      { id: 'rps', label: s.rps, numeric: true, value: (p) => p.rps, render: (p) => formatNumber(p.rps) },
      { id: 'failureRate', label: s.failureRate, numeric: true, value: (p) => p.failureRate, render: (p) => formatPercent(p.failureRate) },
    ],
    rows: data.trend.points,
    sort: ctx.sortOf('trend-table'),
    onSort: (sort) => ctx.setSort('trend-table', sort),
    rowClass: (p) => (p.baseline ? 'baseline' : undefined),
    sortHint: s.sortHint,
  });
}

export function trendView(title: string, data: TrendViewData, ctx: ViewContext): HTMLElement[] {
  const s = ctx.strings;
  const header = h('header', { class: 'page-header' }, h('h1', {}, title), h('p', {}, fill(s.trendCounts, { csv: data.csvRuns, tracker: data.trackerRuns })));
  if (!data.trend.points.length) return [header, note(s.noTrend)];
  const charts = [
    trendChart(data, ctx, 'trend-latency', s.trendLatency, s.latencyMs, [['p95Ms', s.p95, 'orange'], ['p99Ms', s.p99, 'red']]),
    trendChart(data, ctx, 'trend-throughput', s.trendThroughput, s.rps, [['rps', s.rps, 'blue']]),
    trendChart(data, ctx, 'trend-failure-rate', s.trendFailureRate, s.failureRate, [['failureRate', s.failureRate, 'purple']]),
  ];
  return [header, notesAndErrors([], data.errors, s), section('trend', s.trendTitle, ...charts, trendTable(data, ctx))].filter((e): e is HTMLElement => e !== null);
}
