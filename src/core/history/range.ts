// The ranges the Progress panel offers (this week, since a date, between two commits), resolved to the two
// points whose files are compared. Dates are the user's local calendar: "since 2026-01-05" starts at local
// midnight, "this week" on Monday.
import * as l10n from '@vscode/l10n';
import type { HistoryPoint } from './points';

export type HistoryRange = { readonly kind: 'thisWeek' } | { readonly kind: 'since'; readonly date: string } | { readonly kind: 'between'; readonly from: string; readonly to: string };

export interface ResolvedRange {
  /** The file as it was just before the range; null when the range starts at the first commit. */
  readonly from: HistoryPoint | null;
  readonly to: HistoryPoint;
  /** Start of the range (ms since the epoch), for showing it. */
  readonly startMs: number;
}

/** `YYYY-MM-DD` (local midnight) or a full ISO date-time; undefined for anything else. */
export function parseDateArg(text: string): number | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const value = new Date(year, month - 1, date);
    return value.getFullYear() === year && value.getMonth() === month - 1 && value.getDate() === date ? value.getTime() : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(text)) return undefined;
  const value = Date.parse(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Local Monday 00:00 of the week holding `now`. */
export function startOfWeek(now: Date): number {
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return monday.getTime();
}

/** The last point strictly before `startMs`, or null. Points are oldest first. */
export function pointBefore(points: readonly HistoryPoint[], startMs: number): HistoryPoint | null {
  let found: HistoryPoint | null = null;
  for (const point of points) {
    if (Date.parse(point.date) < startMs) found = point;
    else break;
  }
  return found;
}

/** The two points a range compares, or a one-line reason it cannot be shown. */
export function resolveRange(points: readonly HistoryPoint[], range: HistoryRange, now: Date): ResolvedRange | { readonly error: string } {
  const last = points[points.length - 1];
  if (!last) return { error: l10n.t('No commit of the file could be read.') };
  switch (range.kind) {
    case 'thisWeek': {
      const startMs = startOfWeek(now);
      return { from: pointBefore(points, startMs), to: last, startMs };
    }
    case 'since': {
      const startMs = parseDateArg(range.date);
      if (startMs === undefined) return { error: l10n.t('"{0}" is not a date (expected YYYY-MM-DD).', range.date) };
      return { from: pointBefore(points, startMs), to: last, startMs };
    }
    case 'between': {
      const find = (id: string) => points.findIndex((p) => p.commit === id || (id.length >= 4 && p.commit.startsWith(id)));
      const a = find(range.from);
      const b = find(range.to);
      if (a === -1 || b === -1) return { error: l10n.t('Commit {0} is not in the file\'s history.', a === -1 ? range.from : range.to) };
      const [older, newer] = a <= b ? [a, b] : [b, a];
      return { from: points[older], to: points[newer], startMs: Date.parse(points[older].date) };
    }
  }
}

/** Per week number: done now minus done at `baseline` (0 for a week the baseline did not have). */
export function weekDeltas(current: ReadonlyArray<{ readonly number: number; readonly done: number }>, baseline: HistoryPoint | null): Map<number, number> {
  const before = new Map<number, number>();
  for (const week of baseline?.weeks ?? []) if (!before.has(week.number)) before.set(week.number, week.tasks.done);
  const out = new Map<number, number>();
  for (const week of current) if (!out.has(week.number)) out.set(week.number, week.done - (before.get(week.number) ?? 0));
  return out;
}
