// The tree's two filters. Remembered per workspace and mirrored into context keys, which pick the toggled
// icon in the view title.
import * as vscode from 'vscode';
import { ContextKey } from '../../util/contextKey';
import { Disposable } from '../../util/dispose';
import type { TreeFilter } from './nodes';

const STATE_KEY = 'executionTracker.treeFilter';

export class FilterState extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private readonly hideCompletedKey = new ContextKey<boolean>('executionTracker.hideCompleted');
  private readonly currentWeekOnlyKey = new ContextKey<boolean>('executionTracker.currentWeekOnly');
  private value: TreeFilter;

  constructor(private readonly state: vscode.Memento) {
    super();
    const stored = state.get<Partial<TreeFilter>>(STATE_KEY) ?? {};
    this.value = { hideCompleted: stored.hideCompleted === true, currentWeekOnly: stored.currentWeekOnly === true };
    this.publish();
  }

  get current(): TreeFilter {
    return this.value;
  }

  set(change: Partial<TreeFilter>): void {
    this.value = { ...this.value, ...change };
    void this.state.update(STATE_KEY, this.value);
    this.publish();
    this._onDidChange.fire();
  }

  private publish(): void {
    this.hideCompletedKey.set(this.value.hideCompleted);
    this.currentWeekOnlyKey.set(this.value.currentWeekOnly);
  }
}
