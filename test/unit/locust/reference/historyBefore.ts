// The history reader as it was before the byte-level rewrite (issue 14), kept only as the reference of the
// differential test (historyDifferential.test.ts): the new reader must give the same result and the same errors.
// _stats_history.csv, read as a stream of chunks in bounded memory: a summary plus a downsampled series per
// endpoint. A 24-hour soak with full history is millions of rows, so this avoids a CSV library on the hot path:
// lines without a quote (every 1.2+ row except names with commas or quotes) are split by scanning for commas and
// numbers are read from character codes; quoted lines go through splitCsvLine. Measured in scripts/bench.
import * as l10n from '@vscode/l10n';
import type { HeaderMap } from '../../../../src/core/locust/columns';
import { classifyHeader, describeUnknownHeader, mapHeader, requireColumns } from '../../../../src/core/locust/columns';
import { splitCsvLine } from '../../../../src/core/locust/csvLine';
import { detectEncoding, encodingNote, looksBinary, type TextEncodingName } from '../../../../src/core/locust/decode';
import { MinMaxBuckets } from '../../../../src/core/locust/downsample';
import { LocustReadError } from '../../../../src/core/locust/errors';
import type { HistorySeries, LocustEra, LocustHistory } from '../../../../src/core/locust/model';

export interface HistoryOptions {
  /** Upper bound of points per series after downsampling (default 3000). */
  maxPoints?: number;
  /**
   * A run still being written can end in a half-written line. 'skip' drops it with a note (live views);
   * 'error' (default) reports it, as for any truncated file.
   */
  partialLastRow?: 'error' | 'skip';
}

export const DEFAULT_MAX_POINTS = 3000;
const AGGREGATED = 'Aggregated';
// Fixed series slots; percentile slots follow.
const USERS = 0;
const RPS = 1;
const FAILURES_PER_S = 2;
const REQUESTS = 3;
const FAILURES = 4;
const AVG_MS = 5;
const FIXED_SERIES = ['users', 'rps', 'failuresPerS', 'requests', 'failures', 'avgMs'] as const;

// Column roles in a row.
const SKIP = -1;
const ROLE_TIMESTAMP = -2;
const ROLE_TYPE = -3;
const ROLE_NAME = -4;

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Marks a cell that is not a number (NaN already means N/A or empty). */
const INVALID = Number.POSITIVE_INFINITY;

function slowNumber(text: string): number {
  if (text.length === 0) return Number.NaN;
  const value = Number(text);
  if (value === value) return Number.isFinite(value) && text.trim() !== '' ? value : INVALID;
  const trimmed = text.trim();
  return trimmed === '' || trimmed === 'N/A' || /^-?(inf|nan)$/i.test(trimmed) ? Number.NaN : INVALID;
}

/**
 * Number from line[start, end) without allocating. Up to 15 significant digits it is exact (mantissa and 10^k
 * are exact doubles, so one division rounds correctly); beyond that (Python's repr floats such as
 * 4.141918820513031) the extra digits are dropped: an error below 1e-14 relative, invisible on a chart, and it
 * keeps the 17-digit "Total Average Response Time" column off the slow path.
 */
function numberAt(line: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (line.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dropped = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits < 15) {
        mantissa = mantissa * 10 + (c - 48);
        if (mantissa !== 0) digits++;
        if (dot) scale++;
      } else if (!dot) dropped++;
    } else if (c === 46 && !dot) dot = true;
    else return slowNumber(line.slice(start, end));
  }
  if (i === start || (i === start + 1 && (negative || dot))) return slowNumber(line.slice(start, end));
  let value = scale ? mantissa / POW10[scale] : mantissa;
  if (dropped) value *= POW10[Math.min(dropped, 22)];
  return negative ? -value : value;
}

interface EndpointAccumulator {
  /** Name and type as the file spells them (latin1, unquoted): what rows are matched against. */
  raw: string;
  rawType: string;
  name: string;
  type: string;
  total: boolean;
  index: number;
  buckets: MinMaxBuckets;
}

export interface HistoryReader {
  push(chunk: Uint8Array | string): void;
  finish(): LocustHistory;
}

