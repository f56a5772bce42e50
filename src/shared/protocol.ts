// Messages between the chart panel host (src/features/charts) and the chart webview (webview/). Types only: the
// two sides are bundled apart and share no runtime code but ./never.ts; each validates what it receives (host:
// src/features/charts/validateMessage.ts, webview: webview/validate.ts). A chart kind is a closed union: code
// that handles kinds switches on it with assertNever, or keeps a Record<ChartKind, …>, so a new kind is a
// compile error everywhere it must be handled (docs/extending.md).
import type { ExceptionRow, FailureRow, HistorySeries, LocustHistory, LocustStats } from '../core/locust/model';
import type { RunComparison } from '../core/locust/compare';
import type { TrendSeries } from '../core/locust/trend';
import type { HistoryRange, ProgressMessage, ProgressViewData } from './progressProtocol';

/** What a panel shows; also the webview's persisted state, so a panel restored after reload can ask again. */
export type ChartTarget = { kind: 'run'; runId: string } | { kind: 'compare'; runIds: string[] } | { kind: 'trend' } | { kind: 'progress'; file: string };

export type ChartKind = ChartTarget['kind'];

/** The target of one kind (`TargetOf<'compare'>` has runIds). */
export type TargetOf<K extends ChartKind> = Extract<ChartTarget, { kind: K }>;

export interface RunInfo {
  id: string;
  /** Short name: the version ("v39") or the file prefix. */
  label: string;
  /** Workspace-relative paths of the run's files. */
  files: string[];
  /** The run's files changed in the last minute: it may still be running. */
  live: boolean;
  /** A run the extension is following as it runs: its latest numbers ("12 users · 1,234 requests · …"). */
  liveText?: string;
}

export interface RunViewData {
  kind: 'run';
  run: RunInfo;
  stats: LocustStats | null;
  history: LocustHistory | null;
  failures: FailureRow[];
  exceptions: ExceptionRow[];
  /** Known Locust quirks (the readers' notes), shown as they are. */
  notes: string[];
  /** One line per file that could not be read: "file:line: what is wrong". */
  errors: string[];
}

export interface CompareRunData extends RunInfo {
  /** The run's Aggregated history, for the overlay; null without a history file. */
  history: HistorySeries | null;
  startS: number | null;
}

/** A limit the compare charts draw as a dashed line (the tracker's criteria, or the gate's flags in a report). */
export interface ChartThreshold {
  metric: 'p95' | 'rps';
  /** The endpoint it is for; null for the Aggregated row. */
  endpoint: string | null;
  /** ms for P95, req/s for RPS. */
  value: number;
  /** Where it comes from ("P95 Response Time: <150ms"). */
  label: string;
}

export interface CompareViewData {
  kind: 'compare';
  runs: CompareRunData[];
  comparison: RunComparison;
  thresholds: ChartThreshold[];
  notes: string[];
  errors: string[];
}

export interface TrendViewData {
  kind: 'trend';
  trend: TrendSeries;
  /** How many CSV runs and tracker summaries the trend was built from. */
  csvRuns: number;
  trackerRuns: number;
  errors: string[];
}

export type ViewData = RunViewData | CompareViewData | TrendViewData | ProgressViewData;

export type ViewDataOf<K extends ChartKind> = Extract<ViewData, { kind: K }>;

// Every chart kind has view data and every view data a chart kind (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ViewDataCoversKinds = Assert<Same<ViewData['kind'], ChartKind>>;

