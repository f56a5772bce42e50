// _stats_history.csv, read as a stream of byte chunks in bounded memory: a summary plus a downsampled series per
// endpoint. A 24-hour soak with full history is millions of rows, so the hot path works on the bytes: a plain row
// is read in one pass by a plan made from the header (historyRowScan.ts), any other line by an exact field scan,
// numbers from the digits (historyNumbers.ts), endpoint names compared in place, so a typical row allocates
// nothing; only the header, new names and records with an embedded newline become strings (latin1, byte for
// byte). Measured in bench/.
import * as l10n from '@vscode/l10n';
import type { HeaderMap } from './columns';
import { classifyHeader, describeUnknownHeader, mapHeader, requireColumns } from './columns';
import { splitCsvLine } from './csvLine';
import { detectEncoding, looksBinary, type TextEncodingName } from './decode';
import { MinMaxBuckets } from './downsample';
import { LocustReadError } from './errors';
import { EndpointNamer } from './historyEndpoints';
import { columnRoles, FAILURES, FIXED_SERIES, REQUESTS, ROLE_NAME, ROLE_TIMESTAMP, ROLE_TYPE, seriesCountOf, USERS } from './historyLayout';
import { INVALID, latin1, numberAt, sameBytes, slowNumber } from './historyNumbers';
import { PlainRowScan, rowPlan } from './historyRowScan';
import { bucketCapacity, type HistoryOptions, type HistoryReader } from './historyReading';
import { summarizeHistory } from './historySummary';
import type { LocustEra, LocustHistory } from './model';

export { DEFAULT_MAX_POINTS, type HistoryOptions, type HistoryPart, type HistoryReader } from './historyReading';

interface EndpointAccumulator {
  /** Name and type as the file spells them (latin1, unquoted). */
  raw: string;
  rawType: string;
  /** The bytes of the name's and type's cells as last seen (inside the quotes, if quoted): rows are matched on these. */
  nameBytes: Uint8Array | null;
  nameQuoted: boolean;
  typeBytes: Uint8Array | null;
  name: string;
  type: string;
  total: boolean;
  index: number;
  buckets: MinMaxBuckets;
}

