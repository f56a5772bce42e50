// "+5 this week" on week nodes (setting executionTracker.tree.weekChangesThisWeek): done now, from the live
// model, minus done at the last commit before Monday, from the tracker's git history. The baselines load in
// the background; until one arrives (or where there is no history) the week shows no delta.
import * as vscode from 'vscode';
import { Settings } from '../../services/settings';
import type { TrackerHistoryService } from '../../services/trackerHistory';
import { Disposable } from '../../util/dispose';

export class WeekChanges extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private baselines = new Map<string, Map<number, number> | 'loading' | 'none'>();

  constructor(
    private readonly settings: Settings,
    private readonly history: TrackerHistoryService,
  ) {
    super();
    this._register(history.onDidChange(() => this.reset()));
    this._register(settings.onDidChange((event) => Settings.affects(event, 'tree.weekChangesThisWeek') && this.reset()));
  }

  private reset(): void {
    this.baselines = new Map();
    this._onDidChange.fire();
  }

  /** Done this week for `week` of the tracker at `uri`, or undefined (setting off, no history yet, no change). */
  delta(uri: vscode.Uri, week: number, doneNow: number): number | undefined {
    if (!this.settings.weekChangesThisWeek) return undefined;
    const key = uri.toString();
    const known = this.baselines.get(key);
    if (known === undefined) {
      this.baselines.set(key, 'loading');
      const map = this.baselines;
      void this.history.weekBaseline(uri).then((baseline) => {
        if (map !== this.baselines || this.isDisposed) return;
        map.set(key, baseline ?? 'none');
        if (baseline) this._onDidChange.fire();
      });
      return undefined;
    }
    if (known === 'loading' || known === 'none') return undefined;
    const delta = doneNow - (known.get(week) ?? 0);
    return delta === 0 ? undefined : delta;
  }
}

/** "+5 this week" / "−2 this week" (a real minus sign). */
export function weekDeltaText(delta: number): string {
  return delta > 0 ? vscode.l10n.t('+{0} this week', delta) : vscode.l10n.t('−{0} this week', -delta);
}
