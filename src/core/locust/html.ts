// The --html report, read when a run has no CSV (or to get the final numbers the CSVs lag behind).
// Two generations (shared/docs/locust-formats.md §2): legacy tables plus `var stats_history = {...}` (1.4.2-2.27)
// and `window.templateArgs = {...JSON...}` (2.18+). Only what the extension shows is read.
import * as l10n from '@vscode/l10n';
import { splitNodes } from './failures';
import { LocustReadError } from './errors';
import type { EndpointStats, ExceptionRow, FailureRow, LocustHtmlReport, LocustStats } from './model';
import { isTotalRow } from './stats';

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<meta|<!--)/i.test(text.slice(0, 1024).replace(/^\ufeff/, ''));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

const cellText = (html: string) => unescapeHtml(html.replace(/<[^>]*>/g, '')).trim();

/** Header cells and body rows of the first table after the given <h2> heading. */
function tableAfter(html: string, heading: string): { head: string[]; rows: string[][] } | null {
  const at = html.search(new RegExp(`<h2>\\s*${heading}\\s*</h2>`, 'i'));
  if (at === -1) return null;
  const end = html.indexOf('</table>', at);
  if (end === -1) return null;
  const table = html.slice(at, end);
  const head = [...table.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/gi)].map((m) => cellText(m[1]));
  const body = table.slice(table.search(/<tbody/i));
  const rows = [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) => [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/gi)].map((m) => unescapeHtml(m[1].replace(/<[^>]*>/g, ''))));
  return { head, rows };
}

const num = (text: string | undefined): number | null => {
  if (text === undefined) return null;
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
};

