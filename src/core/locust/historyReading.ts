// The history reader's interface: its options, what it returns for a whole file and for a part of one. Apart
// from history.ts so the parallel reader and its worker can name these without the reader's code.
import type { BucketState } from './downsample';
import type { HistoryCounts } from './historySummary';
import type { LocustHistory } from './model';

export interface HistoryOptions {
  /** Upper bound of points per series after downsampling (default 3000). */
  maxPoints?: number;
  /**
   * A run still being written can end in a half-written line. 'skip' drops it with a note (live views);
   * 'error' (default) reports it, as for any truncated file.
   */
  partialLastRow?: 'error' | 'skip';
  /** Where every endpoint's time buckets start (historyParallel.ts gives each part the file's first timestamp). */
  origin?: number;
}

export const DEFAULT_MAX_POINTS = 3000;

/** What a reader of one part of a file found: the merge in historyParallel.ts adds the parts up. */
export interface HistoryPart extends HistoryCounts {
  /** Lines read, the header included. */
  lines: number;
  /** The part ended inside a quoted field: a record runs on into the next part. */
  openQuote: boolean;
  endpoints: Array<{ raw: string; rawType: string; buckets: BucketState }>;
}

export interface HistoryReader {
  push(chunk: Uint8Array | string): void;
  finish(): LocustHistory;
  /** Like finish, for one part of a file: what was read, not yet summarized; a record left open is not an error. */
  part(): HistoryPart;
}

/** Time buckets per series: each yields up to two points. */
export function bucketCapacity(maxPoints: number | undefined): number {
  return Math.floor(Math.max(4, maxPoints ?? DEFAULT_MAX_POINTS) / 2);
}
