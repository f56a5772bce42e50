// The "Tracker" view as VS Code sees it: tree items from the nodes that TrackerTreeData rendered (one render per
// change, see treeData.ts). The store already debounces edits, so this class never parses.
import * as vscode from 'vscode';
import type { FindingsService } from '../../services/findings';
import { describeError, type Logger } from '../../services/logger';
import type { TrackerStore } from '../../services/trackerStore';
import { Disposable } from '../../util/dispose';
import type { FilterState } from './filterState';
import { headingAtLine, type BuiltTracker, type TrackerNode } from './nodes';
import { TrackerTreeData } from './treeData';
import { nodeLabel, toTreeItem } from './treeItems';
import type { WeekChanges } from './weekChanges';

export class TrackerTreeProvider extends Disposable implements vscode.TreeDataProvider<TrackerNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TrackerNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly data: TrackerTreeData;

  constructor(
    private readonly store: TrackerStore,
    private readonly filter: FilterState,
    findings: FindingsService,
    logger: Logger,
    private readonly weekChanges?: WeekChanges,
  ) {
    super();
    this.data = new TrackerTreeData(
      { trackers: store, findings, filter },
      () => this._onDidChangeTreeData.fire(undefined),
      (error) => logger.error(`Rendering the Tracker view failed: ${describeError(error)}`),
    );
    this._register(this.data);
    // The week deltas arrive from git in the background: the items are redrawn through the same pipeline.
    if (weekChanges) this._register(weekChanges.onDidChange(() => this.refresh()));
  }

  /** Re-render from the store's current models (also puts a refused checkbox click back). */
  refresh(): void {
    this.data.refresh();
  }

  /** Resolves once the newest render is shown, so a reveal does not race a re-render. */
  whenIdle(): Promise<void> {
    return this.data.whenIdle();
  }

  getTreeItem(node: TrackerNode): vscode.TreeItem {
    const filter = this.filter.current;
    return toTreeItem(node, {
      isAdded: (uri) => this.store.isAdded(uri),
      expandAll: filter.hideCompleted || filter.currentWeekOnly,
      weekDelta: this.weekChanges ? (uri, week, done) => this.weekChanges!.delta(uri, week, done) : undefined,
    });
  }

  getChildren(node?: TrackerNode): TrackerNode[] {
    if (node) return node.children;
    return [...this.trackers().values()].map((built) => built.root);
  }

  getParent(node: TrackerNode): TrackerNode | undefined {
    return node.parent;
  }

  /** A short line above the tree saying what the filters hide, or undefined when nothing is hidden. */
  filterMessage(): string | undefined {
    const filter = this.filter.current;
    if (filter.currentWeekOnly) {
      const weeks = [...this.trackers().values()].flatMap((built) => {
        const week = built.currentWeek && built.headingNodes.get(built.currentWeek.headingIndex);
        return week ? [nodeLabel(week)] : [];
      });
      return weeks.length > 0
        ? vscode.l10n.t('Open tasks of the current week: {0}', weeks.join(', '))
        : vscode.l10n.t('No week has open tasks.');
    }
    return filter.hideCompleted ? vscode.l10n.t('Completed tasks are hidden.') : undefined;
  }

  /**
   * The node to reveal for a line: the task on it, else the innermost heading around it that the tree shows,
   * else the file. Undefined when the file is not a tracker.
   */
  nodeForLine(uri: vscode.Uri, line: number): TrackerNode | undefined {
    const built = this.trackers().get(uri.toString());
    if (!built) return undefined;
    const model = built.root.entry.model;
    const taskIndex = model.tasks.findIndex((task) => task.line === line);
    // A task the filter hides is represented by its closest shown parent task, then its heading.
    for (let index = taskIndex; index >= 0; index = model.tasks[index].parentTaskIndex) {
      const taskNode = built.taskNodes.get(index);
      if (taskNode) return taskNode;
    }
    let headingIndex = taskIndex >= 0 ? model.tasks[taskIndex].headingIndex : headingAtLine(model, line);
    while (headingIndex >= 0) {
      const headingNode = built.headingNodes.get(headingIndex);
      if (headingNode) return headingNode;
      headingIndex = model.headings[headingIndex].parentIndex;
    }
    return built.root;
  }

  private trackers(): ReadonlyMap<string, BuiltTracker> {
    return this.data.current();
  }
}