export function createHistoryReader(file: string, options: HistoryOptions = {}): HistoryReader {
  const maxPoints = Math.max(4, options.maxPoints ?? DEFAULT_MAX_POINTS);
  let encoding: TextEncodingName | null = null;
  let decoder: TextDecoder | null = null;
  let pending = '';
  let lineNumber = 0;
  let header: HeaderMap | null = null;
  let era: LocustEra = '1.2+';
  let roles: Int32Array = new Int32Array(0);
  let seriesCount = FIXED_SERIES.length;
  let values = new Float64Array(seriesCount);
  let quotedRecord = '';
  let quotedStart = 0;
  // Keyed by raw type + NUL + raw name. Full-history rows come in the same endpoint order every tick, so the
  // next row is first compared in place with the expected endpoint: no string is cut for most rows.
  const byKey = new Map<string, EndpointAccumulator>();
  const names = new Set<string>();
  const order: EndpointAccumulator[] = [];
  let expected = 0;
  let rows = 0;
  // Issue 14's parallel reader: every endpoint's buckets start at the file's first row (was: the endpoint's own).
  let origin = Number.NaN;
  let points = 0;
  let startS = Number.POSITIVE_INFINITY;
  let endS = Number.NEGATIVE_INFINITY;
  let peakUsers = Number.NaN;
  let finalRequests = Number.NaN;
  let finalFailures = Number.NaN;
  let endpointRows = 0;
  let skippedLastRow = false;

  const fail = (problem: string, line = lineNumber): never => {
    throw new LocustReadError(file, problem, line);
  };

  // Latin-1 maps bytes 1:1 to UTF-16 code units, so chunk borders never split a character and ASCII (all of
  // Locust's own output) costs nothing; only names with bytes >= 0x80 are decoded properly, once per name.
  const displayName = (raw: string): string => {
    if (!/[\x80-\xff]/.test(raw)) return raw;
    decoder ??= new TextDecoder(encoding ?? 'utf-8');
    return decoder.decode(Uint8Array.from(raw, (c) => c.charCodeAt(0)));
  };

  function readHeader(line: string): void {
    const cells = splitCsvLine(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line.replace(/^\xef\xbb\xbf/, ''));
    if (!cells) fail(l10n.t('the header row has an unclosed quote'));
    const map = mapHeader(cells!);
    const kind = classifyHeader(map);
    if (kind !== 'history') fail(kind ? `is a Locust ${kind} file, not a _stats_history.csv` : describeUnknownHeader(map.cells));
    requireColumns(map, ['timestamp', 'name'], file);
    header = map;
    era = map.cells.includes('# requests') ? '0.13.3-0.14' : /^(\xef\xbb\xbf)?"/.test(line) ? '1.0-1.1' : '1.2+';
    seriesCount = FIXED_SERIES.length + map.percentiles.length;
    values = new Float64Array(seriesCount);
    roles = new Int32Array(map.cells.length).fill(SKIP);
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
  }

  function accumulatorFor(rawName: string, rawType: string): EndpointAccumulator {
    const key = `${rawType}\0${rawName}`;
    let acc = byKey.get(key);
    if (acc) return acc;
    const total = rawName === AGGREGATED && (rawType === '' || rawType === 'None');
    const type = total || rawType === 'None' ? '' : displayName(rawType);
    let name = total ? AGGREGATED : displayName(rawName);
    // The same name under two request types (GET and POST /x) are two series; the later one says its type.
    if (names.has(name)) name = `${type} ${name}`;
    names.add(name);
    acc = { raw: rawName, rawType, name, type, total, index: order.length, buckets: new MinMaxBuckets(seriesCount, Math.floor(maxPoints / 2), origin) };
    byKey.set(key, acc);
    order.push(acc);
    return acc;
  }

  function record(t: number, acc: EndpointAccumulator): void {
    if (t !== t || t === INVALID) fail(l10n.t('the Timestamp cell is not a number'));
    for (let s = 0; s < seriesCount; s++) if (values[s] === INVALID) fail(l10n.t('column "{0}" holds a value that is not a number', header!.cells[roles.indexOf(s)]));
    rows++;
    if (origin !== origin) origin = t;
    if (t < startS) startS = t;
    if (t > endS) endS = t;
    if (acc.total) {
      points++;
      const users = values[USERS];
      if (users === users && !(users <= peakUsers)) peakUsers = users;
      if (values[REQUESTS] === values[REQUESTS]) finalRequests = values[REQUESTS];
      if (values[FAILURES] === values[FAILURES]) finalFailures = values[FAILURES];
    } else endpointRows++;
    acc.buckets.add(t, values);
    expected = acc.index + 1 === order.length ? 0 : acc.index + 1;
  }

  function readFields(cells: string[]): void {
    if (cells.length !== roles.length) fail(l10n.t('row has {0} fields but the header has {1} (truncated row?)', cells.length, roles.length), quotedStart || lineNumber);
    values.fill(Number.NaN);
    let t = Number.NaN;
    let type = '';
    let name = '';
    for (let c = 0; c < cells.length; c++) {
      const role = roles[c];
      if (role >= 0) values[role] = slowNumber(cells[c]);
      else if (role === ROLE_TIMESTAMP) t = slowNumber(cells[c]);
      else if (role === ROLE_TYPE) type = cells[c];
      else if (role === ROLE_NAME) name = cells[c];
    }
    record(t, accumulatorFor(name, type));
  }

  /**
   * One line as text[lineStart, lineEnd): fields found by scanning commas, numbers read in place, nothing
   * allocated for most rows. Quoted fields on the line (names with commas, 1.0-1.1's quote-everything rows) are
   * handled here too; returns false only when a quoted field runs past the line end (an embedded newline).
   */
  function readFastLine(text: string, lineStart: number, lineEnd: number): boolean {
    values.fill(Number.NaN);
    let t = Number.NaN;
    let nameStart = lineStart;
    let nameEnd = lineStart;
    let nameQuoted = false;
    let typeStart = lineStart;
    let typeEnd = lineStart;
    let start = lineStart;
    const columns = roles.length;
    for (let column = 0; column < columns; column++) {
      let from = start;
      let to: number;
      let quoted = false;
      if (text.charCodeAt(start) === 34 /* " */) {
        // Closing quote: the first '"' not doubled.
        let close = text.indexOf('"', start + 1);
        while (close !== -1 && close < lineEnd && text.charCodeAt(close + 1) === 34) close = text.indexOf('"', close + 2);
        if (close === -1 || close >= lineEnd) return false;
        quoted = true;
        from = start + 1;
        to = close;
        start = close; // the comma search continues after the closing quote
      }
      let end = text.indexOf(',', start);
      if (end === -1 || end > lineEnd) {
        if (column !== columns - 1) fail(l10n.t('row has {0} fields but the header has {1} (truncated row?)', column + 1, columns));
        end = lineEnd;
      } else if (column === columns - 1) fail(l10n.t('row has more fields than the header\'s {0} (unquoted comma in a name?)', columns));
      if (!quoted) to = end;
      const role = roles[column];
      if (role >= 0) values[role] = numberAt(text, from, to!);
      else if (role === ROLE_TIMESTAMP) t = numberAt(text, from, to!);
      else if (role === ROLE_NAME) {
        nameStart = from;
        nameEnd = to!;
        nameQuoted = quoted;
      } else if (role === ROLE_TYPE) {
        typeStart = from;
        typeEnd = to!;
      }
      start = end + 1;
    }
    const guess = order[expected];
    const matches =
      !nameQuoted &&
      guess !== undefined &&
      nameEnd - nameStart === guess.raw.length &&
      typeEnd - typeStart === guess.rawType.length &&
      text.startsWith(guess.raw, nameStart) &&
      text.startsWith(guess.rawType, typeStart);
    if (matches) record(t, guess);
    else {
      const name = text.slice(nameStart, nameEnd);
      record(t, accumulatorFor(nameQuoted ? name.replace(/""/g, '"') : name, text.slice(typeStart, typeEnd)));
    }
    return true;
  }

  /** The header, and records with a quoted field spanning lines (a name or value with an embedded newline). */
  function readSlowLine(line: string): void {
    if (quotedRecord) {
      const joined = `${quotedRecord}\n${line}`;
      const cells = splitCsvLine(joined);
      if (cells) {
        quotedRecord = '';
        readFields(cells);
        quotedStart = 0;
      } else quotedRecord = joined;
      return;
    }
    if (line.length === 0) return;
    if (!header) return readHeader(line);
    const cells = splitCsvLine(line);
    if (cells) return readFields(cells);
    // A quoted name with an embedded newline: the record continues on the next line.
    quotedRecord = line;
    quotedStart = lineNumber;
  }

  function consume(text: string, final: boolean): void {
    let start = 0;
    for (;;) {
      let newline = text.indexOf('\n', start);
      if (newline === -1) {
        if (!final) break;
        newline = text.length;
        if (newline === start) break;
      }
      let end = newline;
      while (end > start && text.charCodeAt(end - 1) === 13) end--; // \r\n, and Windows' \r\r\n
      lineNumber++;
      if (quotedRecord || !header) readSlowLine(text.slice(start, end));
      else if (end > start && !readFastLine(text, start, end)) readSlowLine(text.slice(start, end));
      start = newline + 1;
      if (start >= text.length) break;
    }
    pending = start >= text.length ? '' : text.slice(start);
  }

  return {
    push(chunk) {
      if (typeof chunk === 'string') {
        encoding ??= 'utf-8';
        // Strings are already decoded: re-encode non-ASCII so the latin1 path and displayName agree.
        chunk = Buffer.from(chunk, 'utf8');
      }
      if (chunk.length === 0) return;
      if (encoding === null) {
        if (looksBinary(chunk)) fail(l10n.t('looks binary (contains NUL bytes), expected a Locust CSV'), 0);
        encoding = detectEncoding(chunk);
      }
      consume(pending + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'), false);
    },
    finish() {
      if (pending) {
        const last = pending;
        pending = '';
        try {
          consume(last, true);
        } catch (error) {
          if (!(error instanceof LocustReadError) || options.partialLastRow !== 'skip' || !header) throw error;
          skippedLastRow = true;
        }
      }
      if (quotedRecord) fail(l10n.t('a quoted field is never closed (file truncated?)'), quotedStart);
      if (encoding === null) throw new LocustReadError(file, l10n.t('file is empty, expected a Locust _stats_history.csv'));
      if (!header) throw new LocustReadError(file, l10n.t('has no header row'));
      if (rows === 0) throw new LocustReadError(file, l10n.t('has a header but no rows (truncated, or Locust stopped before its first write)'));
      return summarize();
    },
  };

  function summarize(): LocustHistory {
    const map = header!;
    const labels = map.percentiles.map((p) => p.label);
    const keys: string[] = [...FIXED_SERIES, ...labels.map((label) => `p${label}`)];
    const series: Record<string, HistorySeries> = {};
    for (const acc of order) {
      const { t, values: columns } = acc.buckets.finish();
      const entry: Record<string, unknown> = { t };
      keys.forEach((key, s) => (entry[key] = columns[s]));
      series[acc.name] = entry as unknown as HistorySeries;
    }
    const endpoints = order.filter((acc) => !acc.total).map((acc) => acc.name);
    const durationS = Number.isFinite(startS) ? endS - startS : 0;
    const notes: string[] = [...encodingNote(encoding!)];
    if (endpointRows === 0) notes.push(l10n.t('Only Aggregated rows: the run did not use --csv-full-history, so there are no per-endpoint series.'));
    if (era === '1.2+' || era === '1.0-1.1') {
      notes.push(l10n.t('Locust 1.2-2.46.2 buffers this file and never flushes it at exit: the last 5-10 s of the run are usually missing (fixed in 2.46.3).'));
    }
    if (skippedLastRow) notes.push(l10n.t('The last line ({0}) was incomplete (file still being written?) and was skipped.', lineNumber));
    if (points <= 1) notes.push(l10n.t('Only the first tick was written: the run was shorter than the first flush (~10 s) or was stopped before it.'));
    if (!(map.index.users !== undefined)) notes.push(l10n.t('No User Count column (Locust before 1.0): user counts are unknown.'));
    const orNull = (value: number) => (Number.isFinite(value) ? value : null);
    return {
      file,
      kind: 'history',
      era,
      points,
      rows,
      startS: orNull(startS),
      endS: orNull(endS),
      durationS,
      peakUsers: orNull(peakUsers),
      endpoints,
      fullHistory: endpointRows > 0,
      percentileLabels: labels,
      finalRequests: orNull(finalRequests),
      finalFailures: orNull(finalFailures),
      series,
      notes,
    };
  }
}

/** Whole-text convenience over the streaming reader (small files, tests). */
export function readHistoryText(text: string | Uint8Array, file: string, options?: HistoryOptions): LocustHistory {
  const reader = createHistoryReader(file, options);
  reader.push(text);
  return reader.finish();
}
