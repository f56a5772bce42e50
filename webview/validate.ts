// The webview's checks on messages from the host: structure and types of what the views read. The views insert
// text with textContent only, so these checks are about not crashing on a malformed message. Pure.
import type { HistoryRange } from '../src/shared/progressProtocol';
import type { ChartKind, ChartTarget, HostMessage, SortState, Strings, WebviewState } from '../src/shared/protocol';

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isArrayOf = (v: unknown, item: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(item);
const isNumOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

/** The shape of each kind's target; a Record, so a new chart kind is checked or does not compile. */
const TARGET_SHAPES: Record<ChartKind, (v: Rec) => boolean> = {
  run: (v) => isString(v.runId),
  compare: (v) => isStringArray(v.runIds) && v.runIds.length >= 2,
  trend: () => true,
  progress: (v) => isString(v.file),
};

const isKind = (v: unknown): v is ChartKind => typeof v === 'string' && Object.prototype.hasOwnProperty.call(TARGET_SHAPES, v);

function isTarget(v: unknown): v is ChartTarget {
  return isRecord(v) && isKind(v.kind) && TARGET_SHAPES[v.kind](v);
}

const isCountsRec = (v: unknown): boolean => isRecord(v) && typeof v.done === 'number' && typeof v.total === 'number';
const isProgressPoint = (v: unknown) => isCountsRec(v) && isRecord(v) && isString(v.commit) && isString(v.date) && isString(v.subject) && isArrayOf(v.weeks, (w) => isCountsRec(w) && isRecord(w) && typeof w.number === 'number');
const isProgressTask = (v: unknown) => isRecord(v) && isString(v.kind) && isString(v.text) && typeof v.line === 'number' && (v.week === null || typeof v.week === 'number');

export function isRange(v: unknown): v is HistoryRange {
  if (!isRecord(v)) return false;
  if (v.kind === 'thisWeek') return true;
  if (v.kind === 'since') return isString(v.date);
  return v.kind === 'between' && isString(v.from) && isString(v.to);
}

function isProgressData(v: Rec): boolean {
  return isString(v.file) && isArrayOf(v.points, isProgressPoint) && isArrayOf(v.weeks, (w) => isRecord(w) && typeof w.number === 'number' && isString(w.title)) &&
    isArrayOf(v.claims, (c) => isCountsRec(c) && isRecord(c) && typeof c.week === 'number' && isString(c.commit) && isString(c.date)) && isRange(v.range) && isString(v.rangeLabel) &&
    (v.changes === null || isArrayOf(v.changes, isProgressTask)) && (v.rangeError === null || isString(v.rangeError)) && typeof v.shallow === 'boolean' && isStringArray(v.skipped);
}

const isStrings = (v: unknown): v is Strings => isRecord(v) && Object.values(v).every(isString);

function isEndpointRow(v: unknown): boolean {
  return isRecord(v) && isString(v.name) && isString(v.type) && typeof v.requests === 'number' && typeof v.failures === 'number' && isRecord(v.percentiles);
}

function isStats(v: unknown): boolean {
  return v === null || (isRecord(v) && isArrayOf(v.endpoints, isEndpointRow) && (v.aggregated === null || isEndpointRow(v.aggregated)));
}

function isSeries(v: unknown): boolean {
  if (!isRecord(v) || !Array.isArray(v.t)) return false;
  const length = v.t.length;
  return Object.values(v).every((column) => Array.isArray(column) && column.length === length && column.every(isNumOrNull));
}

function isHistory(v: unknown): boolean {
  return v === null || (isRecord(v) && isRecord(v.series) && Object.values(v.series).every(isSeries) && isStringArray(v.endpoints) && isNumOrNull(v.startS));
}

const isFailure = (v: unknown) => isRecord(v) && isString(v.error) && isString(v.name) && isString(v.method) && typeof v.occurrences === 'number';
const isException = (v: unknown) => isRecord(v) && isString(v.message) && isString(v.traceback) && typeof v.count === 'number' && isStringArray(v.nodes);
const isRunInfo = (v: unknown): v is Rec => isRecord(v) && isString(v.id) && isString(v.label) && isStringArray(v.files) && typeof v.live === 'boolean' && (v.liveText === undefined || isString(v.liveText));

function isComparison(v: unknown): boolean {
  if (!isRecord(v) || !isArrayOf(v.runs, (r) => isRecord(r) && isString(r.id) && isString(r.label)) || typeof v.thresholdPercent !== 'number') return false;
  const isEndpoint = (e: unknown) => isRecord(e) && isString(e.name) && isString(e.type) && Array.isArray(e.values) && Array.isArray(e.deltas) && isStringArray(e.presence);
  return isArrayOf(v.endpoints, isEndpoint) && (v.aggregated === null || isEndpoint(v.aggregated)) && isStringArray(v.added) && isStringArray(v.removed);
}

const isTrendPoint = (v: unknown) =>
  isRecord(v) && isString(v.id) && isString(v.category) && (v.source === 'csv' || v.source === 'tracker') && isString(v.detail) &&
  ['requests', 'failureRate', 'p95Ms', 'p99Ms', 'rps'].every((k) => isNumOrNull(v[k])) && typeof v.baseline === 'boolean';

const isThreshold = (v: unknown) => isRecord(v) && (v.metric === 'p95' || v.metric === 'rps') && (v.endpoint === null || isString(v.endpoint)) && typeof v.value === 'number' && Number.isFinite(v.value) && isString(v.label);

/** The shape of each kind's view data (a Record for the same reason as TARGET_SHAPES). */
const DATA_SHAPES: Record<ChartKind, (v: Rec) => boolean> = {
  run: (v) => isRunInfo(v.run) && isStats(v.stats) && isHistory(v.history) && isArrayOf(v.failures, isFailure) && isArrayOf(v.exceptions, isException) && isStringArray(v.notes),
  compare: (v) => isArrayOf(v.runs, (r) => isRunInfo(r) && (r.history === null || isSeries(r.history)) && isNumOrNull(r.startS)) && isComparison(v.comparison) && isArrayOf(v.thresholds, isThreshold) && isStringArray(v.notes),
  trend: (v) =>
    isRecord(v.trend) && isStringArray(v.trend.categories) && isArrayOf(v.trend.points, isTrendPoint) && (v.trend.baselineCategory === null || isString(v.trend.baselineCategory)) && typeof v.csvRuns === 'number' && typeof v.trackerRuns === 'number',
  progress: (v) => isProgressData(v),
};

function isData(v: unknown): boolean {
  return isRecord(v) && isStringArray(v.errors) && isKind(v.kind) && DATA_SHAPES[v.kind](v);
}

/** The message when it is well-formed, else undefined (the webview ignores it). */
export function parseHostMessage(v: unknown): HostMessage | undefined {
  if (!isRecord(v) || !isTarget(v.target) || !isString(v.title) || !isStrings(v.strings)) return undefined;
  if (v.type === 'render' && isData(v.data)) return v as unknown as HostMessage;
  if (v.type === 'failed' && isString(v.message)) return v as unknown as HostMessage;
  return undefined;
}

const isSort = (v: unknown): v is SortState => isRecord(v) && isString(v.column) && typeof v.descending === 'boolean';

/** The persisted state, cleaned: a bad part is dropped rather than the whole state. */
export function parseState(v: unknown): WebviewState | undefined {
  if (!isRecord(v) || !isTarget(v.target)) return undefined;
  const state: WebviewState = { target: v.target };
  if (isRecord(v.sort)) {
    const sort: Record<string, SortState> = {};
    for (const [table, value] of Object.entries(v.sort)) if (isSort(value)) sort[table] = { column: value.column, descending: value.descending };
    state.sort = sort;
  }
  if (isString(v.historyEndpoint)) state.historyEndpoint = v.historyEndpoint;
  if (typeof v.progressWeek === 'number' && Number.isInteger(v.progressWeek)) state.progressWeek = v.progressWeek;
  if (isRange(v.progressRange)) state.progressRange = v.progressRange;
  return state;
}
