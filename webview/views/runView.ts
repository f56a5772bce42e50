// One run: endpoint table, P50/P95/P99 bars, history charts (whole run or one endpoint), failures by error,
// exceptions, and Locust's known quirks as notes.
import type { EndpointStats, HistorySeries, LocustHistory } from '../../src/core/locust/model';
import type { RunViewData } from '../../src/shared/protocol';
import { h, note, pathText, section } from '../dom';
import { elapsedHasHours, fill, formatElapsed, formatMs, formatNumber } from '../format';
import { elapsedTitle, groupFailures, hasValues, historyPoints, type XY } from '../series';
import { sortableTable, type Column } from '../tables';
import { lazyTable, notesAndErrors, runHeader } from './common';
import type { ViewContext } from './context';

const AGGREGATED = 'Aggregated';
const p = (row: EndpointStats, label: string) => row.percentiles[label] ?? null;
const endpointLabel = (row: EndpointStats) => (row.type ? `${row.type} ${row.name}` : row.name);

function endpointTable(data: RunViewData, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const ms = (value: (r: EndpointStats) => number | null, id: string, label: string): Column<EndpointStats> => ({ id, label, numeric: true, value, render: (r) => formatMs(value(r)) });
  const columns: Array<Column<EndpointStats>> = [
    // What matters most comes first, so the numbers a reader looks for fit a panel beside the editor; the rest
    // scrolls.
    { id: 'name', label: s.name, value: (r) => r.name, render: (r) => pathText(r.name) },
    { id: 'requests', label: s.requests, numeric: true, value: (r) => r.requests, render: (r) => formatNumber(r.requests) },
    { id: 'failures', label: s.failures, numeric: true, value: (r) => r.failures, render: (r) => formatNumber(r.failures), cellClass: (r) => (r.failures > 0 ? 'bad' : undefined) },
    ms((r) => p(r, '95'), 'p95', s.p95),
    ms((r) => p(r, '99'), 'p99', s.p99),
    { id: 'rps', label: s.rps, numeric: true, value: (r) => r.rps, render: (r) => formatNumber(r.rps) },
    ms((r) => r.medianMs ?? p(r, '50'), 'median', s.median),
    ms((r) => r.maxMs, 'max', s.max),
    { id: 'type', label: s.type, value: (r) => r.type, render: (r) => r.type },
  ];
  return sortableTable({
    id: 'endpoints',
    caption: s.endpoints,
    columns,
    rows: data.stats!.endpoints,
    footer: data.stats!.aggregated ? [data.stats!.aggregated] : [],
    sort: ctx.sortOf('endpoints'),
    onSort: (sort) => ctx.setSort('endpoints', sort),
    rowClass: (r) => (r.name === AGGREGATED && !r.type ? 'aggregated' : undefined),
    sortHint: s.sortHint,
  });
}

function percentileBars(data: RunViewData, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const rows = data.stats!.endpoints;
  const labels = rows.map(endpointLabel);
  return ctx.chart({
    id: `${data.run.label}-percentiles`,
    title: s.percentilesPerEndpoint,
    ariaLabel: fill(s.chartLabel, { title: s.percentilesPerEndpoint, count: rows.length }),
    type: 'bar',
    labels,
    yTitle: s.latencyMs,
    datasets: [
      { label: s.p50, color: 'green', data: rows.map((r) => r.medianMs ?? p(r, '50')) },
      { label: s.p95, color: 'orange', data: rows.map((r) => p(r, '95')) },
      { label: s.p99, color: 'red', data: rows.map((r) => p(r, '99')) },
    ],
  });
}

function historyTable(series: HistorySeries, startS: number | null, columns: Array<[string, string]>, ctx: ViewContext): HTMLElement {
  const t0 = startS ?? series.t[0] ?? 0;
  const indexes = series.t.map((_, i) => i);
  const hours = elapsedHasHours(Math.max(0, ...series.t.map((t) => t - t0)));
  const get = (column: string, i: number) => (series as unknown as Record<string, Array<number | null>>)[column]?.[i] ?? null;
  return sortableTable<number>({
    id: 'history-table',
    caption: ctx.strings.history,
    columns: [
      { id: 'elapsed', label: hours ? ctx.strings.elapsedHours : ctx.strings.elapsed, numeric: true, value: (i) => series.t[i] - t0, render: (i) => formatElapsed(series.t[i] - t0, hours) },
      ...columns.map(([column, label]): Column<number> => ({ id: column, label, numeric: true, value: (i) => get(column, i), render: (i) => formatNumber(get(column, i)) })),
    ],
    rows: indexes,
  });
}

