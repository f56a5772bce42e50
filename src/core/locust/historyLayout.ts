// What each column of a _stats_history.csv header is for the reader: a series slot, the timestamp, the type, the
// name, or nothing. One Int32Array lookup per field keeps the per-row loop free of string compares.
import type { HeaderMap } from './columns';
import { FIXED_SERIES } from './historySummary';

// Fixed series slots (FIXED_SERIES order); percentile slots follow.
export const [USERS, RPS, FAILURES_PER_S, REQUESTS, FAILURES, AVG_MS] = [0, 1, 2, 3, 4, 5];

// Column roles in a row; a role >= 0 is a series slot.
export const SKIP = -1;
export const ROLE_TIMESTAMP = -2;
export const ROLE_TYPE = -3;
export const ROLE_NAME = -4;

export function seriesCountOf(map: HeaderMap): number {
  return FIXED_SERIES.length + map.percentiles.length;
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
  assign(at.totalAvgMs ?? at.avgMs, AVG_MS);
  map.percentiles.forEach(({ index }, i) => assign(index, FIXED_SERIES.length + i));
  return roles;
}
