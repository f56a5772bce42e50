// The command contract between features: ids and argument shapes only, no behaviour. Features never import
// each other; they fire these commands.
import type * as vscode from 'vscode';
import type { ToggleTarget } from '../core/tracker/edits';

export const Commands = {
  toggleTask: 'executionTracker.toggleTask',
  /** Internal: set given tasks to one state (used by the tree's checkboxes). */
  setTaskState: 'executionTracker.setTaskState',
  /** The "Toggle Task" item of a task checkbox's context menu in the Markdown preview. */
  setTaskStateFromPreview: 'executionTracker.setTaskStateFromPreview',
  revealInTree: 'executionTracker.revealInTree',
  showOpenTasks: 'executionTracker.showOpenTasks',
  addTrackerFile: 'executionTracker.addTrackerFile',
  removeTrackerFile: 'executionTracker.removeTrackerFile',
  refresh: 'executionTracker.refresh',
  hideCompleted: 'executionTracker.hideCompleted',
  showCompleted: 'executionTracker.showCompleted',
  showCurrentWeek: 'executionTracker.showCurrentWeek',
  showAllWeeks: 'executionTracker.showAllWeeks',
  /** Chart panel of one run: argument the run id (RunStore). */
  openChart: 'executionTracker.openChart',
  /** Compare runs: argument an array of run ids, reference first; without one, a picker. */
  compareRuns: 'executionTracker.compareRuns',
  showTrend: 'executionTracker.showTrend',
  /** Progress panel of a tracker: argument a tracker Uri or a tree node with `entry.uri`; without one, the active or only tracker. */
  showProgress: 'executionTracker.showProgress',
  /** Open an evidence reference; with several matching files, a pick. Argument: OpenEvidenceArgs, or none (cursor). */
  openEvidence: 'executionTracker.openEvidence',
  /** Open a run's CSV: arguments run id and optionally the file uri string; without them, a picker. */
  openCsv: 'executionTracker.openCsv',
  /** Argument: a Runs view item or a run id (CSV run id or `tracker:<label>`). */
  setBaseline: 'executionTracker.setBaseline',
  clearBaseline: 'executionTracker.clearBaseline',
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
