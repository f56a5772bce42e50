// The "Runs" view below the Tracker view, and the baseline commands of its context menu.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { ContextKey } from '../../util/contextKey';
import { Commands } from '../commands';
import type { RunNode } from './nodes';
import { RunsTreeProvider } from './runsTreeProvider';

export const RUNS_VIEW_ID = 'executionTracker.runs';

export function register(context: vscode.ExtensionContext, services: Services): void {
  const provider = new RunsTreeProvider(services.runs, services.trackers, services.logger);
  const view = vscode.window.createTreeView(RUNS_VIEW_ID, { treeDataProvider: provider });
  // "Clear Baseline" is offered in the palette only when there is one to clear.
  const hasBaseline = new ContextKey<boolean>('executionTracker.hasBaseline');
  const updateHasBaseline = () => hasBaseline.set(services.runs.baselineId !== undefined);
  updateHasBaseline();
  context.subscriptions.push(
    provider,
    view,
    services.runs.onDidChange(updateHasBaseline),
    vscode.commands.registerCommand(Commands.setBaseline, (target?: RunNode | string) => setBaseline(services, target)),
    vscode.commands.registerCommand(Commands.clearBaseline, () => services.runs.setBaseline(undefined)),
  );
}

async function setBaseline(services: Services, target: RunNode | string | undefined): Promise<void> {
  const id = typeof target === 'string' ? target : target?.id;
  if (!id) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Choose a run in the Runs view and use "Set as Baseline" from its context menu.'));
    return;
  }
  await services.runs.whenReady();
  if (!services.runs.getRun(id) && !services.runs.trackerRun(id)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Run "{0}" is not in the workspace or the tracker any more.', id));
    return;
  }
  await services.runs.setBaseline(id);
}
