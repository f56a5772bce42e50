// What each panel shows, read through the RunStore: one run's files, several runs compared, or the trend over
// every CSV run and tracker summary. File errors become one line each (file:line: problem), never an exception.
import * as vscode from 'vscode';
import { buildTrend, LocustReadError, type LocustRun, type TrendCsvRun } from '../../core/locust';
import type { Limit } from '../../core/gate/limits';
import { compareViewDataOf, runViewDataOf } from '../../core/report/viewData';
import type { CompareViewData, RunInfo, RunViewData, TrendViewData } from '../../shared/protocol';
import { formatLiveTick } from '../../core/live/historyFollower';
import type { LiveRun } from '../../services/liveRuns';
import type { RunStore } from '../../services/runStore';
import { runLabel } from '../../util/runText';

/** A run whose files changed within this window, while a panel showed it, is shown as live (Locust still writing). */
export const LIVE_WINDOW_MS = 60_000;

export function errorLine(error: LocustReadError): string {
  return `${vscode.workspace.asRelativePath(error.file)}${error.line ? `:${error.line}` : ''}: ${error.problem}`;
}

async function lastModified(runs: RunStore, run: LocustRun): Promise<number> {
  const stats = await Promise.all(Object.values(runs.urisOf(run)).map((uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then((s) => s.mtime, () => 0)));
  return Math.max(0, ...stats);
}

/**
 * Last modification seen per run id, kept by the panel. A recent mtime alone does not make a run live (a copied
 * or freshly checked-out file has one too); a change seen between two loads of an open panel does.
 */
export type SeenModified = Map<string, { mtime: number; changedAt: number | undefined }>;

export async function runInfo(runs: RunStore, run: LocustRun, seen: SeenModified, label = runLabel(run)): Promise<RunInfo> {
  const mtime = await lastModified(runs, run);
  const before = seen.get(run.id);
  const changedAt = before && mtime > before.mtime ? Date.now() : before?.changedAt;
  seen.set(run.id, { mtime, changedAt });
  const live = changedAt !== undefined && Date.now() - changedAt < LIVE_WINDOW_MS;
  return { id: run.id, label, files: Object.values(run.files).filter((f): f is string => f !== undefined), live };
}

/** `live`: the run is being followed while Locust writes it; its history comes from the follower, not the file. */
export async function runViewData(runs: RunStore, run: LocustRun, seen: SeenModified, live?: LiveRun): Promise<RunViewData> {
  const [data, info] = await Promise.all([runs.read(run.id, live ? { skip: ['history'] } : {}), runInfo(runs, run, seen)]);
  const liveInfo = live ? { live: true, liveText: formatLiveTick(live.follower.latest, (Date.now() - live.startedAt) / 1000) } : {};
  const view = runViewDataOf(data, { ...info, ...liveInfo }, errorLine);
  return live ? { ...view, history: live.follower.snapshot() } : view;
}

/** Labels for compared runs: the version, or the prefix where two runs share a version. */
function distinctLabels(list: readonly LocustRun[]): string[] {
  const labels = list.map((run) => runLabel(run));
  return labels.map((label, index) => (labels.indexOf(label) !== labels.lastIndexOf(label) ? list[index].prefix : label));
}

export async function compareViewData(runs: RunStore, list: readonly LocustRun[], thresholdPercent: number, limits: readonly Limit[], seen: SeenModified): Promise<CompareViewData> {
  const labels = distinctLabels(list);
  const read = await Promise.all(list.map((run) => runs.read(run.id)));
  const infos = await Promise.all(list.map((run, index) => runInfo(runs, run, seen, labels[index])));
  return compareViewDataOf(infos.map((info, index) => ({ info, data: read[index] })), thresholdPercent, limits, errorLine);
}

/** Only each run's stats (or report) is read: histories are not needed for the trend. */
export async function trendViewData(runs: RunStore): Promise<TrendViewData> {
  const errors: string[] = [];
  const csvRuns: TrendCsvRun[] = await Promise.all(
    runs.runs().map(async (run): Promise<TrendCsvRun> => {
      const uri = runs.uriOf(run, 'stats') ?? runs.uriOf(run, 'html') ?? runs.uriOf(run, 'requests');
      let aggregated = null;
      if (uri) {
        try {
          const result = await runs.readFile(uri);
          aggregated = result.kind === 'stats' ? result.aggregated : result.kind === 'html' ? result.stats.aggregated : null;
        } catch (error) {
          errors.push(error instanceof LocustReadError ? errorLine(error) : `${vscode.workspace.asRelativePath(uri)}: ${String(error)}`);
        }
      }
      return { id: run.id, prefix: run.prefix, meta: run.meta, aggregated };
    }),
  );
  const trackerRuns = runs.trackerRuns();
  const trend = buildTrend(csvRuns, trackerRuns, { baselineId: runs.baselineId });
  return { kind: 'trend', trend, csvRuns: csvRuns.length, trackerRuns: trend.points.filter((p) => p.source === 'tracker').length, errors };
}
