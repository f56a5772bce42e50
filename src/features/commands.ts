// The extension's command ids: the ones VS Code itself calls (palette, menus, keybindings, tree and CodeLens
// items, the preview script). Features call each other through the services (services/index.ts), not these.

export const Commands = {
  toggleTask: 'executionTracker.toggleTask',
  /** The "Toggle Task" item of a task checkbox's context menu in the Markdown preview. */
  setTaskStateFromPreview: 'executionTracker.setTaskStateFromPreview',
  revealInTree: 'executionTracker.revealInTree',
  showOpenTasks: 'executionTracker.showOpenTasks',
  addTrackerFile: 'executionTracker.addTrackerFile',
  removeTrackerFile: 'executionTracker.removeTrackerFile',
  /** The welcome view's "Create a Tracker from a Template". */
  createTrackerFromTemplate: 'executionTracker.createTrackerFromTemplate',
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