/** Every user-visible string of the webview, translated by the host (vscode.l10n) and sent with the data. */
export type StringKey =
  | 'loading'
  | 'exportPng'
  | 'endpoints'
  | 'aggregated'
  | 'type'
  | 'name'
  | 'requests'
  | 'failures'
  | 'failureRate'
  | 'median'
  | 'p50'
  | 'p95'
  | 'p99'
  | 'max'
  | 'rps'
  | 'failuresPerS'
  | 'users'
  | 'latencyMs'
  | 'elapsed'
  | 'elapsedHours'
  | 'percentilesPerEndpoint'
  | 'throughputOverTime'
  | 'latencyOverTime'
  | 'usersOverTime'
  | 'history'
  | 'historyEndpoint'
  | 'historyOnlyAggregated'
  | 'noHistory'
  | 'noStats'
  | 'failuresByError'
  | 'noFailures'
  | 'error'
  | 'occurrences'
  | 'exceptions'
  | 'noExceptions'
  | 'count'
  | 'message'
  | 'nodes'
  | 'notes'
  | 'errors'
  | 'live'
  | 'liveRun'
  | 'files'
  | 'compareTitle'
  | 'deltaTable'
  | 'reference'
  | 'delta'
  | 'regression'
  | 'improvement'
  | 'added'
  | 'removed'
  | 'absent'
  | 'thresholdNote'
  | 'regressionsFound'
  | 'noRegressions'
  | 'overlayTitle'
  | 'p95PerEndpoint'
  | 'trendTitle'
  | 'trendLatency'
  | 'trendThroughput'
  | 'trendFailureRate'
  | 'trendTable'
  | 'version'
  | 'source'
  | 'sourceCsv'
  | 'sourceTracker'
  | 'baseline'
  | 'trendCounts'
  | 'noTrend'
  | 'chartLabel'
  | 'sortHint'
  | 'progressTitle'
  | 'burnUp'
  | 'done'
  | 'total'
  | 'date'
  | 'commit'
  | 'subject'
  | 'overall'
  | 'weekN'
  | 'claimed'
  | 'claimsTitle'
  | 'show'
  | 'range'
  | 'thisWeek'
  | 'sinceDate'
  | 'betweenCommits'
  | 'from'
  | 'to'
  | 'apply'
  | 'ticked'
  | 'unticked'
  | 'tasksAdded'
  | 'tasksRemoved'
  | 'noChanges'
  | 'taskAt'
  | 'shallowNote'
  | 'skippedTitle'
  | 'pointsTable'
  | 'noPoints'
  | 'exportReport'
  | 'threshold'
  | 'reportFooter';

export type Strings = Record<StringKey, string>;

export type HostMessage =
  | { type: 'render'; target: ChartTarget; title: string; strings: Strings; data: ViewData }
  /** The data could not be produced (run gone, all files unreadable); `message` says what and what to do. */
  | { type: 'failed'; target: ChartTarget; title: string; strings: Strings; message: string };

export type WebviewMessage =
  | { type: 'ready' }
  /** A chart as PNG (canvas.toDataURL) for the host to save through a dialog. */
  | { type: 'exportPng'; dataUrl: string; fileName: string }
  /** Open the chart of one run (clicked in the trend or compare view). */
  | { type: 'openRun'; runId: string }
  /** Progress panel: another range, or a task of the range's lists clicked. */
  | ProgressMessage
  /** Save what the panel shows as one self-contained HTML report (the host has the data; nothing is sent). */
  | { type: 'exportReport' };

/** A report: the views of one or more panels, rendered offline by webview/report.ts from data inline in the file. */
export interface ReportData {
  title: string;
  /** ISO time the report was made. */
  generated: string;
  strings: Strings;
  sections: Array<{ title: string; data: ViewData }>;
}

export interface SortState {
  column: string;
  descending: boolean;
}

/** Persisted with acquireVsCodeApi().setState: enough to ask for the data again and restore the view. */
export interface WebviewState {
  target: ChartTarget;
  /** Sort per table id. */
  sort?: Record<string, SortState>;
  /** Endpoint picked for the history charts. */
  historyEndpoint?: string;
  /** Progress panel: the week the burn-up shows (absent: overall). */
  progressWeek?: number;
  /** Progress panel: the range whose changes are listed. */
  progressRange?: HistoryRange;
}

