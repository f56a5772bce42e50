// The history as the CLI prints it: the JSON shape CI consumes (ISO dates, counts overall and per week) and a
// plain-text table. Also the one-line reasons a history cannot be read at all.
import * as l10n from '@vscode/l10n';
import type { TrackerHistory } from './points';

export interface HistoryJson {
  readonly file: string;
  readonly points: ReadonlyArray<{
    readonly commit: string;
    readonly date: string;
    readonly subject: string;
    readonly tasks: { readonly total: number; readonly done: number };
    readonly weeks: ReadonlyArray<{ readonly number: number; readonly tasks: { readonly total: number; readonly done: number } }>;
  }>;
  /** True when the clone is shallow: older commits are missing from the points. */
  readonly shallow: boolean;
  readonly skipped: ReadonlyArray<{ readonly commit: string; readonly date: string; readonly reason: string }>;
}

const inRange = (date: string, sinceMs: number | undefined) => sinceMs === undefined || Date.parse(date) >= sinceMs;

export function historyJson(file: string, history: TrackerHistory, sinceMs?: number): HistoryJson {
  return {
    file,
    points: history.points
      .filter((p) => inRange(p.date, sinceMs))
      .map((p) => ({
        commit: p.commit,
        date: p.date,
        subject: p.subject,
        tasks: { total: p.tasks.total, done: p.tasks.done },
        weeks: p.weeks.map((w) => ({ number: w.number, tasks: { total: w.tasks.total, done: w.tasks.done } })),
      })),
    shallow: history.shallow,
    skipped: history.skipped.filter((s) => inRange(s.date, sinceMs)).map((s) => ({ commit: s.commit, date: s.date, reason: s.reason })),
  };
}

export function formatHistory(json: HistoryJson): string {
  const out = [`${json.file}: ${json.points.length} commits`];
  if (json.shallow) out.push(l10n.t('shallow clone: older commits are not here (git fetch --unshallow for the full history)'));
  for (const p of json.points) out.push(`  ${p.date}  ${p.commit.slice(0, 8)}  ${`${p.tasks.done}/${p.tasks.total}`.padStart(7)}  ${p.subject}`);
  for (const s of json.skipped) out.push(`  ${s.date}  ${s.commit.slice(0, 8)}  ${l10n.t('skipped: {0}', s.reason)}`);
  return out.join('\n');
}

/** Why git gave no history: one line naming the file, from the spawn error code or git's own message. */
export function describeGitFailure(file: string, failure: { readonly code?: string; readonly stderr: string }): string {
  if (failure.code === 'ENOENT') return l10n.t('{0}: git is not installed or not on PATH, so the history cannot be read', file);
  const stderr = failure.stderr.trim();
  if (/not a git repository/i.test(stderr)) return l10n.t('{0}: not in a git repository, so it has no history', file);
  if (/dubious ownership/i.test(stderr)) return l10n.t('{0}: git refuses this repository (owned by another user; see git config safe.directory)', file);
  const first = stderr.split('\n').find((line) => line.trim() !== '') ?? failure.code ?? 'unknown error';
  return l10n.t('{0}: git failed: {1}', file, first.replace(/^fatal:\s*/, ''));
}

export function noCommitsMessage(file: string): string {
  return l10n.t('{0}: no commit has this file (is it committed?)', file);
}
