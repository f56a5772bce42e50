// Two or more runs: the later ones against the first (previous run or baseline). Overlaid history charts, P95 per
// endpoint side by side, and the delta table with regressions coloured by the threshold setting.
import type { CompareMetric, Delta, EndpointComparison } from '../../src/core/locust/compare';
import type { CompareViewData } from '../../src/shared/protocol';
import { h, note, pathText, section } from '../dom';
import { fill, formatDelta, formatMs, formatNumber, formatPercent } from '../format';
import { seriesKey } from '../palette';
import { elapsedTitle, hasValues, historyPoints, type XY } from '../series';
import type { DatasetSpec } from '../charts';
import { sortableTable, type Column } from '../tables';
import { notesAndErrors } from './common';
import type { ViewContext } from './context';

interface DeltaRow {
  endpoint: EndpointComparison;
  run: number;
}

// The columns a regression is judged on come first, so they fit a panel beside the editor; the rest scrolls.
const METRICS: Array<{ metric: CompareMetric; key: 'requests' | 'failureRate' | 'median' | 'p95' | 'p99' | 'max' | 'rps'; format: (v: number | null) => string; unit: string }> = [
  { metric: 'p95Ms', key: 'p95', format: formatMs, unit: ' ms' },
  { metric: 'p99Ms', key: 'p99', format: formatMs, unit: ' ms' },
  { metric: 'rps', key: 'rps', format: (v) => formatNumber(v), unit: '' },
  { metric: 'failureRate', key: 'failureRate', format: formatPercent, unit: ' pp' },
  { metric: 'medianMs', key: 'median', format: formatMs, unit: ' ms' },
  { metric: 'requests', key: 'requests', format: (v) => formatNumber(v), unit: '' },
  { metric: 'maxMs', key: 'max', format: formatMs, unit: ' ms' },
];

function deltaClass(d: Delta | undefined): string | undefined {
  return d?.regression ? 'regression' : d?.improvement ? 'improvement' : undefined;
}

function deltaTable(data: CompareViewData, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const runs = data.comparison.runs;
  const rowsOf = (e: EndpointComparison): DeltaRow[] => runs.map((_, run) => ({ endpoint: e, run }));
  const status = (r: DeltaRow): string => {
    const presence = r.endpoint.presence[r.run];
    const words = presence === 'added' ? [s.added] : presence === 'removed' ? [s.removed] : presence === 'absent' ? [s.absent] : [];
    if (Object.values(r.endpoint.deltas[r.run]).some((d) => d?.regression)) words.push(s.regression);
    return words.join(', ');
  };
  const metricColumn = ({ metric, key, format, unit }: (typeof METRICS)[number]): Column<DeltaRow> => ({
    id: metric,
    label: s[key],
    numeric: true,
    value: (r) => r.endpoint.values[r.run]?.[metric] ?? null,
    render: (r) => {
      const value = r.endpoint.values[r.run]?.[metric] ?? null;
      const d = r.endpoint.deltas[r.run][metric];
      if (!d) return format(value);
      const wrap = h('span', { class: 'cell-delta' }, format(value), h('br'), h('small', {}, formatDelta(d.abs, metric === 'failureRate' ? null : d.pct, unit)));
      if (d.regression) wrap.appendChild(h('span', { class: 'visually-hidden' }, ` (${s.regression})`));
      return wrap;
    },
    cellClass: (r) => deltaClass(r.endpoint.deltas[r.run][metric]),
  });
  return sortableTable<DeltaRow>({
    id: 'delta-table',
    caption: fill(s.deltaTable, { reference: runs[0]?.label ?? '' }),
    showCaption: true,
    columns: [
      { id: 'name', label: s.name, value: (r) => r.endpoint.name, render: (r) => pathText(r.endpoint.type ? `${r.endpoint.type} ${r.endpoint.name}` : r.endpoint.name) },
      { id: 'run', label: s.version, value: (r) => r.run, render: (r) => (r.run === 0 ? `${runs[0].label} (${s.reference})` : runs[r.run].label) },
      ...METRICS.map(metricColumn),
      // Mostly empty (added, removed, regression): last, so it takes no room from the numbers.
      { id: 'status', label: s.delta, value: status, render: status, cellClass: (r) => (r.endpoint.presence[r.run] === 'added' ? 'added' : r.endpoint.presence[r.run] === 'removed' ? 'removed' : undefined) },
    ],
    rows: data.comparison.endpoints.flatMap(rowsOf),
    footer: data.comparison.aggregated ? rowsOf(data.comparison.aggregated) : [],
    sort: ctx.sortOf('delta-table'),
    onSort: (sort) => ctx.setSort('delta-table', sort),
    rowClass: (r) => [r.run === runs.length - 1 ? 'group-end' : '', r.endpoint.regression ? 'has-regression' : ''].filter(Boolean).join(' ') || undefined,
    sortHint: s.sortHint,
  });
}

