// The CI gate's verdict: each limit judged on the run's stats (Aggregated row, one endpoint, or the endpoints a
// tracker criterion names), each regression limit against the baseline's same row. Pure and JSON-safe.
import { endpointValues } from '../locust/compare';
import type { EndpointStats, LocustStats } from '../locust/model';
import type { RunNumbers } from '../tracker/model';
import { passes, type Comparator } from '../tracker/thresholds';
import { GateInputError, HIGHER_IS_WORSE, type GateMetric, type Limit, type LimitSource, type RegressionLimit } from './limits';

export type GateValues = Record<GateMetric, number | null>;

export interface GateRow {
  readonly type: string;
  readonly name: string;
  readonly values: GateValues;
}

/** A run as the gate sees it: per-endpoint rows (none for a run known only from tracker text) and the total. */
export interface GateRun {
  readonly label: string;
  readonly endpoints: readonly GateRow[];
  readonly aggregated: GateValues | null;
}

export const AGGREGATED = 'Aggregated';

export interface GateCheck {
  readonly metric: GateMetric;
  readonly endpoint: string;
  /** The run's value; null when the run does not measure it (which fails the check). */
  readonly value: number | null;
  readonly op: Comparator;
  readonly limit: number;
  /** The baseline's value of the same metric and row, when there is a baseline that has it. */
  readonly baseline: number | null;
  readonly pass: boolean;
  readonly kind: 'threshold' | 'regression';
  /** For regression checks: the percent allowed. */
  readonly percent?: number;
  readonly source: LimitSource | { readonly kind: 'regression'; readonly flag: string };
}

export interface GateResult {
  readonly pass: boolean;
  readonly run: string;
  readonly baseline: string | null;
  readonly checks: GateCheck[];
  /** Tracker criteria that name endpoints this run does not have ("Dashboard P95 <200ms" on a run without one). */
  readonly notApplicable: Array<{ readonly line: number; readonly text: string }>;
}

export interface GateInput {
  readonly run: GateRun;
  readonly baseline?: GateRun;
  readonly limits: readonly Limit[];
  readonly regressions?: readonly RegressionLimit[];
}

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;

export function gateValues(row: EndpointStats): GateValues {
  const v = endpointValues(row);
  const finite = (x: number | null) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return {
    p50: v.medianMs,
    p95: v.p95Ms,
    p99: v.p99Ms,
    avg: finite(row.avgMs),
    failureRate: v.failureRate,
    successRate: v.failureRate === null ? null : round(100 - v.failureRate),
    rps: v.rps,
  };
}

export function gateRunFromStats(label: string, stats: LocustStats): GateRun {
  return {
    label,
    endpoints: stats.endpoints.map((row) => ({ type: row.type, name: row.name, values: gateValues(row) })),
    aggregated: stats.aggregated ? gateValues(stats.aggregated) : null,
  };
}

const rowName = (row: GateRow): string => (row.type ? `${row.type} ${row.name}` : row.name);

/** Rows of `run` that `name` picks: exact name, or "TYPE name". */
export function findEndpoint(run: GateRun, name: string): GateRow[] {
  const wanted = name.trim();
  return run.endpoints.filter((row) => row.name === wanted || rowName(row) === wanted);
}

/** Endpoints a tracker qualifier names: every word (but "endpoint(s)") appears in the endpoint's name. */
export function namedBy(qualifier: string, name: string): boolean {
  const words = qualifier.toLowerCase().split(/\s+/).filter((w) => w && !/^endpoints?$/.test(w));
  return words.length > 0 && words.every((word) => name.toLowerCase().includes(word));
}

function qualified(run: GateRun, qualifier: string): GateRow[] {
  return run.endpoints.filter((row) => namedBy(qualifier, row.name));
}

function rowsFor(run: GateRun, endpoint: string | undefined, flag: string): Array<{ name: string; values: GateValues | null }> {
  if (endpoint === undefined || endpoint === AGGREGATED) return [{ name: AGGREGATED, values: run.aggregated }];
  const rows = findEndpoint(run, endpoint);
  if (!rows.length) {
    const known = run.endpoints.map(rowName);
    throw new GateInputError(`${flag} ${JSON.stringify(endpoint)}: run ${run.label} has no such endpoint${known.length ? ` (it has: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})` : ''}`);
  }
  return rows.map((row) => ({ name: rows.length > 1 ? rowName(row) : row.name, values: row.values }));
}

