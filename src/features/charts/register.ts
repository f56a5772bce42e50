// Chart panels: "Open Run Chart", "Compare Runs", "Show Run Trend", and the serializer that restores open panels
// after a reload.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { Commands } from '../commands';
import { CHART_VIEW_TYPE } from './chartPanel';
import { ChartPanels } from './chartPanels';
import { pickRun, pickRunsToCompare } from './pickRuns';
import { pickTracker } from './pickTracker';
import { parseTarget } from './validateMessage';

/** What other features may ask of the charts (passed to them as an object, not through a command). */
export interface ChartOpener {
  /** Opens the chart of the run a result file belongs to (a run id, `tracker:` id or file Uri, as openChart takes). */
  openChart(arg?: unknown): Promise<void>;
}

export function register(context: vscode.ExtensionContext, services: Services): ChartOpener {
  const panels = new ChartPanels(services, context.extensionUri);
  const runs = services.runs;

  /** Argument: a run id, a `tracker:<label>` id (opens the trend, where tracker runs live), or a run file's Uri. */
  const openChart = async (arg?: unknown): Promise<void> => {
    await runs.whenReady();
    if (typeof arg === 'string' && arg.startsWith('tracker:')) return panels.open({ kind: 'trend' });
    let run = typeof arg === 'string' ? runs.getRun(arg) : arg instanceof vscode.Uri ? runs.runForFile(arg) : await pickRun(runs);
    if (!run && arg !== undefined) {
      const what = arg instanceof vscode.Uri ? vscode.workspace.asRelativePath(arg) : String(arg);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a Locust run in this workspace (expected a file such as PREFIX_stats.csv). Pick a run instead.', what));
      run = await pickRun(runs);
    }
    if (run) panels.open({ kind: 'run', runId: run.id });
  };

  /** Argument: run ids, reference first; one id compares it with the run before it. */
  const compareRuns = async (arg?: unknown): Promise<void> => {
    await runs.whenReady();
    if (typeof arg === 'string') {
      const previous = runs.previousRun(arg);
      if (previous) return panels.open({ kind: 'compare', runIds: [previous.id, arg] });
    }
    const given = parseTarget({ kind: 'compare', runIds: arg });
    if (given?.kind === 'compare' && given.runIds.every((id) => runs.getRun(id))) return panels.open(given);
    const chosen = await pickRunsToCompare(runs);
    if (chosen) panels.open({ kind: 'compare', runIds: chosen.map((run) => run.id) });
  };

  /** Argument: a tracker Uri or a tree node (`entry.uri`); without one, the active tracker, the only one, or a pick. */
  const showProgress = async (arg?: unknown): Promise<void> => {
    const uri = await pickTracker(services, arg);
    if (uri) panels.open({ kind: 'progress', file: uri.toString() });
  };

  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand(Commands.showProgress, showProgress),
    vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, panels),
    vscode.commands.registerCommand(Commands.openChart, openChart),
    vscode.commands.registerCommand(Commands.compareRuns, compareRuns),
    vscode.commands.registerCommand(Commands.showTrend, () => panels.open({ kind: 'trend' })),
  );
  return { openChart };
}
