// Pickers for the chart commands: one run, or several to compare (the active file's run and the one before it
// preselected, else the two latest).
import * as vscode from 'vscode';
import type { LocustRun } from '../../core/locust';
import type { RunStore } from '../../services/runStore';
import { runLabel } from '../../util/runText';

interface RunItem extends vscode.QuickPickItem {
  run: LocustRun;
}

function items(runs: RunStore, picked: ReadonlySet<string> = new Set()): RunItem[] {
  const baseline = runs.baselineId;
  return [...runs.runs()].reverse().map((run) => ({
    label: runLabel(run),
    description: run.id === baseline ? `${run.prefix} · ${vscode.l10n.t('baseline')}` : run.prefix,
    detail: run.dir || undefined,
    picked: picked.has(run.id),
    run,
  }));
}

function noRuns(): undefined {
  void vscode.window.showInformationMessage(vscode.l10n.t('No Locust results (*_stats.csv and siblings) in this workspace. Run Locust with --csv PREFIX, or open the folder that holds the results.'));
  return undefined;
}

/** The run of the file in the active editor, if it is a Locust result file. */
export function activeRun(runs: RunStore): LocustRun | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri ? runs.runForFile(uri) : undefined;
}

export async function pickRun(runs: RunStore): Promise<LocustRun | undefined> {
  await runs.whenReady();
  if (runs.runs().length === 0) return noRuns();
  const list = items(runs);
  const active = activeRun(runs);
  const picked = await vscode.window.showQuickPick(active ? [...list.filter((i) => i.run === active), ...list.filter((i) => i.run !== active)] : list, {
    title: vscode.l10n.t('Open Run Chart'),
    placeHolder: vscode.l10n.t('Choose a run'),
    matchOnDescription: true,
  });
  return picked?.run;
}

/** Runs to compare in version order, the baseline (when picked) first as the reference. */
export function orderForCompare(all: readonly LocustRun[], chosen: readonly LocustRun[], baselineId: string | undefined): LocustRun[] {
  const ids = new Set(chosen.map((run) => run.id));
  const ordered = all.filter((run) => ids.has(run.id));
  const baseline = ordered.findIndex((run) => run.id === baselineId);
  if (baseline > 0) ordered.unshift(...ordered.splice(baseline, 1));
  return ordered;
}

export async function pickRunsToCompare(runs: RunStore): Promise<LocustRun[] | undefined> {
  await runs.whenReady();
  const all = runs.runs();
  if (all.length === 0) return noRuns();
  if (all.length === 1) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Only one Locust run ({0}) in this workspace: nothing to compare it with.', all[0].prefix));
    return undefined;
  }
  const active = activeRun(runs);
  // The latest run is the newest version; runs whose names carry none sort last but are not the latest.
  const current = active ?? [...all].reverse().find((run) => run.meta.version !== null) ?? all[all.length - 1];
  const previous = runs.previousRun(current.id) ?? all.find((run) => run !== current);
  const chosen = await vscode.window.showQuickPick(items(runs, new Set([current.id, previous?.id ?? ''])), {
    title: vscode.l10n.t('Compare Runs'),
    placeHolder: vscode.l10n.t('Choose two or more runs (the oldest, or the baseline, is the reference)'),
    canPickMany: true,
    matchOnDescription: true,
  });
  if (!chosen) return undefined;
  if (chosen.length < 2) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Choose at least two runs to compare.'));
    return undefined;
  }
  return orderForCompare(all, chosen.map((item) => item.run), runs.baselineId);
}
