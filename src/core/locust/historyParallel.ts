// A big _stats_history.csv read in parts at the same time, on worker threads: the file is cut at line starts, each
// part is read by the ordinary reader (after the header line, with the first row's time as every bucket origin),
// and the parts are added up in file order. The result equals one pass over the file (historyParallel.test.ts):
// buckets merge exactly (downsample.ts), endpoints are named in order of first appearance, and an error names the
// same line. A cut inside a quoted record (a name with an embedded newline) is noticed, and the file is then read
// in one pass, as is any file this reader is not sure of: it returns null and the caller reads sequentially.
import { open, type FileHandle } from 'node:fs/promises';
import { detectEncoding, looksBinary, type TextEncodingName } from './decode';
import { MinMaxBuckets } from './downsample';
import { LocustReadError } from './errors';
import { createHistoryReader } from './history';
import { EndpointNamer } from './historyEndpoints';
import { seriesCountOf } from './historyLayout';
import type { HistoryPartJob, HistoryPartOutcome } from './historyParts';
import { bucketCapacity, type HistoryOptions, type HistoryPart } from './historyReading';
import { summarizeHistory } from './historySummary';
import type { LocustHistory } from './model';

/** Runs one part's job somewhere else (a worker thread, or in-process in tests). */
export type HistoryPartRunner = (job: HistoryPartJob, signal?: AbortSignal) => Promise<HistoryPartOutcome>;

export interface HistoryParallelism {
  runPart: HistoryPartRunner;
  /** Parts read at once, at most. */
  threads: number;
  /** Smallest part worth a thread (default 32 MB: a thread's start costs about what 2 MB of reading does). */
  minPartBytes?: number;
  /** Told why a file was read in one pass after all (a worker that would not start, say). */
  onFallback?(reason: string): void;
}

const MIN_PART_BYTES = 32 << 20;
/** As much as the one-pass reader's first chunk: it judges the text encoding on that. */
const HEAD_BYTES = 1 << 20;
const PROBE_BYTES = 1 << 16;

/** The history of `file` read in parts, or null when it is better read in one pass. */
export async function readHistoryInParts(file: string, size: number, options: HistoryOptions & { signal?: AbortSignal }, parallel: HistoryParallelism): Promise<LocustHistory | null> {
  const parts = Math.min(parallel.threads, Math.floor(size / (parallel.minPartBytes ?? MIN_PART_BYTES)));
  if (parts < 2) return null;
  const plan = await planParts(file, size, parts, options);
  if (!plan) return null;
  const last = plan.cuts.length - 2;
  const jobs: HistoryPartJob[] = plan.cuts.slice(0, -1).map((start, i) => ({
    file,
    header: plan.header,
    start,
    end: plan.cuts[i + 1],
    options: { maxPoints: options.maxPoints, partialLastRow: i === last ? options.partialLastRow : 'error', origin: plan.origin },
  }));
  let outcomes: HistoryPartOutcome[];
  try {
    outcomes = await Promise.all(jobs.map((job) => parallel.runPart(job, options.signal)));
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    parallel.onFallback?.(`a history worker failed (${(error as Error).message}); reading ${file} in one pass`);
    return null;
  }
  return addUp(file, plan.encoding, outcomes, options, parallel);
}

interface PartPlan {
  header: Uint8Array;
  encoding: TextEncodingName;
  origin: number;
  /** Where each part starts, then the file's size. */
  cuts: number[];
}