function baselineValue(baseline: GateRun | undefined, endpoint: string, metric: GateMetric): number | null {
  if (!baseline) return null;
  if (endpoint === AGGREGATED) return baseline.aggregated?.[metric] ?? null;
  const row = baseline.endpoints.find((r) => r.name === endpoint || rowName(r) === endpoint);
  return row?.values[metric] ?? null;
}

/** A baseline from another test entirely (no endpoint in common) would judge nothing meaningful. */
function checkOverlap(run: GateRun, baseline: GateRun): void {
  if (!run.endpoints.length || !baseline.endpoints.length) return;
  const names = new Set(run.endpoints.map(rowName));
  if (baseline.endpoints.some((row) => names.has(rowName(row)))) return;
  const list = (r: GateRun) => r.endpoints.slice(0, 6).map(rowName).join(', ') + (r.endpoints.length > 6 ? ', …' : '');
  throw new GateInputError(`baseline ${baseline.label} has no endpoint in common with ${run.label} (baseline: ${list(baseline)}; run: ${list(run)})`);
}

export function evaluateGate(input: GateInput): GateResult {
  const { run, baseline } = input;
  if (baseline) checkOverlap(run, baseline);
  const checks: GateCheck[] = [];
  const notApplicable: Array<{ line: number; text: string }> = [];
  for (const limit of input.limits) {
    const flag = limit.source.kind === 'flag' ? limit.source.flag : 'criterion';
    let rows: Array<{ name: string; values: GateValues | null }>;
    if (limit.qualifier !== undefined) {
      rows = qualified(run, limit.qualifier).map((row) => ({ name: row.name, values: row.values }));
      if (!rows.length && limit.source.kind === 'tracker') notApplicable.push({ line: limit.source.line, text: limit.source.text });
    } else {
      rows = rowsFor(run, limit.endpoint, flag);
    }
    for (const row of rows) {
      const value = row.values?.[limit.metric] ?? null;
      checks.push({
        metric: limit.metric,
        endpoint: row.name,
        value,
        op: limit.op,
        limit: limit.value,
        baseline: baselineValue(baseline, row.name, limit.metric),
        pass: value !== null && passes(limit, value),
        kind: 'threshold',
        source: limit.source,
      });
    }
  }
  for (const regression of input.regressions ?? []) {
    if (!baseline) throw new GateInputError('--max-regression needs a baseline: pass --baseline BASE, or pin one in the Runs view (setting executionTracker.baselineRun)');
    for (const row of rowsFor(run, regression.endpoint, '--endpoint')) {
      const base = baselineValue(baseline, row.name, regression.metric);
      if (base === null) throw new GateInputError(`--max-regression ${regression.metric}: baseline ${baseline.label} has no ${regression.metric} for ${row.name}`);
      const worse = HIGHER_IS_WORSE[regression.metric];
      const limit = round(worse ? base * (1 + regression.percent / 100) : base * (1 - regression.percent / 100));
      const op: Comparator = worse ? '<=' : '>=';
      const value = row.values?.[regression.metric] ?? null;
      checks.push({
        metric: regression.metric,
        endpoint: row.name,
        value,
        op,
        limit,
        baseline: base,
        pass: value !== null && passes({ op, value: limit }, value),
        kind: 'regression',
        percent: regression.percent,
        source: { kind: 'regression', flag: '--max-regression' },
      });
    }
  }
  return { pass: checks.every((c) => c.pass), run: run.label, baseline: baseline?.label ?? null, checks, notApplicable };
}

/** A run known only from the tracker's prose ("v18: 7,064 requests, 0.64% failures, P95 2.1s"): totals only. */
export function gateRunFromSummary(label: string, numbers: RunNumbers): GateRun {
  const failureRate = numbers.failureRate ?? (numbers.failures !== null && numbers.requests ? round((numbers.failures / numbers.requests) * 100) : null);
  return {
    label,
    endpoints: [],
    aggregated: { p50: null, p95: numbers.p95Ms, p99: numbers.p99Ms, avg: null, failureRate, successRate: failureRate === null ? null : round(100 - failureRate), rps: numbers.rps },
  };
}
