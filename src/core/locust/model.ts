// Types of what the Locust readers return. Plain data only (JSON-safe), so results can cross to the webview.

/**
 * Which generation of Locust wrote the file, told apart by its header (never by a version string).
 * See shared/docs/locust-formats.md §1.2 and §1.10.
 */
export type LocustEra =
  | '0.8-0.13.2' // _requests.csv + _distribution.csv
  | '0.13.3-0.14' // "# requests" columns with a Type column
  | '1.0' // current names, every field hand-quoted
  | '1.1' // current names, csv module, still a 99.999% column
  | '1.0-1.1' // history files: hand-quoted in both, indistinguishable
  | '1.2+' // csv module, percentile list from PERCENTILES_TO_REPORT
  | 'html-legacy' // --html report with tables (1.4.2-2.27)
  | 'html-modern'; // --html report with window.templateArgs (2.18+)

export interface EndpointStats {
  /** Request type (GET, POST, grpc, ...); '' for the Aggregated row. */
  type: string;
  name: string;
  requests: number;
  failures: number;
  medianMs: number | null;
  avgMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  rps: number | null;
  failuresPerS: number | null;
  avgContentSize: number | null;
  /** Keyed by the label without '%': "50", "95", "99.9", "100". null where Locust wrote N/A. */
  percentiles: Record<string, number | null>;
}

interface ResultBase {
  file: string;
  /** Known Locust quirks that affect how far the numbers can be trusted; shown to users, never hidden. */
  notes: string[];
}

export interface LocustStats extends ResultBase {
  kind: 'stats';
  era: LocustEra;
  endpoints: EndpointStats[];
  aggregated: EndpointStats | null;
  /** Percentile labels in file order (object keys lose it: "99.9" would sort after "100"). */
  percentileLabels: string[];
}

/** 0.x `_distribution.csv`: percentiles per "METHOD name", merged into the matching `_requests.csv`. */
export interface LocustDistribution extends ResultBase {
  kind: 'distribution';
  era: LocustEra;
  rows: Array<{ name: string; requests: number; percentiles: Record<string, number | null> }>;
}

/** One downsampled time series per endpoint; every array has the length of `t`. */
export interface HistorySeries {
  /** Unix seconds. */
  t: number[];
  users: Array<number | null>;
  rps: Array<number | null>;
  failuresPerS: Array<number | null>;
  /** Cumulative request and failure counts at that instant (the "Total ..." columns). */
  requests: Array<number | null>;
  failures: Array<number | null>;
  /** "p50", "p95", "p99": the percentile columns of the file that are in HISTORY_PERCENTILES (historyLayout.ts). */
  [percentile: `p${string}`]: Array<number | null>;
}

export interface LocustHistory extends ResultBase {
  kind: 'history';
  era: LocustEra;
  /** Ticks: rows of the Aggregated series (one per write of the history file). */
  points: number;
  /** All data rows, endpoint rows included. */
  rows: number;
  startS: number | null;
  endS: number | null;
  durationS: number;
  peakUsers: number | null;
  /** Endpoint names in order of first appearance, without Aggregated. Empty without --csv-full-history. */
  endpoints: string[];
  /** True when the file has per-endpoint rows (--csv-full-history). */
  fullHistory: boolean;
  /** The file's percentile labels that have a series: "50", "95", "99" where the file has them. */
  percentileLabels: string[];
  /** Last cumulative totals seen for the Aggregated row, for comparing with _stats.csv. */
  finalRequests: number | null;
  finalFailures: number | null;
  /** Keyed by endpoint name; the Aggregated row under "Aggregated". Downsampled to at most maxPoints each. */
  series: Record<string, HistorySeries>;
}

export interface FailureRow {
  method: string;
  name: string;
  error: string;
  occurrences: number;
  /** ISO-8601 UTC, only in Locust 2.44+. */
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface LocustFailures extends ResultBase {
  kind: 'failures';
  /** True when the file has First Seen / Last Seen (Locust 2.44+). */
  hasSeenTimes: boolean;
  failures: FailureRow[];
}

export interface ExceptionRow {
  count: number;
  message: string;
  traceback: string;
  /** Worker ids, or ["local"]. */
  nodes: string[];
}

export interface LocustExceptions extends ResultBase {
  kind: 'exceptions';
  exceptions: ExceptionRow[];
}

/** The --html report: final numbers (the CSVs lag), a coarse history, failures and exceptions. */
export interface LocustHtmlReport extends ResultBase {
  kind: 'html';
  era: LocustEra;
  stats: LocustStats;
  failures: FailureRow[];
  exceptions: ExceptionRow[];
  startTime: string | null;
  endTime: string | null;
  /** Coarse (every 5 s) aggregated history; time strings as the report wrote them. */
  history: Array<{ time: string; users: number | null; rps: number | null; failuresPerS: number | null; p50: number | null; p95: number | null }>;
}

export type LocustResult = LocustStats | LocustDistribution | LocustHistory | LocustFailures | LocustExceptions | LocustHtmlReport;
