// The Stack view: the chosen stack's services with their state from `compose ps`, refreshed after every
// compose task and every few seconds while the view is visible. A stale answer (an older refresh finishing
// after a newer one) is dropped.
import * as vscode from 'vscode';
import { describeServiceState, type ServiceStatus } from '../../core/launch';
import { Disposable } from '../../util/dispose';
import { TaskTypes } from '../tasks/taskFactory';
import type { StackClient, StackChoice } from './stackClient';

export const STACK_VIEW_ID = 'executionTracker.stack';
const REFRESH_MS = 5_000;

export type StackNode = { readonly kind: 'service'; readonly status: ServiceStatus } | { readonly kind: 'problem'; readonly message: string };

const ICONS: Record<ServiceStatus['state'], [string, string | undefined]> = {
  running: ['pass-filled', 'testing.iconPassed'],
  restarting: ['sync', 'problemsWarningIcon.foreground'],
  paused: ['debug-pause', undefined],
  exited: ['error', 'problemsErrorIcon.foreground'],
  created: ['circle-outline', undefined],
  dead: ['error', 'problemsErrorIcon.foreground'],
  missing: ['circle-outline', undefined],
  unknown: ['question', undefined],
};

export class StackView extends Disposable implements vscode.TreeDataProvider<StackNode> {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: StackNode[] = [];
  private generation = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly view: vscode.TreeView<StackNode>;

  constructor(
    private readonly client: StackClient,
    private readonly currentStack: () => StackChoice | undefined,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(STACK_VIEW_ID, { treeDataProvider: this, showCollapseAll: false }));
    this._register(this.view.onDidChangeVisibility(() => this.schedule()));
    this._register(vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution.task.definition.type === TaskTypes.compose) void this.refresh();
    }));
    this._register({ dispose: () => this.stopTimer() });
    this.schedule();
  }

  /** Re-reads the services' states now. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const stack = this.currentStack();
    if (!stack || !vscode.workspace.isTrusted) {
      this.set(generation, [], undefined);
      return;
    }
    const checked = await this.client.status(stack);
    if (checked.ok) this.set(generation, checked.status.map((status) => ({ kind: 'service', status })), `${stack.files.join(' + ')}${stack.profiles.length ? ` (${stack.profiles.join(', ')})` : ''}`);
    else this.set(generation, [{ kind: 'problem', message: checked.message.replace(/^Execution Tracker: /, '') }], stack.files.join(' + '));
  }

  getTreeItem(node: StackNode): vscode.TreeItem {
    if (node.kind === 'problem') {
      const item = new vscode.TreeItem(node.message);
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.tooltip = node.message;
      item.contextValue = 'stackProblem';
      return item;
    }
    const s = node.status;
    const item = new vscode.TreeItem(s.service);
    item.id = `service:${s.service}`;
    item.description = s.status || describeServiceState(s).replace(s.service, '').trim();
    const [icon, color] = ICONS[s.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.tooltip = `${describeServiceState(s)}${s.containers > 1 ? ` (${vscode.l10n.t('{0} containers', s.containers)})` : ''}`;
    // Menus pick Stop or Start from this: running services can be stopped and opened in a shell.
    item.contextValue = s.state === 'running' ? 'stackService.running' : 'stackService.stopped';
    return item;
  }

  getChildren(node?: StackNode): StackNode[] {
    return node ? [] : this.nodes;
  }

  private set(generation: number, nodes: StackNode[], description: string | undefined): void {
    if (generation !== this.generation || this.isDisposed) return;
    this.nodes = nodes;
    this.view.description = description;
    this.changed.fire();
  }

  /** Polls only while someone can see the view. */
  private schedule(): void {
    if (this.view.visible) {
      void this.refresh();
      this.timer ??= setInterval(() => void this.refresh(), REFRESH_MS);
    } else {
      this.stopTimer();
    }
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
