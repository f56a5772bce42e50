// What the CI gate judges a run against: limits from command-line flags ("--max-p95 500ms", "--min-rps 25",
// "--max-regression p95=10%,rps=5%") and from the tracker's own criteria (read by src/core/checks/criteria).
import type { TrackerCriterion } from '../checks/criteria';
import { findMeasured, type Comparator, type Dimension, type MetricKey } from '../tracker/thresholds';

export type GateMetric = 'p50' | 'p95' | 'p99' | 'avg' | 'failureRate' | 'successRate' | 'rps';

export const GATE_METRICS: readonly GateMetric[] = ['p50', 'p95', 'p99', 'avg', 'failureRate', 'successRate', 'rps'];

export type LimitSource = { readonly kind: 'flag'; readonly flag: string } | { readonly kind: 'tracker'; readonly line: number; readonly column: number; readonly text: string };

export interface Limit {
  readonly metric: GateMetric;
  readonly op: Comparator;
  /** ms for latencies, percent for rates, req/s for throughput. */
  readonly value: number;
  /** Endpoint name (or "TYPE name") the limit is for; undefined: the Aggregated row. */
  readonly endpoint?: string;
  /** Tracker words naming the endpoints ("Dashboard", "V2 endpoints"): the limit applies to each that matches. */
  readonly qualifier?: string;
  readonly source: LimitSource;
}

export interface RegressionLimit {
  readonly metric: GateMetric;
  /** How far the metric may get worse than the baseline, in percent of the baseline's value. */
  readonly percent: number;
  readonly endpoint?: string;
}

/** A flag or value that does not parse: the CLI prints it as one line and exits 2. */
export class GateInputError extends Error {}

export const DIMENSION: Record<GateMetric, Dimension> = { p50: 'time', p95: 'time', p99: 'time', avg: 'time', failureRate: 'percent', successRate: 'percent', rps: 'rate' };

/** Higher is worse for latencies and failures; lower is worse for throughput and success. */
export const HIGHER_IS_WORSE: Record<GateMetric, boolean> = { p50: true, p95: true, p99: true, avg: true, failureRate: true, successRate: false, rps: false };

const UNIT_HINT: Record<Dimension, string> = { time: 'a duration such as 500ms or 2s', percent: 'a percentage such as 1%', rate: 'requests per second such as 25 or 25rps' };

/** "500ms", "2s", "1%", "25", "25rps", "25 req/s" in the dimension the flag expects. */
export function parseQuantity(flag: string, text: string | undefined, dimension: Dimension): number {
  if (text === undefined || text.startsWith('--')) throw new GateInputError(`${flag} needs a value: ${UNIT_HINT[dimension]}`);
  const trimmed = text.trim();
  // A bare number is unambiguous only for throughput (and percent, where "1" means 1%).
  if (/^\d+(?:\.\d+)?$/.test(trimmed) && dimension !== 'time') return Number(trimmed);
  const found = findMeasured(trimmed);
  if (found.length !== 1 || found[0].start !== 0 || found[0].end !== trimmed.length || found[0].dimension !== dimension) {
    throw new GateInputError(`${flag} ${JSON.stringify(text.slice(0, 40))}: expected ${UNIT_HINT[dimension]}`);
  }
  return found[0].value;
}

const REGRESSION_NAMES: Record<string, GateMetric> = { p50: 'p50', median: 'p50', p95: 'p95', p99: 'p99', avg: 'avg', rps: 'rps', failures: 'failureRate', 'failure-rate': 'failureRate', failurerate: 'failureRate' };

/** "p95=10%,rps=5%": how much worse than the baseline each metric may get. */
export function parseRegression(flag: string, text: string | undefined): Array<Omit<RegressionLimit, 'endpoint'>> {
  if (text === undefined || text.startsWith('--')) throw new GateInputError(`${flag} needs a value such as p95=10%,rps=5%`);
  return text.split(',').map((part) => {
    const match = /^\s*([\w-]+)\s*=\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(part);
    const metric = match ? REGRESSION_NAMES[match[1].toLowerCase()] : undefined;
    if (!match || !metric) {
      throw new GateInputError(`${flag} ${JSON.stringify(part.slice(0, 40))}: expected METRIC=PERCENT with METRIC one of p50, p95, p99, avg, rps, failure-rate (e.g. p95=10%,rps=5%)`);
    }
    return { metric, percent: Number(match[2]) };
  });
}

const TRACKER_METRIC: Partial<Record<MetricKey, GateMetric>> = { p50: 'p50', p95: 'p95', p99: 'p99', avg: 'avg', errorRate: 'failureRate', successRate: 'successRate', rps: 'rps' };

/** The tracker's criteria the gate can judge from a run's stats (coverage and metric-less ones are not). */
export function trackerLimits(criteria: readonly TrackerCriterion[]): Limit[] {
  return criteria.flatMap(({ line, threshold }) => {
    const metric = threshold.metric ? TRACKER_METRIC[threshold.metric] : undefined;
    if (!metric || DIMENSION[metric] !== threshold.dimension) return [];
    const limit: Limit = {
      metric,
      op: threshold.op,
      value: threshold.value,
      qualifier: threshold.qualifier,
      source: { kind: 'tracker', line, column: threshold.start, text: threshold.text.replace(/\s+/g, ' ') },
    };
    return [limit];
  });
}