export function createHistoryReader(file: string, options: HistoryOptions = {}): HistoryReader {
  const capacity = bucketCapacity(options.maxPoints);
  let encoding: TextEncodingName | null = null;
  /** Bytes after the last newline of the chunks so far: the start of a line that continues in the next chunk. */
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let lineNumber = 0;
  let header: HeaderMap | null = null;
  let era: LocustEra = '1.2+';
  let roles: Int32Array = new Int32Array(0);
  let seriesCount: number = FIXED_SERIES.length;
  let values = new Float64Array(seriesCount);
  let quotedRecord = '';
  let quotedStart = 0;
  // Keyed by raw type + NUL + raw name. Full-history rows come in the same endpoint order every tick, so the
  // next row is first compared in place with the expected endpoint: no string is cut for most rows.
  const byKey = new Map<string, EndpointAccumulator>();
  const namer = new EndpointNamer(() => encoding);
  const order: EndpointAccumulator[] = [];
  let expected = 0;
  let rows = 0;
  let points = 0;
  let startS = Number.POSITIVE_INFINITY;
  let endS = Number.NEGATIVE_INFINITY;
  let peakUsers = Number.NaN;
  let finalRequests = Number.NaN;
  let finalFailures = Number.NaN;
  let endpointRows = 0;
  let skippedLastRow = false;
  let origin = options.origin ?? Number.NaN;
  /** Set with the header. */
  let plain: PlainRowScan | null = null;

  const fail = (problem: string, line = lineNumber): never => {
    throw new LocustReadError(file, problem, line);
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
    seriesCount = seriesCountOf(map);
    values = new Float64Array(seriesCount).fill(Number.NaN);
    roles = columnRoles(map);
    plain = new PlainRowScan(rowPlan(roles));
  }

  function accumulatorFor(rawName: string, rawType: string): EndpointAccumulator {
    const key = `${rawType}\0${rawName}`;
    let acc = byKey.get(key);
    if (acc) return acc;
    const { name, type, total } = namer.next(rawName, rawType);
    // One origin for every endpoint (the first row's time), so parts read in parallel share one bucket grid.
    acc = { raw: rawName, rawType, nameBytes: null, nameQuoted: false, typeBytes: null, name, type, total, index: order.length, buckets: new MinMaxBuckets(seriesCount, capacity, origin) };
    byKey.set(key, acc);
    order.push(acc);
    return acc;
  }

  /** `invalid`: some value is INVALID (the fast path knows without looking again). */
  function record(t: number, acc: EndpointAccumulator, invalid: boolean): void {
    if (t !== t || t === INVALID) fail(l10n.t('the Timestamp cell is not a number'));
    if (invalid) for (let s = 0; s < seriesCount; s++) if (values[s] === INVALID) fail(l10n.t('column "{0}" holds a value that is not a number', header!.cells[roles.indexOf(s)]));
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
    record(t, accumulatorFor(name, type), values.includes(INVALID));
  }

  /**
   * One line, bytes[lineStart, lineEnd) without its line break, that the plain scan gave up on: fields found by
   * scanning for commas, quoted fields (names with commas, 1.0-1.1's quote-everything rows) unquoted in place,
   * numbers read in place. Returns -1 when a quoted field runs past the line end (an embedded newline, for
   * readSlowLine to join the lines); fails on a short or long row.
   */
  function readFastLine(bytes: Uint8Array, lineStart: number, lineEnd: number): number {
    const columns = roles.length;
    // No values.fill: every column with a role is assigned below (a short row fails), the others stay NaN.
    let invalid = false;
    let t = Number.NaN;
    let nameStart = lineStart;
    let nameEnd = lineStart;
    let nameQuoted = false;
    let typeStart = lineStart;
    let typeEnd = lineStart;
    let start = lineStart;
    for (let column = 0; column < columns; column++) {
      const role = roles[column];
      let from = start;
      let to = start;
      let quoted = false;
      let end = start;
      if (bytes[start] === 34 /* " */) {
        // Closing quote: the first '"' not doubled.
        let close = start + 1;
        for (;;) {
          while (close < lineEnd && bytes[close] !== 34) close++;
          if (close >= lineEnd) return -1;
          if (bytes[close + 1] !== 34) break;
          close += 2;
        }
        quoted = true;
        from = start + 1;
        to = close;
        end = close; // the comma search continues after the closing quote
      }
      while (end < lineEnd && bytes[end] !== 44 /* , */) end++;
      if (end >= lineEnd) {
        if (column !== columns - 1) fail(l10n.t('row has {0} fields but the header has {1} (truncated row?)', column + 1, columns));
      } else if (column === columns - 1) fail(l10n.t('row has more fields than the header\'s {0} (unquoted comma in a name?)', columns));
      if (!quoted) to = end;
      if (role >= 0) {
        const value = numberAt(bytes, from, to);
        if (value === INVALID) invalid = true;
        values[role] = value;
      } else if (role === ROLE_TIMESTAMP) t = numberAt(bytes, from, to);
      else if (role === ROLE_NAME) {
        nameStart = from;
        nameEnd = to;
        nameQuoted = quoted;
      } else if (role === ROLE_TYPE) {
        typeStart = from;
        typeEnd = to;
      }
      start = end + 1;
    }
    recordRow(bytes, t, invalid, nameStart, nameEnd, nameQuoted, typeStart, typeEnd);
    return lineEnd;
  }

  /** A row read from the bytes: its endpoint, matched in place with the one expected next (no string for most rows). */
  function recordRow(bytes: Uint8Array, t: number, invalid: boolean, nameStart: number, nameEnd: number, nameQuoted: boolean, typeStart: number, typeEnd: number): void {
    const guess = order[expected];
    if (guess !== undefined && guess.nameQuoted === nameQuoted && sameBytes(bytes, nameStart, nameEnd, guess.nameBytes) && sameBytes(bytes, typeStart, typeEnd, guess.typeBytes)) {
      record(t, guess, invalid);
      return;
    }
    const name = latin1(bytes, nameStart, nameEnd);
    const acc = accumulatorFor(nameQuoted ? name.replace(/""/g, '"') : name, latin1(bytes, typeStart, typeEnd));
    acc.nameBytes = new Uint8Array(bytes.subarray(nameStart, nameEnd)); // a copy: Buffer#slice would not be
    acc.nameQuoted = nameQuoted;
    acc.typeBytes = new Uint8Array(bytes.subarray(typeStart, typeEnd));
    record(t, acc, invalid);
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

  /** Reads the complete lines of bytes[from, ...) (and, when final, the unterminated last one); returns where the rest starts. */
  function consume(bytes: Uint8Array, from: number, final: boolean): number {
    let start = from;
    const length = bytes.length;
    // The plain scan runs only where a newline lies ahead: its loops stop at one, so none checks the array's end.
    const lastNewline = bytes.lastIndexOf(10);
    while (start < length) {
      if (plain !== null && !quotedRecord && start <= lastNewline) {
        // Most lines: fields and line end in one pass.
        lineNumber++;
        const next = plain.scan(bytes, start, values);
        if (next >= 0) {
          recordRow(bytes, plain.t, plain.invalid, plain.nameStart, plain.nameEnd, plain.nameQuoted, plain.typeStart, plain.typeEnd);
          start = next;
          continue;
        }
        lineNumber--;
      }
      let newline = bytes.indexOf(10, start);
      if (newline === -1) {
        if (!final) break;
        newline = length;
      }
      let end = newline;
      while (end > start && bytes[end - 1] === 13) end--; // \r\n, and Windows' \r\r\n
      lineNumber++;
      if (quotedRecord || !header) readSlowLine(latin1(bytes, start, end));
      else if (end > start && readFastLine(bytes, start, end) < 0) readSlowLine(latin1(bytes, start, end));
      start = newline + 1;
    }
    return start;
  }

  /** The pending bytes plus `tail`, as one array. */
  function takePending(tail: Uint8Array): Uint8Array {
    const joined = new Uint8Array(pendingLength + tail.length);
    let at = 0;
    for (const part of pending) {
      joined.set(part, at);
      at += part.length;
    }
    joined.set(tail, at);
    pending = [];
    pendingLength = 0;
    return joined;
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
      // A plain Uint8Array view (not a Buffer subclass), so the hot loops see one array type.
      chunk = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let from = 0;
      if (pendingLength) {
        // Finish the line the previous chunk ended in; only that line is copied.
        const newline = chunk.indexOf(10);
        if (newline === -1) {
          pending.push(new Uint8Array(chunk));
          pendingLength += chunk.length;
          return;
        }
        consume(takePending(chunk.subarray(0, newline + 1)), 0, false);
        from = newline + 1;
      }
      const rest = consume(chunk, from, false);
      // The caller may reuse its buffer: keep a copy of the unfinished line (new Uint8Array copies).
      if (rest < chunk.length) {
        pending.push(new Uint8Array(chunk.subarray(rest)));
        pendingLength += chunk.length - rest;
      }
    },
    finish() {
      readLast();
      if (quotedRecord) fail(l10n.t('a quoted field is never closed (file truncated?)'), quotedStart);
      if (encoding === null) throw new LocustReadError(file, l10n.t('file is empty, expected a Locust _stats_history.csv'));
      if (!header) throw new LocustReadError(file, l10n.t('has no header row'));
      if (rows === 0) throw new LocustReadError(file, l10n.t('has a header but no rows (truncated, or Locust stopped before its first write)'));
      return summarizeHistory({ file, header, era, encoding, accumulators: order, rows, points, startS, endS, peakUsers, finalRequests, finalFailures, endpointRows, skippedLastRow, lineNumber });
    },
    part() {
      readLast();
      if (!header) throw new LocustReadError(file, l10n.t('has no header row'));
      const endpoints = order.map((acc) => ({ raw: acc.raw, rawType: acc.rawType, buckets: acc.buckets.state() }));
      return { header, era, lines: lineNumber, rows, points, startS, endS, peakUsers, finalRequests, finalFailures, endpointRows, skippedLastRow, openQuote: quotedRecord !== '', endpoints };
    },
  };

  /** The unterminated last line, if any. */
  function readLast(): void {
    if (!pendingLength) return;
    const last = takePending(new Uint8Array(0));
    try {
      consume(last, 0, true);
    } catch (error) {
      if (!(error instanceof LocustReadError) || options.partialLastRow !== 'skip' || !header) throw error;
      skippedLastRow = true;
    }
  }
}

/** Whole-text convenience over the streaming reader (small files, tests). */
export function readHistoryText(text: string | Uint8Array, file: string, options?: HistoryOptions): LocustHistory {
  const reader = createHistoryReader(file, options);
  reader.push(text);
  return reader.finish();
}