/** Dashed horizontal lines at the Aggregated limits, across the overlaid runs' time range. */
function thresholdLines(data: CompareViewData, metric: 'p95' | 'rps', points: XY[][], ctx: ViewContext): DatasetSpec[] {
  const xs = points.flat().map((p) => p.x);
  if (!xs.length) return [];
  const [from, to] = [Math.min(...xs), Math.max(...xs)];
  return data.thresholds
    .filter((t) => t.metric === metric && t.endpoint === null)
    .map((t) => ({ label: fill(ctx.strings.threshold, { label: t.label }), color: 'red', dashed: true, data: [{ x: from, y: t.value }, { x: to, y: t.value }] }));
}

function overlay(data: CompareViewData, ctx: ViewContext, column: 'rps' | 'p95', title: string, yTitle: string): HTMLElement | null {
  const datasets: DatasetSpec[] = data.runs
    .map((run, index) => ({ label: run.label, color: seriesKey(index), dashed: index === 0, data: run.history ? historyPoints(run.history, column, run.startS) : [] }))
    .filter((d) => hasValues(d.data));
  if (!datasets.length) return null;
  datasets.push(...thresholdLines(data, column, datasets.map((d) => d.data as XY[]), ctx));
  return ctx.chart({ id: `compare-${column}`, title, ariaLabel: fill(ctx.strings.chartLabel, { title, count: datasets.length }), type: 'time', xTitle: elapsedTitle(ctx.strings, datasets), yTitle, datasets });
}

function p95Bars(data: CompareViewData, ctx: ViewContext): HTMLElement | null {
  const endpoints = data.comparison.endpoints;
  if (!endpoints.length) return null;
  const title = ctx.strings.p95PerEndpoint;
  return ctx.chart({
    id: 'compare-p95-per-endpoint',
    title,
    ariaLabel: fill(ctx.strings.chartLabel, { title, count: endpoints.length }),
    type: 'bar',
    labels: endpoints.map((e) => (e.type ? `${e.type} ${e.name}` : e.name)),
    yTitle: ctx.strings.latencyMs,
    datasets: [
      ...data.comparison.runs.map((run, index): DatasetSpec => ({ label: run.label, color: seriesKey(index), data: endpoints.map((e) => e.values[index]?.p95Ms ?? null) })),
      // The Aggregated limit as a line across the bars; an endpoint's own limit as a marker on its bars.
      ...data.thresholds
        .filter((t) => t.metric === 'p95')
        .map((t): DatasetSpec => ({
          label: fill(ctx.strings.threshold, { label: t.endpoint === null ? t.label : `${t.label} (${t.endpoint})` }),
          color: 'red',
          dashed: true,
          line: true,
          pointRadius: t.endpoint === null ? 0 : 7,
          data: endpoints.map((e) => (t.endpoint === null || t.endpoint === e.name ? t.value : null)),
        })),
    ],
  });
}

export function compareView(title: string, data: CompareViewData, ctx: ViewContext): HTMLElement[] {
  const s = ctx.strings;
  const c = data.comparison;
  const summary = h('div', { class: 'summary' },
    note(fill(s.thresholdNote, { threshold: c.thresholdPercent, reference: c.runs[0]?.label ?? '' })),
    c.regressions ? note(fill(s.regressionsFound, { count: c.regressions }), 'warning') : note(s.noRegressions),
    c.added.length ? h('p', { class: 'added' }, `${s.added}: ${c.added.join(', ')}`) : null,
    c.removed.length ? h('p', { class: 'removed' }, `${s.removed}: ${c.removed.join(', ')}`) : null,
  );
  const charts = [overlay(data, ctx, 'p95', `${s.overlayTitle} — ${s.p95}`, s.latencyMs), overlay(data, ctx, 'rps', `${s.overlayTitle} — ${s.rps}`, s.rps), p95Bars(data, ctx)];
  return [
    h('header', { class: 'page-header' }, h('h1', {}, title)),
    notesAndErrors(data.notes, data.errors, s),
    summary,
    section('delta', s.compareTitle, deltaTable(data, ctx)),
    section('overlay', s.overlayTitle, ...charts),
  ].filter((e): e is HTMLElement => e !== null);
}
