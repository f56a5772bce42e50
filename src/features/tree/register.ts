// The "Tracker" view: tree, checkboxes, filters and the commands in its title bar.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { describeError } from '../../services/logger';
import type { RenderedTask, SetTaskStateRequest } from '../../services/trackerEdits';
import { ContextKey } from '../../util/contextKey';
import { Commands } from '../commands';
import { FilterState } from './filterState';
import type { TrackerNode } from './nodes';
import { WeekChanges } from './weekChanges';
import { TrackerTreeProvider } from './trackerTreeProvider';
import { registerTrackerFileCommands } from './trackerFileCommands';

export const TREE_VIEW_ID = 'executionTracker.tree';

export function register(context: vscode.ExtensionContext, services: Services): void {
  const filter = new FilterState(context.workspaceState);
  const weekChanges = new WeekChanges(services.settings, services.history);
  context.subscriptions.push(weekChanges);
  const provider = new TrackerTreeProvider(services.trackers, filter, services.findings, services.logger, weekChanges);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    // Ticking a task must not tick its parent or children: each checkbox is one line in the file.
    manageCheckboxStateManually: true,
  });
  context.subscriptions.push(filter, provider, view);

  // The welcome view ("no tracker found") waits for the first search, so it does not flash while loading.
  const loaded = new ContextKey<boolean>('executionTracker.loaded');
  void services.trackers.whenReady().then(() => provider.whenIdle()).then(() => loaded.set(true));

  const updateMessage = () => {
    view.message = provider.filterMessage();
  };
  updateMessage();
  // Shows "Reveal Current Line in Tracker" in the editor's context menu only where it can work.
  const activeIsTracker = new ContextKey<boolean>('executionTracker.activeEditorIsTracker');
  const updateActiveIsTracker = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    activeIsTracker.set(uri !== undefined && services.trackers.isTracker(uri));
  };
  updateActiveIsTracker();
  context.subscriptions.push(
    provider.onDidChangeTreeData(updateMessage),
    services.trackers.onDidChange(updateActiveIsTracker),
    vscode.window.onDidChangeActiveTextEditor(updateActiveIsTracker),
    view.onDidChangeCheckboxState((event) => tickFromTree(event, provider, services)),
    vscode.commands.registerCommand(Commands.refresh, () => services.trackers.rescan()),
    vscode.commands.registerCommand(Commands.hideCompleted, () => filter.set({ hideCompleted: true })),
    vscode.commands.registerCommand(Commands.showCompleted, () => filter.set({ hideCompleted: false })),
    vscode.commands.registerCommand(Commands.showCurrentWeek, () => filter.set({ currentWeekOnly: true })),
    vscode.commands.registerCommand(Commands.showAllWeeks, () => filter.set({ currentWeekOnly: false })),
    vscode.commands.registerCommand(Commands.revealInTree, () => revealCursorLine(view, provider, services)),
  );
  registerTrackerFileCommands(context, services);
}

async function tickFromTree(event: vscode.TreeCheckboxChangeEvent<TrackerNode>, provider: TrackerTreeProvider, services: Services): Promise<void> {
  // One request per file and target state, so each file's change is one undo step.
  const requests = new Map<string, SetTaskStateRequest & { tasks: RenderedTask[] }>();
  for (const [node, state] of event.items) {
    if (node.kind !== 'task') continue;
    // The row's line as it was rendered; the edit service finds it again in the text as it is now (a click can
    // land on a row from an older render, after a tick the tree has not shown yet) and sets the clicked state.
    const lineText = node.entry.lineAt(node.task.line);
    if (lineText === undefined) continue;
    const checked = state === vscode.TreeItemCheckboxState.Checked;
    const key = `${node.entry.uri.toString()}|${checked}`;
    let request = requests.get(key);
    if (!request) {
      request = { uri: node.entry.uri, tasks: [], checked, saveIfClean: true };
      requests.set(key, request);
    }
    request.tasks.push({ line: node.task.line, lineText });
  }

  services.logger.info(`Tree checkbox: ${event.items.length} row(s) clicked, ${[...requests.values()].map((r) => `${r.tasks.length} to ${r.checked ? 'tick' : 'untick'}`).join(', ') || 'none of them a task'}.`);
  let rerender = requests.size === 0;
  for (const request of requests.values()) {
    try {
      const outcome = await services.edits.setTaskState(request);
      if (!outcome.ok || outcome.refused > 0) rerender = true;
    } catch (error) {
      rerender = true;
      const file = vscode.workspace.asRelativePath(request.uri);
      services.logger.error(`Ticking from the tree failed for ${file}: ${describeError(error)}`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Execution Tracker: could not update {0}: {1}. See the "Execution Tracker" output for details.', file, describeError(error)),
      );
    }
  }
  // The checkbox already shows the click; when the file did not change accordingly, put it back.
  if (rerender) provider.refresh();
}

async function revealCursorLine(view: vscode.TreeView<TrackerNode>, provider: TrackerTreeProvider, services: Services): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: open a tracker file in the editor first.'));
    return;
  }
  const uri = editor.document.uri;
  await provider.whenIdle();
  const node = provider.nodeForLine(uri, editor.selection.active.line);
  if (!node) {
    const add = vscode.l10n.t('Add as Tracker');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Execution Tracker: {0} is not a tracker file.', vscode.workspace.asRelativePath(uri)),
      add,
    );
    if (choice === add) await vscode.commands.executeCommand(Commands.addTrackerFile, uri);
    return;
  }
  try {
    // reveal() also opens the view when it is hidden.
    await view.reveal(node, { select: true, focus: false, expand: true });
  } catch (error) {
    services.logger.warn(`Reveal in tree failed for ${uri.toString()}: ${describeError(error)}`);
  }
}
