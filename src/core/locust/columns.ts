// Header rows: which Locust file a header belongs to, and where each column is, by name (never by position),
// with the aliases older Locust versions used (shared/docs/locust-formats.md §1.10).
import * as l10n from '@vscode/l10n';
import { LocustReadError } from './errors';

export type LocustFileKind = 'stats' | 'requests' | 'distribution' | 'history' | 'failures' | 'exceptions';

/** Canonical column -> every header spelling Locust has used for it. */
const ALIASES = {
  type: ['Type', 'Method'],
  name: ['Name'],
  timestamp: ['Timestamp'],
  users: ['User Count'],
  requests: ['Request Count', '# requests'],
  failures: ['Failure Count', '# failures'],
  medianMs: ['Median Response Time', 'Median response time'],
  avgMs: ['Average Response Time', 'Average response time'],
  minMs: ['Min Response Time', 'Min response time'],
  maxMs: ['Max Response Time', 'Max response time'],
  avgContentSize: ['Average Content Size'],
  rps: ['Requests/s'],
  failuresPerS: ['Failures/s', 'Requests Failed/s'],
  // History 1.0+: the cumulative columns carry a "Total " prefix.
  totalRequests: ['Total Request Count'],
  totalFailures: ['Total Failure Count'],
  totalAvgMs: ['Total Average Response Time'],
  error: ['Error'],
  occurrences: ['Occurrences'],
  firstSeen: ['First Seen'],
  lastSeen: ['Last Seen'],
  count: ['Count'],
  message: ['Message'],
  traceback: ['Traceback'],
  nodes: ['Nodes'],
} as const;

export type ColumnKey = keyof typeof ALIASES;

export interface HeaderMap {
  cells: string[];
  index: Partial<Record<ColumnKey, number>>;
  /** Percentile columns in file order: label without '%' ("50", "99.9") and column index. */
  percentiles: Array<{ label: string; index: number }>;
}

// Era B wrote one label as "99.999" without the percent sign; accept a bare number only for that one.
const PERCENTILE = /^(\d+(?:\.\d+)?)%$/;

export function percentileLabel(header: string): string | null {
  const match = PERCENTILE.exec(header);
  if (match) return match[1];
  return header === '99.999' ? '99.999' : null;
}

export function mapHeader(cells: string[]): HeaderMap {
  const trimmed = cells.map((cell) => cell.trim());
  const index: Partial<Record<ColumnKey, number>> = {};
  for (const key of Object.keys(ALIASES) as ColumnKey[]) {
    const at = trimmed.findIndex((cell) => (ALIASES[key] as readonly string[]).includes(cell));
    if (at !== -1) index[key] = at;
  }
  const percentiles = trimmed.flatMap((cell, i) => {
    const label = percentileLabel(cell);
    return label === null ? [] : [{ label, index: i }];
  });
  return { cells: trimmed, index, percentiles };
}

export function classifyHeader(header: HeaderMap): LocustFileKind | null {
  const has = (key: ColumnKey) => header.index[key] !== undefined;
  const raw = (text: string) => header.cells.includes(text);
  if (has('count') && has('message') && has('traceback')) return 'exceptions';
  if (has('error') && has('occurrences')) return 'failures';
  if (has('timestamp') && has('name') && has('rps')) return 'history';
  if (has('name') && has('requests') && raw('Method') && has('medianMs')) return 'requests';
  if (has('name') && has('requests') && !has('type') && header.percentiles.length > 0) return 'distribution';
  if (has('type') && has('name') && has('requests') && has('failures')) return 'stats';
  return null;
}

/** Fails with one clear message when a column the reader needs is not in the header. */
export function requireColumns(header: HeaderMap, keys: readonly ColumnKey[], file: string): void {
  const missing = keys.filter((key) => header.index[key] === undefined);
  if (missing.length) throw new LocustReadError(file, missing.length > 1
    ? l10n.t('header lacks the columns {0}', missing.map((key) => `"${ALIASES[key][0]}"`).join(', '))
    : l10n.t('header lacks the column {0}', `"${ALIASES[missing[0]][0]}"`), 1);
}

export function describeUnknownHeader(cells: string[]): string {
  const shown = cells.slice(0, 4).join(',');
  return l10n.t('not a Locust result: the first line ({0}) is not a header of a Locust _stats, _stats_history, _failures, _exceptions, _requests or _distribution CSV', JSON.stringify(shown.length > 80 ? `${shown.slice(0, 77)}...` : shown));
}
