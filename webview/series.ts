// Chart data from the protocol's plain data: {x, y} points (chart.js runs with parsing off), failures grouped
// by error, trend series per source. Pure (no DOM, no chart.js), unit-tested in test/unit/webview.
import type { FailureRow, HistorySeries } from '../src/core/locust/model';
import type { TrendPoint, TrendSeries, TrendSource } from '../src/core/locust/trend';
import type { ChartSpec, DatasetSpec } from './charts';
import { elapsedHasHours } from './format';

export interface XY {
  x: number;
  y: number | null;
}

/** Points of one history column against seconds since `startS`; rows without a time are skipped. */
export function historyPoints(series: HistorySeries, column: string, startS: number | null): XY[] {
  const values = (series as unknown as Record<string, Array<number | null> | undefined>)[column];
  if (!values) return [];
  const t0 = startS ?? series.t[0] ?? 0;
  const out: XY[] = [];
  for (let i = 0; i < series.t.length; i++) {
    const t = series.t[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) continue;
    const y = values[i];
    out.push({ x: t - t0, y: typeof y === 'number' && Number.isFinite(y) ? y : null });
  }
  return out;
}

/** True when the column has at least one number (an all-N/A column is not drawn). */
export const hasValues = (points: readonly XY[]): boolean => points.some((p) => p.y !== null);

export interface FailureGroup {
  error: string;
  occurrences: number;
  /** "GET /x" of every endpoint that failed with this error, by occurrences. */
  endpoints: Array<{ label: string; occurrences: number }>;
}

/** Failures grouped by their error text, the most frequent first. */
export function groupFailures(rows: readonly FailureRow[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const row of rows) {
    let group = groups.get(row.error);
    if (!group) groups.set(row.error, (group = { error: row.error, occurrences: 0, endpoints: [] }));
    const occurrences = Number.isFinite(row.occurrences) ? row.occurrences : 0;
    group.occurrences += occurrences;
    group.endpoints.push({ label: row.method ? `${row.method} ${row.name}` : row.name, occurrences });
  }
  const out = [...groups.values()];
  for (const group of out) group.endpoints.sort((a, b) => b.occurrences - a.occurrences);
  return out.sort((a, b) => b.occurrences - a.occurrences || a.error.localeCompare(b.error));
}

export type TrendMetric = 'p95Ms' | 'p99Ms' | 'rps' | 'failureRate';

/** One value per category (null where the source has no run there), for a category-axis line chart. */
export function trendValues(trend: TrendSeries, source: TrendSource, metric: TrendMetric): Array<number | null> {
  const bySource = new Map<string, TrendPoint>();
  for (const point of trend.points) if (point.source === source && !bySource.has(point.category)) bySource.set(point.category, point);
  return trend.categories.map((category) => bySource.get(category)?.[metric] ?? null);
}

export const sourceHasMetric = (trend: TrendSeries, source: TrendSource, metric: TrendMetric): boolean =>
  trendValues(trend, source, metric).some((value) => value !== null);

/** Axis labels, the baseline's marked so the mark survives without colour. */
export function trendLabels(trend: TrendSeries, baselineWord: string): string[] {
  return trend.categories.map((category) => (category === trend.baselineCategory ? `${category} (${baselineWord})` : category));
}

/** The largest x of a time chart's points (0 for other charts). */
export function longestX(spec: Pick<ChartSpec, 'type' | 'datasets'>): number {
  let longest = 0;
  if (spec.type !== 'time') return longest;
  for (const dataset of spec.datasets) for (const point of dataset.data) if (typeof point === 'object' && point !== null && point.x > longest) longest = point.x;
  return longest;
}

/** The x title of an elapsed-time chart, saying what its ticks show (m:ss, or h:mm:ss once it runs an hour). */
export function elapsedTitle(strings: { elapsed: string; elapsedHours: string }, datasets: DatasetSpec[]): string {
  return elapsedHasHours(longestX({ type: 'time', datasets })) ? strings.elapsedHours : strings.elapsed;
}

/** Steps an elapsed axis may tick at: whole seconds, minutes and hours a reader counts in, then whole days. */
const ELAPSED_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 14400, 21600, 43200, 86400];

/**
 * The tick step of an elapsed axis reaching `longest` seconds with at most `maxTicks` ticks: a round duration, so
 * a 24-hour soak ticks every 3 hours, not at 2:46:40 and 5:33:20 (chart.js's decimal steps of 10,000 s).
 */
export function elapsedStep(longest: number, maxTicks: number): number {
  const intervals = Math.max(1, maxTicks - 1);
  const step = ELAPSED_STEPS.find((candidate) => longest / candidate <= intervals);
  if (step !== undefined) return step;
  const days = Math.ceil(longest / 86400 / intervals);
  return 86400 * ([1, 2, 5, 7, 10, 14, 30].find((d) => d >= days) ?? days);
}
