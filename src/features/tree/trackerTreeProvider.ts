// The "Tracker" view's data: rebuilt from the store whenever a tracker, its findings or a filter changes. The
// store already debounces edits, so this class never parses.
import * as vscode from 'vscode';
import type { Finding } from '../../core/checks/types';
import type { FindingsService } from '../../services/findings';
import type { TrackerStore } from '../../services/trackerStore';
import { Disposable } from '../../util/dispose';
import type { FilterState } from './filterState';
import { buildTracker, headingAtLine, type BuiltTracker, type TrackerNode } from './nodes';
import { nodeLabel, toTreeItem } from './treeItems';
import type { WeekChanges } from './weekChanges';

/** How long the tree waits for fresh findings before it shows changed tasks with the previous ones. */
const SLOW_FINDINGS_MS = 300;

export class TrackerTreeProvider extends Disposable implements vscode.TreeDataProvider<TrackerNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TrackerNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  /** Built lazily on the first getChildren after a change; undefined means stale. */
  private built: Map<string, BuiltTracker> | undefined;
  /** Check findings per tracker uri, as last computed; the tree shows them without waiting for new ones. */
  private findingsByUri = new Map<string, readonly Finding[]>();
  private findingsGeneration = 0;
  /** A tracker changed since the tree last rendered: the next update renders even if the findings did not. */
  private trackersChanged = false;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: TrackerStore,
    private readonly filter: FilterState,
    private readonly findings: FindingsService,
    private readonly weekChanges?: WeekChanges,
  ) {
    super();
    if (weekChanges) this._register(weekChanges.onDidChange(() => this.refresh()));
    // A tracker edit changes both the tasks and, a moment later, the findings. Rendering once for both keeps a
    // click from landing on rows that are about to be replaced (the workbench drops such clicks).
    this._register(
      store.onDidChange(() => {
        this.trackersChanged = true;
        void this.update();
      }),
    );
    this._register(filter.onDidChange(() => this.refresh()));
    this._register(findings.onDidChange(() => void this.update()));
    void this.update();
  }

  /**
   * Recomputes the findings of every tracker, then renders once if the trackers or the findings changed. An older
   * computation never overwrites a newer one; a slow one (evidence files still being read) does not hold back
   * the tasks: the tree renders with the previous findings and again when the new ones arrive.
   */
  private update(): Promise<void> {
    this.pending = this.computeAndRender();
    return this.pending;
  }

  /** Resolves once no findings computation is running, so a reveal does not race a re-render. */
  async whenSettled(): Promise<void> {
    for (let current = this.pending; ; current = this.pending) {
      await current;
      if (current === this.pending) return;
    }
  }

  private async computeAndRender(): Promise<void> {
    const generation = ++this.findingsGeneration;
    await this.store.whenReady();
    const computing = this.computeFindings();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), SLOW_FINDINGS_MS)));
    const first = await Promise.race([computing, slow]);
    clearTimeout(timer);
    if (first === 'slow' && generation === this.findingsGeneration && this.trackersChanged) this.refresh();
    const next = await computing;
    if (generation !== this.findingsGeneration || this.isDisposed) return;
    if (!this.trackersChanged && sameFindings(this.findingsByUri, next)) return;
    this.findingsByUri = next;
    this.refresh();
  }

  private async computeFindings(): Promise<Map<string, readonly Finding[]>> {
    const next = new Map<string, readonly Finding[]>();
    if (!this.findings.enabled) return next;
    for (const entry of this.store.trackers()) {
      next.set(entry.uri.toString(), await this.findings.forEntry(entry).catch(() => []));
    }
    return next;
  }

  /** Re-render from the store's current models (also puts a refused checkbox click back). */
  refresh(): void {
    this.trackersChanged = false;
    this.built = undefined;
    this._onDidChangeTreeData.fire(undefined);
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

  private trackers(): Map<string, BuiltTracker> {
    if (!this.built) {
      const filter = this.filter.current;
      this.built = new Map(this.store.trackers().map((entry) => [entry.uri.toString(), buildTracker(entry, filter, this.findingsByUri.get(entry.uri.toString()))]));
    }
    return this.built;
  }
}

function sameFindings(a: ReadonlyMap<string, readonly Finding[]>, b: ReadonlyMap<string, readonly Finding[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [uri, findings] of a) {
    const other = b.get(uri);
    if (!other || other.length !== findings.length) return false;
    if (findings.some((f, i) => f.rule !== other[i].rule || f.line !== other[i].line || f.message !== other[i].message || f.severity !== other[i].severity)) return false;
  }
  return true;
}
