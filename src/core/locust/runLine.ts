// The one line a run is known by in lists (the Runs view): only the numbers it has, so a run known from a
// sentence of tracker text or an empty CSV never shows a row of dashes.
import * as l10n from '@vscode/l10n';

export interface RunLineValues {
  readonly requests: number | null;
  readonly p95Ms: number | null;
  readonly rps: number | null;
  readonly failureRate: number | null;
}

/** "170 ms", "2.1 s", "19 s": one way to write a latency wherever a run is summarised. */
export function formatLatency(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
  return `${Math.round(ms)} ms`;
}

/**
 * The parts of a run's line, in order: P95, RPS, failure %. A CSV run with no requests is an "empty run"; a
 * run from tracker text says so first. Missing numbers are left out.
 */
export function runLineParts(values: RunLineValues | null, source: 'csv' | 'tracker'): string[] {
  const parts: string[] = source === 'tracker' ? [l10n.t('from tracker text')] : [];
  if (!values) return parts;
  if (source === 'csv' && values.requests === 0) return [...parts, l10n.t('empty run')];
  if (values.p95Ms !== null) parts.push(l10n.t('P95 {0}', formatLatency(values.p95Ms)));
  if (values.rps !== null) parts.push(l10n.t('{0} RPS', values.rps.toFixed(1)));
  if (values.failureRate !== null) parts.push(l10n.t('{0}% fail', values.failureRate.toFixed(values.failureRate > 0 && values.failureRate < 1 ? 2 : 1)));
  return parts;
}
