// What each column of a _stats_history.csv header is for the reader: a series slot, the timestamp, the type, the
// name, or nothing. One Int32Array lookup per field keeps the per-row loop free of string compares.
import type { HeaderMap } from './columns';

/** The fixed series slots, in order; percentile slots follow. */
export const FIXED_SERIES = ['users', 'rps', 'failuresPerS', 'requests', 'failures'] as const;

/**
 * The percentiles a history is read for: the ones the charts draw over time (p50, p95) and p99, which trackers
 * state beside P95. Locust writes 11 percentile columns; decoding and bucketing all of them was about a sixth of
 * a soak file's read (bench `history-*` rows), for series no view showed. The run's stats file has them all.
 * For the same reason the average (a 17-digit float on every row) is not read: the stats file has it too.
 */
export const HISTORY_PERCENTILES: readonly string[] = ['50', '95', '99'];

export function historyPercentiles(map: HeaderMap): HeaderMap['percentiles'] {
  return map.percentiles.filter((p) => HISTORY_PERCENTILES.includes(p.label));
}

// Fixed series slots (FIXED_SERIES order); percentile slots follow.
export const [USERS, RPS, FAILURES_PER_S, REQUESTS, FAILURES] = [0, 1, 2, 3, 4];

// Column roles in a row; a role >= 0 is a series slot.
export const SKIP = -1;
export const ROLE_TIMESTAMP = -2;
export const ROLE_TYPE = -3;
export const ROLE_NAME = -4;

export function seriesCountOf(map: HeaderMap): number {
  return FIXED_SERIES.length + historyPercentiles(map).length;
}

export function columnRoles(map: HeaderMap): Int32Array {
  const roles = new Int32Array(map.cells.length).fill(SKIP);
  const at = map.index;
  const assign = (index: number | undefined, role: number) => {
    if (index !== undefined) roles[index] = role;
  };
  assign(at.timestamp, ROLE_TIMESTAMP);
  assign(at.type, ROLE_TYPE);
  assign(at.name, ROLE_NAME);
  assign(at.users, USERS);
  assign(at.rps, RPS);
  assign(at.failuresPerS, FAILURES_PER_S);
  assign(at.totalRequests ?? at.requests, REQUESTS);
  assign(at.totalFailures ?? at.failures, FAILURES);
  historyPercentiles(map).forEach(({ index }, i) => assign(index, FIXED_SERIES.length + i));
  return roles;
}
