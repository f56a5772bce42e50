// "$(checklist) 138/189 (73%)" for the active tracker: the one in the active editor, else the first one found.
import * as vscode from 'vscode';
import type { TrackerEntry } from '../../services/trackerEntry';
import type { TrackerStore } from '../../services/trackerStore';
import { Disposable } from '../../util/dispose';
import { fileName, percent } from '../../util/labels';
import { Commands } from '../commands';

export class ProgressStatusItem extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('executionTracker.progress', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly store: TrackerStore) {
    super();
    this.item.name = vscode.l10n.t('Execution Tracker Progress');
    this._register(store.onDidChange(() => this.update()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  private update(): void {
    const entry = activeTracker(this.store);
    if (!entry) {
      this.item.hide();
      return;
    }
    const { done, total } = entry.model.counted;
    const name = fileName(entry.uri);
    this.item.text = `$(checklist) ${done}/${total} (${percent(entry.model.counted)}%)`;
    this.item.tooltip = vscode.l10n.t(
      'Execution Tracker: {0} of {1} tasks done in {2} ({3}%). Click to list the open tasks.',
      done,
      total,
      vscode.workspace.asRelativePath(entry.uri),
      percent(entry.model.counted),
    );
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('{0}: {1} of {2} tasks done', name, done, total),
    };
    this.item.command = { command: Commands.showOpenTasks, title: vscode.l10n.t('Show Open Tasks'), arguments: [entry.uri] };
    this.item.show();
  }
}

export function activeTracker(store: TrackerStore): TrackerEntry | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && store.getEntry(active)) || store.trackers()[0];
}
