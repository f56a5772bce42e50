// The Progress panel's data: the tracker's points from git, the week claims, and the task changes of the picked
// range (the two versions read with one git cat-file). Errors become the panel's "failed" text or the range's.
import * as vscode from 'vscode';
import { diffTasks } from '../../core/history/changes';
import { weekClaims } from '../../core/history/points';
import { resolveRange, type HistoryRange } from '../../core/history/range';
import type { TrackerHistoryService } from '../../services/trackerHistory';
import type { ProgressTask, ProgressViewData } from '../../shared/progressProtocol';

const short = (commit: string) => commit.slice(0, 8);
const day = (iso: string) => iso.slice(0, 10);

function describeRange(range: HistoryRange, from: string | null, to: string, count: number): string {
  const span = `${from ? short(from) : vscode.l10n.t('first commit')} → ${short(to)}`;
  switch (range.kind) {
    case 'thisWeek':
      return vscode.l10n.t('This week: {0} ({1} commits)', span, count);
    case 'since':
      return vscode.l10n.t('Since {0}: {1} ({2} commits)', range.date, span, count);
    case 'between':
      return vscode.l10n.t('Between commits: {0} ({1} commits)', span, count);
  }
}

export async function progressViewData(history: TrackerHistoryService, uri: vscode.Uri, range: HistoryRange, now: Date): Promise<ProgressViewData | { error: string }> {
  const result = await history.history(uri);
  if (!result.ok) return { error: result.message };
  const { points, skipped, shallow } = result.history;
  const last = points[points.length - 1];
  const data: ProgressViewData = {
    kind: 'progress',
    file: vscode.workspace.asRelativePath(uri),
    points: points.map((p) => ({ commit: p.commit, date: p.date, subject: p.subject, done: p.tasks.done, total: p.tasks.total, weeks: p.weeks.map((w) => ({ number: w.number, done: w.tasks.done, total: w.tasks.total })) })),
    weeks: (last?.weeks ?? []).filter((w, i, all) => all.findIndex((x) => x.number === w.number) === i).map((w) => ({ number: w.number, title: w.title })),
    claims: weekClaims(points).map((c) => ({ week: c.week, commit: c.commit, date: c.date, done: c.tasks.done, total: c.tasks.total })),
    range,
    rangeLabel: '',
    changes: null,
    rangeError: null,
    shallow,
    skipped: skipped.map((s) => `${day(s.date)} ${short(s.commit)}: ${s.reason}`),
    errors: [],
  };
  const resolved = resolveRange(points, range, now);
  if ('error' in resolved) return { ...data, rangeError: resolved.error };
  const count = points.indexOf(resolved.to) - (resolved.from ? points.indexOf(resolved.from) : -1);
  const rangeLabel = describeRange(range, resolved.from?.commit ?? null, resolved.to.commit, count);
  const texts = await history.texts(uri, resolved.from ? [resolved.from.blob, resolved.to.blob] : [resolved.to.blob]);
  const before = resolved.from ? texts.get(resolved.from.blob) : null;
  const after = texts.get(resolved.to.blob);
  if (after === undefined || after === null || before === undefined) return { ...data, rangeLabel, rangeError: vscode.l10n.t('The file at {0} could not be read from git.', short(resolved.to.commit)) };
  const changes = diffTasks(before, after);
  const tasks: ProgressTask[] = [...changes.ticked, ...changes.unticked, ...changes.added, ...changes.removed].map((c) => ({ kind: c.kind, text: c.text, line: c.line, week: c.week }));
  return { ...data, rangeLabel, changes: tasks };
}