function historySection(data: RunViewData, history: LocustHistory, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const names = Object.keys(history.series);
  const chosen = ctx.historyEndpoint && history.series[ctx.historyEndpoint] ? ctx.historyEndpoint : history.series[AGGREGATED] ? AGGREGATED : names[0];
  const series = history.series[chosen];
  const body = section('history', s.history);
  if (history.fullHistory && names.length > 1) {
    const select = h('select', { id: 'history-endpoint', 'aria-label': s.historyEndpoint });
    for (const name of [AGGREGATED, ...history.endpoints].filter((n) => history.series[n])) {
      const option = h('option', { value: name }, name === AGGREGATED ? s.aggregated : name);
      option.selected = name === chosen;
      select.appendChild(option);
    }
    select.addEventListener('change', () => ctx.setHistoryEndpoint(select.value));
    body.appendChild(h('label', { class: 'inline' }, `${s.historyEndpoint} `, select));
  } else {
    body.appendChild(note(s.historyOnlyAggregated));
  }
  if (!series) return body;
  const points = (column: string): XY[] => historyPoints(series, column, history.startS);
  const label = chosen === AGGREGATED ? s.aggregated : chosen;
  const id = `${data.run.label}-${chosen === AGGREGATED ? 'aggregated' : 'endpoint'}`;
  const chart = (key: string, title: string, yTitle: string, sets: Array<[string, string, 'blue' | 'red' | 'green' | 'orange' | 'purple' | 'yellow']>) => {
    const datasets = sets.map(([column, name, color]) => ({ label: name, color, data: points(column) })).filter((d) => hasValues(d.data));
    if (!datasets.length) return null;
    const titled = `${title} — ${label}`;
    return ctx.chart(
      { id: `${id}-${key}`, title: titled, ariaLabel: fill(s.chartLabel, { title: titled, count: series.t.length }), type: 'time', xTitle: elapsedTitle(s, datasets), yTitle, datasets },
      lazyTable(s.history, () => historyTable(series, history.startS, sets.map(([c, n]) => [c, n]), ctx)),
    );
  };
  body.append(
    ...[
      chart('throughput', s.throughputOverTime, s.rps, [['rps', s.rps, 'blue'], ['failuresPerS', s.failuresPerS, 'red']]),
      chart('latency', s.latencyOverTime, s.latencyMs, [['p50', s.p50, 'green'], ['p95', s.p95, 'orange']]),
      chart('users', s.usersOverTime, s.users, [['users', s.users, 'purple']]),
    ].filter((c): c is HTMLElement => c !== null),
  );
  return body;
}

function failuresSection(data: RunViewData, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const groups = groupFailures(data.failures);
  const body = section('failures', s.failuresByError);
  if (!groups.length) return (body.appendChild(h('p', {}, s.noFailures)), body);
  body.appendChild(
    sortableTable({
      id: 'failures-table',
      caption: s.failuresByError,
      columns: [
        { id: 'error', label: s.error, value: (g) => g.error, render: (g) => h('code', {}, g.error) },
        { id: 'occurrences', label: s.occurrences, numeric: true, value: (g) => g.occurrences, render: (g) => formatNumber(g.occurrences) },
        { id: 'endpoints', label: s.endpoints, render: (g) => g.endpoints.map((e) => `${e.label} (${formatNumber(e.occurrences)})`).join(', ') },
      ],
      rows: groups,
      sort: ctx.sortOf('failures-table'),
      onSort: (sort) => ctx.setSort('failures-table', sort),
      sortHint: s.sortHint,
    }),
  );
  return body;
}

function exceptionsSection(data: RunViewData, ctx: ViewContext): HTMLElement {
  const s = ctx.strings;
  const body = section('exceptions', s.exceptions);
  if (!data.exceptions.length) return (body.appendChild(h('p', {}, s.noExceptions)), body);
  body.appendChild(
    sortableTable({
      id: 'exceptions-table',
      caption: s.exceptions,
      columns: [
        { id: 'message', label: s.message, value: (e) => e.message, render: (e) => h('details', {}, h('summary', {}, e.message), h('pre', {}, e.traceback)) },
        { id: 'count', label: s.count, numeric: true, value: (e) => e.count, render: (e) => formatNumber(e.count) },
        { id: 'nodes', label: s.nodes, render: (e) => e.nodes.join(', ') },
      ],
      rows: data.exceptions,
      sort: ctx.sortOf('exceptions-table'),
      onSort: (sort) => ctx.setSort('exceptions-table', sort),
      sortHint: s.sortHint,
    }),
  );
  return body;
}

export function runView(title: string, data: RunViewData, ctx: ViewContext): HTMLElement[] {
  const s = ctx.strings;
  const out: Array<HTMLElement | null> = [runHeader(title, data.run, s), notesAndErrors(data.notes, data.errors, s)];
  if (data.stats) {
    out.push(section('endpoints-section', s.endpoints, endpointTable(data, ctx), data.stats.endpoints.length ? percentileBars(data, ctx) : null));
  } else {
    out.push(note(s.noStats, 'warning'));
  }
  out.push(data.history ? historySection(data, data.history, ctx) : section('history', s.history, h('p', {}, s.noHistory)));
  out.push(failuresSection(data, ctx), exceptionsSection(data, ctx));
  return out.filter((e): e is HTMLElement => e !== null);
}
