// _stats_history.csv, read as a stream of chunks in bounded memory: a summary plus a downsampled series per
// endpoint. A 24-hour soak with full history is millions of rows, so this avoids a CSV library on the hot path:
// lines without a quote (every 1.2+ row except names with commas or quotes) are split by scanning for commas and
// numbers are read from character codes; quoted lines go through splitCsvLine. Measured in scripts/bench.
import type { HeaderMap } from './columns';
import { classifyHeader, describeUnknownHeader, mapHeader, requireColumns } from './columns';
import { splitCsvLine } from './csvLine';
import { detectEncoding, encodingNote, looksBinary, type TextEncodingName } from './decode';
import { MinMaxBuckets } from './downsample';
import { LocustReadError } from './errors';
import type { HistorySeries, LocustEra, LocustHistory } from './model';

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
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'N/A' || /^-?(inf|nan)$/i.test(trimmed)) return Number.NaN;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : INVALID;
}

/** Number from line[start, end) without allocating; exact for up to 15 digits (mantissa and 10^k are exact). */
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
  let dot = false;
  for (; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (dot) scale++;
    } else if (c === 46 && !dot) dot = true;
    else return slowNumber(line.slice(start, end));
  }
  if (digits === 0 || digits > 15) return slowNumber(line.slice(start, end));
  const value = scale ? mantissa / POW10[scale] : mantissa;
  return negative ? -value : value;
}

interface EndpointAccumulator {
  name: string;
  type: string;
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
  // Accumulators keyed by the raw (latin1) name; a second type under the same name gets "TYPE name".
  const byRawName = new Map<string, EndpointAccumulator>();
  const byTypedName = new Map<string, EndpointAccumulator>();
  const order: EndpointAccumulator[] = [];
  let rows = 0;
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
    if (!cells) fail('the header row has an unclosed quote');
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

  function accumulatorFor(rawName: string, type: string): EndpointAccumulator {
    let acc = byRawName.get(rawName);
    if (acc && acc.type === type) return acc;
    const name = displayName(rawName);
    if (!acc) {
      acc = { name, type, buckets: new MinMaxBuckets(seriesCount, Math.floor(maxPoints / 2)) };
      byRawName.set(rawName, acc);
      order.push(acc);
      return acc;
    }
    const typedName = `${type} ${name}`;
    let typed = byTypedName.get(typedName);
    if (!typed) {
      typed = { name: typedName, type, buckets: new MinMaxBuckets(seriesCount, Math.floor(maxPoints / 2)) };
      byTypedName.set(typedName, typed);
      order.push(typed);
    }
    return typed;
  }

  function record(t: number, type: string, rawName: string): void {
    if (t !== t || t === INVALID) fail('the Timestamp cell is not a number');
    for (let s = 0; s < seriesCount; s++) if (values[s] === INVALID) fail(`column "${header!.cells[roles.indexOf(s)]}" holds a value that is not a number`);
    rows++;
    if (t < startS) startS = t;
    if (t > endS) endS = t;
    const total = rawName === AGGREGATED && (type === '' || type === 'None');
    if (total) {
      points++;
      const users = values[USERS];
      if (users === users && !(users <= peakUsers)) peakUsers = users;
      if (values[REQUESTS] === values[REQUESTS]) finalRequests = values[REQUESTS];
      if (values[FAILURES] === values[FAILURES]) finalFailures = values[FAILURES];
    } else endpointRows++;
    accumulatorFor(rawName, total ? '' : type === 'None' ? '' : type).buckets.add(t, values);
  }

  function readFields(cells: string[]): void {
    if (cells.length !== roles.length) fail(`row has ${cells.length} fields but the header has ${roles.length} (truncated row?)`, quotedStart || lineNumber);
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
    record(t, type, name);
  }

  function readFastLine(line: string): void {
    values.fill(Number.NaN);
    let t = Number.NaN;
    let type = '';
    let name = '';
    let start = 0;
    const columns = roles.length;
    let column = 0;
    for (; column < columns; column++) {
      let end = line.indexOf(',', start);
      if (end === -1) {
        if (column !== columns - 1) fail(`row has ${column + 1} fields but the header has ${columns} (truncated row?)`);
        end = line.length;
      } else if (column === columns - 1) fail(`row has more fields than the header's ${columns} (unquoted comma in a name?)`);
      const role = roles[column];
      if (role >= 0) values[role] = numberAt(line, start, end);
      else if (role === ROLE_TIMESTAMP) t = numberAt(line, start, end);
      else if (role === ROLE_NAME) name = line.slice(start, end);
      else if (role === ROLE_TYPE && end > start) type = line.slice(start, end);
      start = end + 1;
    }
    record(t, type, name);
  }

  function readLine(raw: string): void {
    lineNumber++;
    let end = raw.length;
    while (end > 0 && raw.charCodeAt(end - 1) === 13) end--; // \r\n and Windows' \r\r\n
    const line = end === raw.length ? raw : raw.slice(0, end);
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
    if (line.indexOf('"') === -1) return readFastLine(line);
    const cells = splitCsvLine(line);
    if (cells) return readFields(cells);
    // A quoted name with an embedded newline: the record continues on the next line.
    quotedRecord = line;
    quotedStart = lineNumber;
  }

  function consume(text: string): void {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      readLine(text.slice(start, newline));
      start = newline + 1;
    }
    pending = text.slice(start);
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
        if (looksBinary(chunk)) fail('looks binary (contains NUL bytes), expected a Locust CSV', 0);
        encoding = detectEncoding(chunk);
      }
      consume(pending + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
    },
    finish() {
      if (pending) {
        const last = pending;
        pending = '';
        try {
          readLine(last);
        } catch (error) {
          if (!(error instanceof LocustReadError) || options.partialLastRow !== 'skip' || !header) throw error;
          skippedLastRow = true;
        }
      }
      if (quotedRecord) fail('a quoted field is never closed (file truncated?)', quotedStart);
      if (encoding === null) throw new LocustReadError(file, 'file is empty, expected a Locust _stats_history.csv');
      if (!header) throw new LocustReadError(file, 'has no header row');
      if (rows === 0) throw new LocustReadError(file, 'has a header but no rows (truncated, or Locust stopped before its first write)');
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
      series[acc.type === '' && acc.name === AGGREGATED ? AGGREGATED : acc.name] = entry as unknown as HistorySeries;
    }
    const endpoints = order.filter((acc) => !(acc.type === '' && acc.name === AGGREGATED)).map((acc) => acc.name);
    const durationS = Number.isFinite(startS) ? endS - startS : 0;
    const notes: string[] = [...encodingNote(encoding!)];
    if (endpointRows === 0) notes.push('Only Aggregated rows: the run did not use --csv-full-history, so there are no per-endpoint series.');
    if (era === '1.2+' || era === '1.0-1.1') {
      notes.push('Locust 1.2-2.46.2 buffers this file and never flushes it at exit: the last 5-10 s of the run are usually missing (fixed in 2.46.3).');
    }
    if (skippedLastRow) notes.push(`The last line (${lineNumber}) was incomplete (file still being written?) and was skipped.`);
    if (points <= 1) notes.push('Only the first tick was written: the run was shorter than the first flush (~10 s) or was stopped before it.');
    if (!(map.index.users !== undefined)) notes.push('No User Count column (Locust before 1.0): user counts are unknown.');
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