function legacyStats(html: string, file: string): LocustStats {
  const requests = tableAfter(html, 'Request Statistics');
  if (!requests || requests.rows.length === 0) throw new LocustReadError(file, l10n.t('HTML report has no Request Statistics table'));
  const times = tableAfter(html, 'Response Time Statistics');
  const col = (head: string[], pattern: RegExp) => head.findIndex((h) => pattern.test(h));
  const h = requests.head;
  const [method, name, count, fails, avg, min, max, size, rps, fps, median] = [/^Method|Type$/, /^Name$/, /# Requests/i, /# Fails/i, /^Average \(ms\)/, /^Min/, /^Max/, /size/i, /^RPS/, /Failures\/s/, /^Median/].map((p) => col(h, p));
  const percentilesByKey = new Map<string, Record<string, number | null>>();
  if (times) {
    const labels = times.head.map((cell) => /^(\d+(?:\.\d+)?)%ile/.exec(cell)?.[1] ?? null);
    for (const row of times.rows) {
      const percentiles: Record<string, number | null> = {};
      labels.forEach((label, i) => {
        if (label) percentiles[label] = num(row[i]);
      });
      percentilesByKey.set(`${row[0].trim()} ${row[1].trim()}`, percentiles);
    }
  }
  const endpoints: EndpointStats[] = [];
  let aggregated: EndpointStats | null = null;
  for (const row of requests.rows) {
    const type = (row[method] ?? '').trim();
    const entryName = (row[name] ?? '').trim();
    const percentiles = percentilesByKey.get(`${type} ${entryName}`) ?? {};
    const entry: EndpointStats = {
      type,
      name: entryName,
      requests: num(row[count]) ?? 0,
      failures: num(row[fails]) ?? 0,
      medianMs: median >= 0 ? num(row[median]) : (percentiles['50'] ?? null),
      avgMs: num(row[avg]),
      minMs: num(row[min]),
      maxMs: num(row[max]),
      rps: num(row[rps]),
      failuresPerS: num(row[fps]),
      avgContentSize: num(row[size]),
      percentiles,
    };
    if (isTotalRow(type, entryName)) aggregated = entry;
    else endpoints.push(entry);
  }
  return { file, kind: 'stats', era: 'html-legacy', endpoints, aggregated, percentileLabels: labelsOf(endpoints, aggregated), notes: [] };
}

/** `"key": [ ... ]` from the legacy report's stats_history literal; each value is Jinja tojson output. */
function legacyHistory(html: string): LocustHtmlReport['history'] {
  const block = /var stats_history = \{([\s\S]*?)\n\s*\};/.exec(html)?.[1];
  if (!block) return [];
  const array = (key: string): unknown[] => {
    const match = new RegExp(`"${key}":\\s*(\\[.*?\\])(?:\\.map|,\\s*$)`, 'm').exec(block);
    if (!match) return [];
    try {
      return JSON.parse(match[1]) as unknown[];
    } catch {
      return [];
    }
  };
  const value = (entry: unknown) => (entry && typeof entry === 'object' && typeof (entry as { value?: unknown }).value === 'number' ? (entry as { value: number }).value : null);
  const time = array('time');
  const [users, rps, fps, p50, p95] = ['user_count', 'current_rps', 'current_fail_per_sec', 'response_time_percentile_50', 'response_time_percentile_95'].map(array);
  return time.map((t, i) => ({ time: String(t), users: value(users[i]), rps: value(rps[i]), failuresPerS: value(fps[i]), p50: value(p50[i]), p95: value(p95[i]) }));
}

function legacyReport(html: string, file: string): LocustHtmlReport {
  const failuresTable = tableAfter(html, 'Failures Statistics');
  const exceptionsTable = tableAfter(html, 'Exceptions Statistics');
  const failures: FailureRow[] = (failuresTable?.rows ?? []).map((row) => ({ method: row[0]?.trim() ?? '', name: row[1]?.trim() ?? '', error: row[2]?.trim() ?? '', occurrences: num(row[3]) ?? 0, firstSeen: null, lastSeen: null }));
  const exceptions: ExceptionRow[] = (exceptionsTable?.rows ?? []).map((row) => ({ count: num(row[0]) ?? 0, message: row[1]?.trim() ?? '', traceback: row[2] ?? '', nodes: splitNodes(row[3] ?? '') }));
  const during = /During:\s*<span[^>]*>([^<]*)<\/span>\s*-\s*<span[^>]*>([^<]*)<\/span>/.exec(html);
  return {
    file,
    kind: 'html',
    era: 'html-legacy',
    stats: legacyStats(html, file),
    failures,
    exceptions,
    startTime: during?.[1] ?? null,
    endTime: during?.[2] ?? null,
    history: legacyHistory(html),
    notes: [],
  };
}

type Json = Record<string, unknown>;
const field = (entry: Json, key: string): number | null => (typeof entry[key] === 'number' ? (entry[key] as number) : null);
const text = (entry: Json, key: string): string => (typeof entry[key] === 'string' ? (entry[key] as string) : '');

function modernReport(args: Json, file: string): LocustHtmlReport {
  const list = (key: string): Json[] => (Array.isArray(args[key]) ? (args[key] as unknown[]).filter((e): e is Json => !!e && typeof e === 'object') : []);
  const percentiles = new Map<string, Record<string, number | null>>();
  for (const entry of list('response_time_statistics')) {
    const values: Record<string, number | null> = {};
    for (const [key, value] of Object.entries(entry)) if (/^[01](\.\d+)?$/.test(key)) values[String(Math.round(Number(key) * 1e6) / 1e4)] = typeof value === 'number' ? value : null;
    percentiles.set(`${text(entry, 'method')} ${text(entry, 'name')}`, values);
  }
  const endpoints: EndpointStats[] = [];
  let aggregated: EndpointStats | null = null;
  for (const entry of list('requests_statistics')) {
    const type = text(entry, 'method');
    const name = text(entry, 'name');
    const fallback: Record<string, number | null> = {};
    for (const key of ['0.95', '0.99']) if (`response_time_percentile_${key}` in entry) fallback[String(Number(key) * 100)] = field(entry, `response_time_percentile_${key}`);
    const row: EndpointStats = {
      type,
      name,
      requests: field(entry, 'num_requests') ?? 0,
      failures: field(entry, 'num_failures') ?? 0,
      medianMs: field(entry, 'median_response_time'),
      avgMs: field(entry, 'avg_response_time'),
      minMs: field(entry, 'min_response_time'),
      maxMs: field(entry, 'max_response_time'),
      rps: field(entry, 'total_rps'),
      failuresPerS: field(entry, 'total_fail_per_sec'),
      avgContentSize: field(entry, 'avg_content_length'),
      percentiles: { ...fallback, ...percentiles.get(`${type} ${name}`) },
    };
    if (isTotalRow(type, name)) aggregated = row;
    else endpoints.push(row);
  }
  if (!endpoints.length && !aggregated) throw new LocustReadError(file, l10n.t('HTML report has no requests_statistics'));
  // 2.31.3+ stores each history value as [iso time, value]; before, plain numbers next to a "time" key.
  const pick = (entry: Json, key: string): number | null => {
    const value = entry[key];
    if (Array.isArray(value)) return typeof value[1] === 'number' ? value[1] : null;
    return typeof value === 'number' ? value : null;
  };
  const history = list('history').map((entry) => {
    const rps = entry.current_rps;
    return {
      time: Array.isArray(rps) ? String(rps[0]) : text(entry, 'time'),
      users: pick(entry, 'user_count'),
      rps: pick(entry, 'current_rps'),
      failuresPerS: pick(entry, 'current_fail_per_sec'),
      p50: pick(entry, 'response_time_percentile_0.5'),
      p95: pick(entry, 'response_time_percentile_0.95'),
    };
  });
  return {
    file,
    kind: 'html',
    era: 'html-modern',
    stats: { file, kind: 'stats', era: 'html-modern', endpoints, aggregated, percentileLabels: labelsOf(endpoints, aggregated), notes: [] },
    failures: list('failures_statistics').map((e) => ({ method: text(e, 'method'), name: text(e, 'name'), error: text(e, 'error'), occurrences: field(e, 'occurrences') ?? 0, firstSeen: seen(e.first_seen), lastSeen: seen(e.last_seen) })),
    exceptions: list('exceptions_statistics').map((e) => ({ count: field(e, 'count') ?? 0, message: text(e, 'msg'), traceback: text(e, 'traceback'), nodes: splitNodes(text(e, 'nodes')) })),
    startTime: text(args, 'start_time') || null,
    endTime: text(args, 'end_time') || null,
    history,
    notes: [],
  };
}

function labelsOf(endpoints: EndpointStats[], aggregated: EndpointStats | null): string[] {
  const labels = new Set([...endpoints, ...(aggregated ? [aggregated] : [])].flatMap((e) => Object.keys(e.percentiles)));
  return [...labels].sort((a, b) => Number(a) - Number(b));
}

function seen(value: unknown): string | null {
  if (typeof value === 'number') return new Date(value * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return typeof value === 'string' && value ? value : null;
}

export function readHtmlReport(html: string, file: string): LocustHtmlReport {
  const marker = html.indexOf('window.templateArgs = ');
  if (marker !== -1) {
    const start = marker + 'window.templateArgs = '.length;
    const lineEnd = html.indexOf('\n', start);
    const json = html.slice(start, lineEnd === -1 ? undefined : lineEnd).trim().replace(/;$/, '');
    let args: unknown;
    try {
      args = JSON.parse(json);
    } catch {
      throw new LocustReadError(file, l10n.t('HTML report has a window.templateArgs that is not valid JSON (file truncated?)'), html.slice(0, marker).split('\n').length);
    }
    if (!args || typeof args !== 'object') throw new LocustReadError(file, l10n.t('HTML report has an empty window.templateArgs'));
    return modernReport(args as Json, file);
  }
  if (/<h1>\s*Locust Test Report\s*<\/h1>/i.test(html) || /<h2>\s*Request Statistics\s*<\/h2>/i.test(html)) return legacyReport(html, file);
  throw new LocustReadError(file, l10n.t('HTML file is not a Locust --html report (neither window.templateArgs nor a Request Statistics table)'));
}
