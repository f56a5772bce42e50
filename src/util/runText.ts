// Display text for Locust runs, shared by the evidence hover, the CodeLens and the Runs view: one way to write
// a latency, a rate and a change, so the same number reads the same everywhere.
import * as vscode from 'vscode';
import { delta, endpointValues, type CompareMetric, type EndpointValues } from '../core/locust/compare';
import type { LocustRun, LocustRunData } from '../core/locust';
import type { LocustReadError } from '../core/locust';
import { formatLatency } from '../core/locust/runLine';

export function formatMs(ms: number | null): string {
  return ms === null ? '–' : formatLatency(ms);
}

export function formatRps(rps: number | null): string {
  return rps === null ? '–' : rps.toFixed(1);
}

export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(1)}%`;
}

export function formatCount(value: number | null): string {
  return value === null ? '–' : value.toLocaleString('en-US');
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** The label a run is shown under: its version, or its file prefix when the name carries none. */
export function runLabel(run: LocustRun): string {
  return run.meta.version ?? run.prefix;
}

/** Aggregated numbers of a run's data, or null when it has no readable stats. */
export function runValues(data: LocustRunData | undefined): EndpointValues | null {
  const row = data?.stats?.aggregated;
  return row ? endpointValues(row) : null;
}

/** Run length: from the history, the HTML report's times, or estimated as requests / RPS (marked ≈). */
export function runDuration(data: LocustRunData): string {
  if (data.history && data.history.durationS > 0) return formatDuration(data.history.durationS);
  const start = data.html?.startTime ? Date.parse(data.html.startTime) : Number.NaN;
  const end = data.html?.endTime ? Date.parse(data.html.endTime) : Number.NaN;
  if (Number.isFinite(start) && Number.isFinite(end) && end > start) return formatDuration((end - start) / 1000);
  const row = data.stats?.aggregated;
  if (row?.rps) return `≈ ${formatDuration(row.requests / row.rps)}`;
  return '–';
}

/** Every known quirk of the run's files (cross-file notes first), without repeats. */
export function runNotes(data: LocustRunData): string[] {
  const notes = [...data.notes];
  for (const part of [data.stats, data.history, data.failures, data.exceptions, data.html]) notes.push(...(part?.notes ?? []));
  return [...new Set(notes)];
}

/** One line for users: the file's name, the line when known, and what is wrong. */
export function readErrorLine(error: LocustReadError): string {
  const name = error.file.split(/[\\/]/).pop() ?? error.file;
  return `${name}${error.line ? `:${error.line}` : ''}: ${error.problem}`;
}

export function runErrors(data: LocustRunData): string[] {
  return data.errors.map(readErrorLine);
}

const ROWS: Array<{ metric: CompareMetric; label: () => string; format: (v: number | null) => string }> = [
  { metric: 'requests', label: () => vscode.l10n.t('Requests'), format: formatCount },
  { metric: 'failureRate', label: () => vscode.l10n.t('Failures'), format: formatPercent },
  { metric: 'medianMs', label: () => 'P50', format: formatMs },
  { metric: 'p95Ms', label: () => 'P95', format: formatMs },
  { metric: 'p99Ms', label: () => 'P99', format: formatMs },
  { metric: 'rps', label: () => 'RPS', format: formatRps },
];

function change(metric: CompareMetric, reference: number | null, value: number | null, format: (v: number | null) => string): string {
  const d = delta(metric, reference, value, 10, true);
  if (!d) return '';
  if (d.abs === 0) return '±0';
  const sign = d.abs > 0 ? '+' : '−';
  // Worse by more than 10 % on a judged metric: marked, as the compare table colours it.
  const mark = d.regression && metric !== 'requests' ? ' ⚠' : '';
  // Failure rate is already a percentage: its change is in points, not percent of itself.
  if (metric === 'failureRate') return `${sign}${Math.abs(d.abs).toFixed(1)} pt${mark}`;
  const absText = format(Math.abs(d.abs));
  const pct = d.pct === null ? '' : ` (${sign}${Math.abs(d.pct).toFixed(1)}%)`;
  return `${sign}${absText}${pct}${mark}`;
}

export interface ComparedRun {
  /** Column title, e.g. "vs v38" or "vs baseline v24". */
  readonly title: string;
  /** Its numbers, or null when they could not be read. */
  readonly values: EndpointValues | null;
}

/** The compared numbers of a run summary written in a tracker (no P50 or max there). */
export function summaryValues(s: { requests: number | null; failures: number | null; failureRate: number | null; p95Ms: number | null; p99Ms: number | null; rps: number | null }): EndpointValues {
  const failureRate = s.failureRate ?? (s.failures !== null && s.requests ? (s.failures / s.requests) * 100 : null);
  return { requests: s.requests, failures: s.failures, failureRate, medianMs: null, p95Ms: s.p95Ms, p99Ms: s.p99Ms, maxMs: null, rps: s.rps };
}

/** A markdown table of a run's numbers with a change column per compared run (previous, baseline). */
export function runTable(data: LocustRunData, compared: readonly ComparedRun[]): string {
  const values = runValues(data);
  if (!values) return '';
  const others = compared;
  const header = ['', runLabel(data.run), ...others.map((o) => escapeCell(o.title))];
  const rows = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ':--' : '--:')).join('|')}|`];
  for (const { metric, label, format } of ROWS) {
    let own = format(values[metric]);
    if (metric === 'failureRate') own = `${formatCount(values.failures)} (${own})`;
    const cells = [label(), own, ...others.map((o) => (o.values ? change(metric, o.values[metric], values[metric], format) : '–'))];
    rows.push(`| ${cells.join(' | ')} |`);
  }
  rows.push(`| ${[vscode.l10n.t('Duration'), runDuration(data), ...others.map(() => '')].join(' | ')} |`);
  return rows.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
