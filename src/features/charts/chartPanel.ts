// One chart panel: the webview, its handshake (data only after "ready"), refreshes when the run files, the
// tracker summaries, the baseline or the threshold change, and the messages it sends (validated first).
import * as vscode from 'vscode';
import type { LocustRun } from '../../core/locust';
import type { Services } from '../../services';
import type { LiveRun } from '../../services/liveRuns';
import { describeError } from '../../services/logger';
import { Settings } from '../../services/settings';
import { assertNever } from '../../shared/never';
import type { ChartKind, ChartTarget, HostMessage } from '../../shared/protocol';
import { Disposable } from '../../util/dispose';
import { runLabel } from '../../util/runText';
import { Commands } from '../commands';
import type { HistoryRange } from '../../core/history/range';
import { exportPng } from './exportPng';
import { exportReport } from './exportReport';
import { openTaskLine } from './openTaskLine';
import { progressViewData } from './progressViewData';
import { chartHtml, webviewOptions } from './html';
import { webviewStrings } from '../../core/report/strings';
import { limitsOf } from '../../services/trackerLimits';
import { compareTitle, progressTitle, runTitle, trendTitle } from '../../core/report/titles';
import { parseWebviewMessage } from './validateMessage';
import { compareViewData, LIVE_WINDOW_MS, runViewData, trendViewData, type SeenModified } from './viewData';

export const CHART_VIEW_TYPE = 'executionTracker.chart';

export function targetKey(target: ChartTarget): string {
  switch (target.kind) {
    case 'run':
      return `run:${target.runId}`;
    case 'compare':
      return `compare:${target.runIds.join('\n')}`;
    case 'trend':
      return 'trend';
    case 'progress':
      return `progress:${target.file}`;
    default:
      return assertNever(target, 'chart kind');
  }
}

/** What a panel of each kind follows: the trend and compare also tracker text (and the baseline), run panels only
 * their files; the progress panel follows the tracker's git history instead (see the constructor). */
function followsEverything(kind: ChartKind): boolean {
  switch (kind) {
    // The trend shows tracker summaries and the baseline; compare draws the tracker's criteria as thresholds.
    case 'trend':
    case 'compare':
      return true;
    case 'run':
    case 'progress':
      return false;
    default:
      return assertNever(kind, 'chart kind');
  }
}

