// The command contract between features: ids and argument shapes only, no behaviour. Features never import
// each other; they fire these commands.
import type * as vscode from 'vscode';
import type { ToggleTarget } from '../core/tracker/edits';

export const Commands = {
  toggleTask: 'executionTracker.toggleTask',
  /** Internal: set given tasks to one state (used by the tree's checkboxes). */
  setTaskState: 'executionTracker.setTaskState',
  revealInTree: 'executionTracker.revealInTree',
  showOpenTasks: 'executionTracker.showOpenTasks',
  addTrackerFile: 'executionTracker.addTrackerFile',
  removeTrackerFile: 'executionTracker.removeTrackerFile',
  refresh: 'executionTracker.refresh',
  hideCompleted: 'executionTracker.hideCompleted',
  showCompleted: 'executionTracker.showCompleted',
  showCurrentWeek: 'executionTracker.showCurrentWeek',
  showAllWeeks: 'executionTracker.showAllWeeks',
} as const;

export interface SetTaskStateRequest {
  readonly uri: vscode.Uri;
  /** Targets as read from the parsed text; each line is re-checked against the document before the edit. */
  readonly targets: readonly ToggleTarget[];
  readonly checked: boolean;
  /** Save the document afterwards when it had no unsaved changes before (ticking from outside the editor). */
  readonly saveIfClean: boolean;
}

export interface EditOutcome {
  readonly applied: number;
  readonly refused: number;
  /** False when VS Code rejected the edit as a whole (the document changed while it was being applied). */
  readonly ok: boolean;
}