async function planParts(file: string, size: number, parts: number, options: HistoryOptions): Promise<PartPlan | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null; // the one-pass reader says what is wrong
  }
  try {
    const head = await readAt(handle, 0, Math.min(HEAD_BYTES, size));
    if (looksBinary(head)) return null;
    const headerEnd = head.indexOf(10) + 1;
    const firstRowEnd = headerEnd && head.indexOf(10, headerEnd) + 1;
    if (!firstRowEnd) return null;
    // The first row's time is every part's bucket origin, as it is in one pass.
    const probe = createHistoryReader(file, options);
    let first: HistoryPart;
    try {
      probe.push(head.subarray(0, firstRowEnd));
      first = probe.part();
    } catch {
      return null;
    }
    if (first.rows !== 1 || first.openQuote) return null;
    const cuts = [headerEnd];
    for (let i = 1; i < parts; i++) {
      const cut = await nextLineStart(handle, Math.floor((size * i) / parts), size);
      if (cut > cuts[cuts.length - 1] && cut < size) cuts.push(cut);
    }
    if (cuts.length < 2) return null;
    cuts.push(size);
    return { header: head.slice(0, headerEnd), encoding: detectEncoding(head), origin: first.startS, cuts };
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The start of the first line after `from` (size if none). */
async function nextLineStart(handle: FileHandle, from: number, size: number): Promise<number> {
  for (let at = from; at < size; at += PROBE_BYTES) {
    const bytes = await readAt(handle, at, Math.min(PROBE_BYTES, size - at));
    const newline = bytes.indexOf(10);
    if (newline !== -1) return at + newline + 1;
  }
  return size;
}

/** The parts in file order, as one pass would have read them; null when a cut fell inside a record. */
function addUp(file: string, encoding: TextEncodingName, outcomes: HistoryPartOutcome[], options: HistoryOptions, parallel: HistoryParallelism): LocustHistory | null {
  const parts: HistoryPart[] = [];
  // Lines before each part, so its lines (counted from its own header line) become the file's.
  let linesBefore = 0;
  for (const outcome of outcomes) {
    if ('failure' in outcome) {
      const { failure } = outcome;
      switch (failure.kind) {
        case 'read':
          throw new LocustReadError(file, failure.problem, failure.line === undefined ? undefined : failure.line + linesBefore);
        case 'other':
          parallel.onFallback?.(`a history worker failed (${failure.message}); reading ${file} in one pass`);
          return null;
        default: {
          const never: never = failure;
          return never;
        }
      }
    }
    const { part } = outcome;
    // A quoted record runs across the cut, or (in the last part) never closes: one pass says which, and where.
    if (part.openQuote) return null;
    parts.push(part);
    linesBefore += part.lines - 1;
  }
  const [first] = parts;
  const seriesCount = seriesCountOf(first.header);
  const capacity = bucketCapacity(options.maxPoints);
  const namer = new EndpointNamer(() => encoding);
  const byKey = new Map<string, { name: string; total: boolean; buckets: MinMaxBuckets }>();
  const totals = { rows: 0, points: 0, endpointRows: 0, startS: Number.POSITIVE_INFINITY, endS: Number.NEGATIVE_INFINITY, peakUsers: Number.NaN, finalRequests: Number.NaN, finalFailures: Number.NaN };
  for (const part of parts) {
    for (const { raw, rawType, buckets } of part.endpoints) {
      const key = `${rawType}\0${raw}`;
      const acc = byKey.get(key);
      if (acc) acc.buckets.merge(buckets);
      else {
        // The first part with this endpoint: its buckets, as they came (the arrays moved from the worker, not copied).
        const { name, total } = namer.next(raw, rawType);
        byKey.set(key, { name, total, buckets: MinMaxBuckets.adopt(seriesCount, capacity, buckets) });
      }
    }
    totals.rows += part.rows;
    totals.points += part.points;
    totals.endpointRows += part.endpointRows;
    totals.startS = Math.min(totals.startS, part.startS);
    totals.endS = Math.max(totals.endS, part.endS);
    if (part.peakUsers === part.peakUsers && !(part.peakUsers <= totals.peakUsers)) totals.peakUsers = part.peakUsers;
    // The last value the file gives, as one pass keeps it.
    if (part.finalRequests === part.finalRequests) totals.finalRequests = part.finalRequests;
    if (part.finalFailures === part.finalFailures) totals.finalFailures = part.finalFailures;
  }
  const lastPart = parts[parts.length - 1];
  return summarizeHistory({ file, header: first.header, era: first.era, encoding, accumulators: [...byKey.values()], ...totals, skippedLastRow: lastPart.skippedLastRow, lineNumber: linesBefore + 1 });
}
