// Run against run: per-endpoint deltas (absolute and %), regressions past a threshold, endpoints that appear or
// disappear. Pure and JSON-safe, so the result can go to the chart webview as it is.
import type { EndpointStats, LocustStats } from './model';

/** The numbers compared per endpoint. Latencies in ms, failure rate in percent of requests. */
export type CompareMetric = 'requests' | 'failures' | 'failureRate' | 'medianMs' | 'p95Ms' | 'p99Ms' | 'maxMs' | 'rps';

export const COMPARE_METRICS: readonly CompareMetric[] = ['requests', 'failures', 'failureRate', 'medianMs', 'p95Ms', 'p99Ms', 'maxMs', 'rps'];

/**
 * Metrics that make a regression when they get worse by more than the threshold. Request and failure counts
 * follow the run's length, and the max is one outlier, so they are shown but never judged.
 */
export const DEFAULT_REGRESSION_METRICS: readonly CompareMetric[] = ['failureRate', 'medianMs', 'p95Ms', 'p99Ms', 'rps'];

/** Higher is worse for everything but throughput. */
const HIGHER_IS_WORSE: Record<CompareMetric, boolean> = {
  requests: false,
  failures: true,
  failureRate: true,
  medianMs: true,
  p95Ms: true,
  p99Ms: true,
  maxMs: true,
  rps: false,
};

export type EndpointValues = Record<CompareMetric, number | null>;

export interface Delta {
  abs: number;
  /** Relative change in percent of the reference; null when the reference is 0 and the value is not. */
  pct: number | null;
  /** Worse by more than the threshold (only for the regression metrics). */
  regression: boolean;
  /** Better by more than the threshold (same metrics). */
  improvement: boolean;
}

export interface CompareRunInput {
  id: string;
  label: string;
  stats: LocustStats | null;
}

/** 'added': absent from the reference run, present here; 'removed': the other way round. */
export type Presence = 'both' | 'added' | 'removed' | 'absent';

export interface EndpointComparison {
  type: string;
  name: string;
  /** One per run, in input order; null where the run has no such endpoint. */
  values: Array<EndpointValues | null>;
  /** One per run; index 0 (the reference) is always empty. Deltas of each run against the reference. */
  deltas: Array<Partial<Record<CompareMetric, Delta>>>;
  presence: Presence[];
  /** Any run regresses on this endpoint. */
  regression: boolean;
}

export interface RunComparison {
  runs: Array<{ id: string; label: string }>;
  thresholdPercent: number;
  regressionMetrics: CompareMetric[];
  /** Endpoints in first-seen order over the runs. */
  endpoints: EndpointComparison[];
  aggregated: EndpointComparison | null;
  /** Names of endpoints present in a later run and not in the reference. */
  added: string[];
  /** Names of endpoints present in the reference and missing from some later run. */
  removed: string[];
  regressions: number;
}

export interface CompareOptions {
  /** Percent of the reference a metric may worsen before it counts as a regression. Default 10. */
  thresholdPercent?: number;
  regressionMetrics?: readonly CompareMetric[];
}

export const DEFAULT_REGRESSION_THRESHOLD_PERCENT = 10;