export class ChartPanel extends Disposable {
  private readonly _onDidDispose = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this._onDidDispose.event;
  private ready = false;
  /** Drops the result of a load that a newer one overtook. */
  private loads = 0;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly seen: SeenModified = new Map();
  /** Progress panels: the range whose task changes are listed. */
  private range: HistoryRange = { kind: 'thisWeek' };
  /** What the webview shows now: the report exports exactly this. */
  private shown: HostMessage | undefined;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    readonly target: ChartTarget,
    private readonly services: Services,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    panel.webview.options = webviewOptions(extensionUri);
    panel.title = this.fallbackTitle();
    panel.webview.html = chartHtml(panel.webview, extensionUri, panel.title, vscode.l10n.t('Loading…'));
    this._register({ dispose: () => clearTimeout(this.liveTimer) });
    this._register(panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)));
    this._register(panel.onDidDispose(() => this.dispose()));
    const runs = services.runs;
    if (target.kind === 'progress') this._register(services.history.onDidChange(() => void this.refresh()));
    else this._register(followsEverything(target.kind) ? runs.onDidChange(() => void this.refresh()) : runs.onDidChangeFiles(() => void this.refresh()));
    // A run panel follows its load test while it runs (new rows, elapsed time), and once more when it ends.
    if (target.kind === 'run') this._register(services.live.onDidChange(() => this.liveChanged()));
    this._register(
      services.settings.onDidChange((event) => {
        if (target.kind === 'compare' && Settings.affects(event, 'charts.regressionThresholdPercent')) void this.refresh();
      }),
    );
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this._onDidDispose.fire();
    super.dispose();
    this.panel.dispose();
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  private fallbackTitle(): string {
    const t = this.target;
    switch (t.kind) {
      case 'trend':
        return trendTitle();
      case 'run':
        return runTitle(this.labelOf(t.runId));
      case 'progress':
        return progressTitle(vscode.Uri.parse(t.file).path.split('/').pop() ?? t.file);
      case 'compare':
        return compareTitle(t.runIds.map((id) => this.labelOf(id)));
      default:
        return assertNever(t, 'chart kind');
    }
  }

  private labelOf(id: string): string {
    const run = this.services.runs.getRun(id);
    return run ? runLabel(run) : (id.split('/').pop() ?? id);
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.services.logger.warn(`Chart panel: ignored a malformed message from the webview (${typeof raw}).`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        void this.refresh();
        break;
      case 'exportPng':
        void exportPng(message.dataUrl, message.fileName, this.services.logger);
        break;
      case 'exportReport':
        void exportReport(this.shown, this.extensionUri, this.services.logger);
        break;
      case 'openRun':
        if (this.services.runs.getRun(message.runId)) void vscode.commands.executeCommand(Commands.openChart, message.runId);
        break;
      case 'pickRange':
        this.range = message.range;
        void this.refresh();
        break;
      case 'openTask':
        if (this.target.kind === 'progress') {
          openTaskLine(vscode.Uri.parse(this.target.file), message.line, message.text).catch((error) => this.services.logger.error(`Opening a task from the Progress panel: ${describeError(error)}`));
        }
        break;
    }
  }

  /** Reads the data again and sends it; before the webview said "ready" there is no one to send it to. */
  async refresh(): Promise<void> {
    if (!this.ready || this.isDisposed) return;
    const load = ++this.loads;
    let message: HostMessage;
    try {
      message = await this.build();
    } catch (error) {
      this.services.logger.error(`Chart panel ${targetKey(this.target)}: ${describeError(error)}`);
      message = this.failed(vscode.l10n.t('The chart could not be built: {0}. See the Execution Tracker output for details.', describeError(error)));
    }
    if (load !== this.loads || this.isDisposed) return;
    this.panel.title = message.title;
    this.shown = message;
    void this.panel.webview.postMessage(message);
  }

  private failed(text: string): HostMessage {
    return { type: 'failed', target: this.target, title: this.fallbackTitle(), strings: webviewStrings(), message: text };
  }

  private async build(): Promise<HostMessage> {
    const runs = this.services.runs;
    const strings = webviewStrings();
    if (this.target.kind !== 'progress') await runs.whenReady();
    const target = this.target;
    switch (target.kind) {
      case 'progress': {
        const data = await progressViewData(this.services.history, vscode.Uri.parse(target.file), this.range, new Date());
        return 'error' in data ? this.failed(data.error) : { type: 'render', target, title: this.fallbackTitle(), strings, data };
      }
      case 'trend':
        return { type: 'render', target, title: this.fallbackTitle(), strings, data: await trendViewData(runs) };
      case 'run': {
        const run = this.services.runs.getRun(target.runId);
        if (!run) return this.missing([target.runId]);
        const data = await runViewData(runs, run, this.seen, this.liveRun());
        this.scheduleLiveEnd(data.run.live);
        return { type: 'render', target, title: this.fallbackTitle(), strings, data };
      }
      case 'compare': {
        const found = this.runsOf(target.runIds);
        if (!found) return this.missing(target.runIds);
        const limits = limitsOf(this.services.trackers.trackers()).flatMap((t) => t.limits);
        const data = await compareViewData(runs, found, this.services.settings.regressionThresholdPercent, limits, this.seen);
        this.scheduleLiveEnd(data.runs.some((r) => r.live));
        return { type: 'render', target, title: this.fallbackTitle(), strings, data };
      }
      default:
        return assertNever(target, 'chart kind');
    }
  }

  /** Every run of the ids, or undefined when one of them is gone. */
  private runsOf(ids: readonly string[]): LocustRun[] | undefined {
    const list = ids.map((id) => this.services.runs.getRun(id));
    return list.every((run): run is LocustRun => run !== undefined) ? list : undefined;
  }

  private missing(ids: readonly string[]): HostMessage {
    const gone = ids.filter((id) => !this.services.runs.getRun(id));
    return this.failed(vscode.l10n.t('Run {0} is no longer in the workspace: its result files were moved, renamed or deleted. Close this panel, or restore the files.', gone.map((id) => `"${id}"`).join(', ')));
  }

  private wasLive = false;

  private liveChanged(): void {
    const live = this.liveRun() !== undefined;
    if (live || this.wasLive) void this.refresh();
    this.wasLive = live;
  }

  /** The running load test this run panel shows, when the extension is following it. */
  private liveRun(): LiveRun | undefined {
    if (this.target.kind !== 'run') return undefined;
    const run = this.services.runs.getRun(this.target.runId);
    const history = run && this.services.runs.uriOf(run, 'history');
    return history ? this.services.live.forHistoryFile(history.fsPath) : undefined;
  }

  /** A live run that stops changing is shown as finished once the window has passed without a file event. */
  private scheduleLiveEnd(live: boolean): void {
    clearTimeout(this.liveTimer);
    if (live) this.liveTimer = setTimeout(() => void this.refresh(), LIVE_WINDOW_MS + 1000);
  }
}
