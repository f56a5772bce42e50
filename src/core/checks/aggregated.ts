// The numbers evidence-drift compares, taken from a Locust stats result (CLI and extension share this).
import type { LocustStats } from '../locust/model';
import type { AggregatedNumbers } from './types';

export function aggregatedNumbers(stats: LocustStats): AggregatedNumbers | undefined {
  const row = stats.aggregated;
  if (!row) return undefined;
  return {
    requests: row.requests,
    failures: row.failures,
    p95Ms: row.percentiles['95'] ?? null,
    p99Ms: row.percentiles['99'] ?? null,
    rps: row.rps,
  };
}