const finite = (value: number | null | undefined): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The compared numbers of one stats row. Median falls back to the 50th percentile column, P95/P99 to none. */
export function endpointValues(row: EndpointStats): EndpointValues {
  const requests = finite(row.requests);
  const failures = finite(row.failures);
  return {
    requests,
    failures,
    failureRate: requests ? round((failures ?? 0) / requests * 100, 4) : requests === 0 ? 0 : null,
    medianMs: finite(row.medianMs) ?? finite(row.percentiles['50']),
    p95Ms: finite(row.percentiles['95']),
    p99Ms: finite(row.percentiles['99']),
    maxMs: finite(row.maxMs) ?? finite(row.percentiles['100']),
    rps: finite(row.rps),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Delta of `value` against `reference`; null when either is unknown. */
export function delta(metric: CompareMetric, reference: number | null, value: number | null, thresholdPercent: number, judged: boolean): Delta | null {
  if (reference === null || value === null) return null;
  const abs = round(value - reference, 6);
  const pct = reference === 0 ? (value === 0 ? 0 : null) : round(((value - reference) / Math.abs(reference)) * 100, 4);
  const worse = HIGHER_IS_WORSE[metric] ? abs > 0 : abs < 0;
  const better = HIGHER_IS_WORSE[metric] ? abs < 0 : abs > 0;
  // From zero any rise is infinitely large in percent: it counts whenever it is not zero.
  const beyond = pct === null ? abs !== 0 : Math.abs(pct) > thresholdPercent;
  return { abs, pct, regression: judged && worse && beyond, improvement: judged && better && beyond };
}

const keyOf = (row: EndpointStats): string => `${row.type}\u0000${row.name}`;

/** Rows by type+name, and by name where the name is unique (null where it is not). */
function lookup(stats: LocustStats | null): { byKey: Map<string, EndpointStats>; byName: Map<string, EndpointStats | null> } {
  const byKey = new Map<string, EndpointStats>();
  const byName = new Map<string, EndpointStats | null>();
  for (const row of stats?.endpoints ?? []) {
    byKey.set(keyOf(row), row);
    byName.set(row.name, byName.has(row.name) ? null : row);
  }
  return { byKey, byName };
}

function compareRow(rows: Array<EndpointStats | null>, referencePresent: boolean, thresholdPercent: number, judged: ReadonlySet<CompareMetric>, absentFrom: boolean[]): EndpointComparison {
  const first = rows.find((row) => row !== null)!;
  const values = rows.map((row) => (row ? endpointValues(row) : null));
  const presence: Presence[] = rows.map((row, index) => {
    if (absentFrom[index]) return 'absent';
    if (index === 0) return row ? 'both' : 'absent';
    // Against an unreadable reference nothing can be called added or removed.
    if (absentFrom[0]) return row ? 'both' : 'absent';
    if (row) return referencePresent ? 'both' : 'added';
    return referencePresent ? 'removed' : 'absent';
  });
  const deltas = values.map((current, index) => {
    const out: Partial<Record<CompareMetric, Delta>> = {};
    if (index === 0 || !current || !values[0]) return out;
    for (const metric of COMPARE_METRICS) {
      const d = delta(metric, values[0][metric], current[metric], thresholdPercent, judged.has(metric));
      if (d) out[metric] = d;
    }
    return out;
  });
  const regression = deltas.some((perRun) => Object.values(perRun).some((d) => d?.regression));
  return { type: first.type, name: first.name, values, deltas, presence, regression };
}

/**
 * Compares runs[1..] with runs[0] (the reference: the previous run or the baseline). Runs without stats are kept
 * in the columns with every endpoint 'absent', so the table still says which run could not be read.
 */
export function compareRunStats(runs: readonly CompareRunInput[], options: CompareOptions = {}): RunComparison {
  const thresholdPercent = Number.isFinite(options.thresholdPercent) && options.thresholdPercent! >= 0 ? options.thresholdPercent! : DEFAULT_REGRESSION_THRESHOLD_PERCENT;
  const regressionMetrics = [...(options.regressionMetrics ?? DEFAULT_REGRESSION_METRICS)];
  const judged = new Set(regressionMetrics);
  const tables = runs.map((run) => lookup(run.stats));
  const noStats = runs.map((run) => run.stats === null);

  const find = (index: number, row: EndpointStats): EndpointStats | null => {
    const exact = tables[index].byKey.get(keyOf(row));
    if (exact) return exact;
    // 0.x files carry no request type: such a row stands for the endpoint of the same (unique) name.
    const byName = tables[index].byName.get(row.name);
    return byName && (byName.type === '' || row.type === '') ? byName : null;
  };
  // Endpoints in first-seen order; a row that an earlier endpoint already resolves to is that endpoint.
  const order: EndpointStats[] = [];
  runs.forEach((run, index) => {
    for (const row of run.stats?.endpoints ?? []) if (!order.some((known) => find(index, known) === row)) order.push(row);
  });

  const endpoints = order.map((row) => {
    const rows = runs.map((_, index) => find(index, row));
    return compareRow(rows, rows[0] !== null, thresholdPercent, judged, noStats);
  });
  const aggregatedRows = runs.map((run) => run.stats?.aggregated ?? null);
  const aggregated = aggregatedRows.some((row) => row !== null) ? compareRow(aggregatedRows, aggregatedRows[0] !== null, thresholdPercent, judged, noStats) : null;

  const added = endpoints.filter((e) => e.presence.includes('added')).map((e) => e.name);
  const removed = endpoints.filter((e) => e.presence.includes('removed')).map((e) => e.name);
  const regressions = endpoints.filter((e) => e.regression).length + (aggregated?.regression ? 1 : 0);
  return { runs: runs.map(({ id, label }) => ({ id, label })), thresholdPercent, regressionMetrics, endpoints, aggregated, added, removed, regressions };
}
