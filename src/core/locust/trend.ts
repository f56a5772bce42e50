// P95, P99, RPS and failure rate across runs: the workspace's CSV runs and the run summaries written in the
// tracker, on one axis ordered by version (v18 … v48). Pure and JSON-safe.
import type { RunSummary } from '../tracker/model';
import { endpointValues } from './compare';
import type { EndpointStats } from './model';
import type { RunMeta } from './naming';

export type TrendSource = 'csv' | 'tracker';

export interface TrendPoint {
  /** Run id: the CSV run's id, or `tracker:<label>` for a summary. */
  id: string;
  /** Axis category (the version, e.g. "v39"; a CSV run without one uses its prefix). */
  category: string;
  source: TrendSource;
  /** What the point stands for, for tooltips and the table: file prefix or the tracker's label text. */
  detail: string;
  requests: number | null;
  failureRate: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  rps: number | null;
  baseline: boolean;
}

export interface TrendSeries {
  /** Axis categories in version order. */
  categories: string[];
  points: TrendPoint[];
  baselineCategory: string | null;
}

export interface TrendCsvRun {
  id: string;
  prefix: string;
  meta: Pick<RunMeta, 'version' | 'versionNumber'>;
  aggregated: EndpointStats | null;
}

export interface TrendOptions {
  /** Id of the baseline run (a CSV run id or a `tracker:<label>` id); its category is marked. */
  baselineId?: string | null;
}

const VERSION = /^v(\d+)([a-z]*)$/i;

/** Version order: number, then suffix ("v26" < "v26b"); names without a version after all versions, by name. */
export function compareCategories(a: string, b: string): number {
  const va = VERSION.exec(a);
  const vb = VERSION.exec(b);
  if (va && vb) return Number(va[1]) - Number(vb[1]) || va[2].toLowerCase().localeCompare(vb[2].toLowerCase());
  if (va) return -1;
  if (vb) return 1;
  return a.localeCompare(b);
}

export const trackerRunId = (label: string): string => `tracker:${label.toLowerCase()}`;

function csvPoint(run: TrendCsvRun): TrendPoint {
  const values = run.aggregated ? endpointValues(run.aggregated) : null;
  return {
    id: run.id,
    category: run.meta.version?.toLowerCase() ?? run.prefix,
    source: 'csv',
    detail: run.prefix,
    requests: values?.requests ?? null,
    failureRate: values?.failureRate ?? null,
    p95Ms: values?.p95Ms ?? null,
    p99Ms: values?.p99Ms ?? null,
    rps: values?.rps ?? null,
    baseline: false,
  };
}

const metricCount = (s: RunSummary): number => [s.requests, s.failureRate, s.p95Ms, s.p99Ms, s.rps].filter((v) => v !== null).length;

/**
 * One point per CSV run and one per tracker run label (the tracker often cites a run twice; the mention with the
 * most numbers wins, the first on a tie). Summaries that name no run have no place on the axis and are left out.
 */
export function buildTrend(csvRuns: readonly TrendCsvRun[], trackerRuns: readonly RunSummary[], options: TrendOptions = {}): TrendSeries {
  const points: TrendPoint[] = csvRuns.map(csvPoint);
  const best = new Map<string, RunSummary>();
  for (const summary of trackerRuns) {
    if (!summary.label) continue;
    const key = summary.label.toLowerCase();
    const known = best.get(key);
    if (!known || metricCount(summary) > metricCount(known)) best.set(key, summary);
  }
  for (const [category, s] of best) {
    points.push({
      id: trackerRunId(category),
      category,
      source: 'tracker',
      detail: s.source,
      requests: s.requests,
      failureRate: s.failureRate ?? (s.failures !== null && s.requests ? Math.round((s.failures / s.requests) * 10000) / 100 : null),
      p95Ms: s.p95Ms,
      p99Ms: s.p99Ms,
      rps: s.rps,
      baseline: false,
    });
  }
  const baselinePoint = options.baselineId ? points.find((p) => p.id === options.baselineId || p.id === trackerRunId(options.baselineId!)) : undefined;
  const baselineCategory = baselinePoint?.category ?? null;
  if (baselinePoint) baselinePoint.baseline = true;
  points.sort((a, b) => compareCategories(a.category, b.category) || a.source.localeCompare(b.source) || a.id.localeCompare(b.id));
  const categories = [...new Set(points.map((p) => p.category))];
  return { categories, points, baselineCategory };
}
