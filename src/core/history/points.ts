// One point per commit: done/total overall and per week, from the tracker model of the file at that commit.
// Counts are cached by blob id (the same content always gives the same counts), so a second read of the
// history parses nothing it has seen.
import * as l10n from '@vscode/l10n';
import { parseTrackerText, splitLines, updateTrackerParse, type LineChange, type TrackerParse } from '../tracker/parse';
import type { Progress, TrackerModel } from '../tracker/model';
import type { GitLog } from './gitLog';

export interface WeekCounts {
  readonly number: number;
  readonly title: string;
  readonly tasks: Progress;
  /** The week's heading claims COMPLETE at this commit. */
  readonly complete: boolean;
}

export interface PointCounts {
  /** Counted tasks (template sections excluded unless the option says otherwise), like the tree and status bar. */
  readonly tasks: Progress;
  readonly weeks: readonly WeekCounts[];
}

/** What a blob gave: its counts, or why it gives no point. */
export type BlobCounts = { readonly ok: true; readonly counts: PointCounts } | { readonly ok: false; readonly reason: string };

export interface HistoryPoint extends PointCounts {
  readonly commit: string;
  readonly date: string;
  readonly subject: string;
  /** Repository-relative path of the file at this commit. */
  readonly path: string;
  readonly blob: string;
}

export interface SkippedPoint {
  readonly commit: string;
  readonly date: string;
  readonly subject: string;
  readonly reason: string;
}

export interface TrackerHistory {
  /** Oldest first. */
  readonly points: readonly HistoryPoint[];
  readonly skipped: readonly SkippedPoint[];
  readonly shallow: boolean;
}

/** Cache keyed by blob id (and the template option, which changes the counts). Owned by the caller. */
export type CountsCache = Map<string, BlobCounts>;

export interface CountOptions {
  readonly excludeTemplates?: boolean;
}

const cacheKey = (blob: string, options: CountOptions): string => (options.excludeTemplates === false ? `${blob}:all` : blob);

/** Strict UTF-8: a commit whose file is not UTF-8 is skipped rather than counted from replacement characters. */
export function decodeTracker(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: l10n.t('the file is binary at this commit (contains NUL bytes)') };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: l10n.t('the file is not valid UTF-8 at this commit') };
  }
}

export function countTracker(text: string, options: CountOptions = {}): PointCounts {
  return countsOf(parseTrackerText(text, { excludeTemplates: options.excludeTemplates ?? true }).model);
}

function countsOf(model: TrackerModel): PointCounts {
  return {
    tasks: { done: model.counted.done, total: model.counted.total },
    weeks: model.weeks.map((week) => ({ number: week.number, title: week.title, tasks: { done: week.progress.done, total: week.progress.total }, complete: week.status === 'complete' })),
  };
}

export function countBlob(bytes: Uint8Array | null, options: CountOptions = {}): BlobCounts {
  if (!bytes) return { ok: false, reason: l10n.t('git has no such object (missing from this clone)') };
  const decoded = decodeTracker(bytes);
  return decoded.ok ? { ok: true, counts: countTracker(decoded.text, options) } : decoded;
}

/** The blob ids of the log that the cache does not hold yet, each once: what `git cat-file` must read. */
export function blobsToRead(log: GitLog, cache: CountsCache, options: CountOptions = {}): string[] {
  const wanted = new Set<string>();
  for (const entry of log.entries) if (entry.blob && !cache.has(cacheKey(entry.blob, options))) wanted.add(entry.blob);
  return [...wanted];
}

/** The lines that differ between two versions: everything between their common first and last lines. */
export function lineChange(before: readonly string[], after: readonly string[]): LineChange {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < limit - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { startLine: start, oldEndLine: before.length - tail, newEndLine: after.length - tail };
}

/**
 * Counts the blobs of the log that the cache lacks, oldest commit first. Consecutive commits differ by a few
 * lines, so each version is parsed as an edit of the one before (only the sections the commit touched are
 * parsed again; the tracker parser guarantees the same model as a full parse). An id asked for but not returned
 * by git is cached as missing.
 */
export function addToCache(cache: CountsCache, log: GitLog, objects: ReadonlyMap<string, Uint8Array | null>, options: CountOptions = {}): void {
  const parseOptions = { excludeTemplates: options.excludeTemplates ?? true };
  let previous: { blob: string; parse: TrackerParse; lines: string[] } | undefined;
  for (const entry of log.entries) {
    if (!entry.blob) continue;
    const key = cacheKey(entry.blob, options);
    if (cache.has(key)) {
      // A rename keeps the blob: the parse before it still is the previous version.
      if (previous?.blob !== entry.blob) previous = undefined;
      continue;
    }
    const bytes = objects.get(entry.blob) ?? null;
    const decoded = bytes ? decodeTracker(bytes) : undefined;
    if (!decoded || !decoded.ok) {
      cache.set(key, countBlob(bytes, options));
      previous = undefined;
      continue;
    }
    const lines = splitLines(decoded.text);
    const parse = previous ? updateTrackerParse(previous.parse, decoded.text, lineChange(previous.lines, lines), parseOptions) : parseTrackerText(decoded.text, parseOptions);
    cache.set(key, { ok: true, counts: countsOf(parse.model) });
    previous = { blob: entry.blob, parse, lines };
  }
}

export function buildHistory(log: GitLog, cache: CountsCache, options: CountOptions = {}): TrackerHistory {
  const points: HistoryPoint[] = [];
  const skipped: SkippedPoint[] = [];
  for (const entry of log.entries) {
    const base = { commit: entry.commit, date: entry.date, subject: entry.subject };
    if (!entry.blob) {
      // A merge with no change of its own adds nothing; a deletion is worth saying.
      if (entry.deleted) skipped.push({ ...base, reason: l10n.t('the file was deleted in this commit') });
      continue;
    }
    const counts = cache.get(cacheKey(entry.blob, options));
    if (!counts) skipped.push({ ...base, reason: l10n.t('the file at this commit was not read') });
    else if (!counts.ok) skipped.push({ ...base, reason: counts.reason });
    else points.push({ ...base, path: entry.path, blob: entry.blob, ...counts.counts });
  }
  return { points, skipped, shallow: log.shallow };
}

/** Each time a week's heading starts claiming COMPLETE (it was not, or the week did not exist, one point before). */
export interface WeekClaim {
  readonly week: number;
  readonly title: string;
  readonly commit: string;
  readonly date: string;
  /** Done/total of the week when the claim was made: a claim with open tasks is visible as such. */
  readonly tasks: Progress;
}

export function weekClaims(points: readonly HistoryPoint[]): WeekClaim[] {
  const claims: WeekClaim[] = [];
  let before = new Set<number>();
  for (const point of points) {
    const now = new Set<number>();
    for (const week of point.weeks) {
      if (!week.complete || now.has(week.number)) continue;
      now.add(week.number);
      if (!before.has(week.number)) claims.push({ week: week.number, title: week.title, commit: point.commit, date: point.date, tasks: week.tasks });
    }
    before = now;
  }
  return claims;
}
