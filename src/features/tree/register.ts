// The "Tracker" view: tree, checkboxes, filters and the commands in its title bar.
import * as vscode from 'vscode';
import { targetFromTask } from '../../core/tracker/edits';
import type { TaskItem } from '../../core/tracker/model';
import type { Services } from '../../services';
import { describeError } from '../../services/logger';
import { ContextKey } from '../../util/contextKey';
import { Commands, type EditOutcome, type SetTaskStateRequest } from '../commands';
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
  const provider = new TrackerTreeProvider(services.trackers, filter, services.findings, weekChanges);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    // Ticking a task must not tick its parent or children: each checkbox is one line in the file.
    manageCheckboxStateManually: true,
  });
  context.subscriptions.push(filter, provider, view);

  // The welcome view ("no tracker found") waits for the first search, so it does not flash while loading.
  const loaded = new ContextKey<boolean>('executionTracker.loaded');
  void services.trackers.whenReady().then(() => loaded.set(true));

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

/** The task in `tasks` that is `stale` now: same text, nearest line; `stale` itself when it is gone. */
function currentTask(tasks: readonly TaskItem[], stale: TaskItem): TaskItem {
  let best: TaskItem | undefined;
  for (const task of tasks) {
    if (task.text !== stale.text) continue;
    if (!best || Math.abs(task.line - stale.line) < Math.abs(best.line - stale.line)) best = task;
  }
  return best ?? stale;
}

async function tickFromTree(
  event: vscode.TreeCheckboxChangeEvent<TrackerNode>,
  provider: TrackerTreeProvider,
  services: Services,
): Promise<void> {
  // One request per file and target state, so each file's change is one undo step.
  const requests = new Map<string, SetTaskStateRequest & { targets: ReturnType<typeof targetFromTask>[] }>();
  for (const [node, state] of event.items) {
    if (node.kind !== 'task') continue;
    // A click can land on a row rendered from an older parse (the tree was re-rendering); judge it against the
    // store's current parse, where the task may already show the previous tick.
    const entry = services.trackers.getEntry(node.entry.uri) ?? node.entry;
    const task = currentTask(entry.model.tasks, node.task);
    // The text the model was parsed from; setTaskState re-checks it against the document before editing.
    const lineText = entry.lineAt(task.line);
    if (lineText === undefined) continue;
    const checked = state === vscode.TreeItemCheckboxState.Checked;
    const key = `${node.entry.uri.toString()}|${checked}`;
    let request = requests.get(key);
    if (!request) {
      request = { uri: node.entry.uri, targets: [], checked, saveIfClean: true };
      requests.set(key, request);
    }
    request.targets.push(targetFromTask(task, lineText));
  }

  let rerender = requests.size === 0;
  for (const request of requests.values()) {
    try {
      const outcome = await vscode.commands.executeCommand<EditOutcome | undefined>(Commands.setTaskState, request);
      if (!outcome?.ok || outcome.applied < request.targets.length) rerender = true;
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
  await provider.whenSettled();
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
