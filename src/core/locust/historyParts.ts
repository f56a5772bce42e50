// One part of a _stats_history.csv, read on its own: the header line, then the bytes [start, end) of the file. What
// a worker thread does for the parallel reader (historyParallel.ts); synchronous, since a worker has nothing else
// to do while it reads.
import { LocustReadError } from './errors';
import { pushFileSync } from './files';
import { createHistoryReader } from './history';
import type { HistoryOptions, HistoryPart } from './historyReading';

export interface HistoryPartJob {
  file: string;
  /** The file's header line, with its line end. */
  header: Uint8Array;
  start: number;
  end: number;
  options: HistoryOptions;
  /** The display language's strings (@vscode/l10n contents), so a worker's messages match the editor's. */
  l10n?: Record<string, string>;
}

/**
 * An error as a worker can send it: a LocustReadError's fields, its line counted from the part's header line; or
 * anything else (a bug, a worker out of memory), whose message is all there is.
 */
export type HistoryPartFailure = { kind: 'read'; problem: string; line?: number } | { kind: 'other'; message: string };

export type HistoryPartOutcome = { part: HistoryPart } | { failure: HistoryPartFailure };

export function readHistoryPart(job: HistoryPartJob): HistoryPartOutcome {
  try {
    const reader = createHistoryReader(job.file, job.options);
    reader.push(job.header);
    pushFileSync(reader, job.file, job.start, job.end);
    return { part: reader.part() };
  } catch (error) {
    if (error instanceof LocustReadError) return { failure: { kind: 'read', problem: error.problem, line: error.line } };
    return { failure: { kind: 'other', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** The buffers of a part's arrays, to move them to the other thread instead of copying. */
export function partBuffers(outcome: HistoryPartOutcome): ArrayBuffer[] {
  if (!('part' in outcome)) return [];
  return outcome.part.endpoints.flatMap(({ buckets }) => [buckets.tFirst, buckets.tLast, buckets.count, buckets.min, buckets.max, buckets.tMin, buckets.tMax].map((array) => array.buffer as ArrayBuffer));
}
