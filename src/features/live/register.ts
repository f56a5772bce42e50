// A load test while it runs: a status bar item with its numbers (click: the live chart), "Stop Load Test"
// (SIGINT, so Locust writes its final files), and the context key that shows Stop only while one runs.
import * as vscode from 'vscode';
import { formatLiveTick } from '../../core/live/historyFollower';
import type { Services } from '../../services';
import type { LiveRun, LiveRuns } from '../../services/liveRuns';
import { ContextKey } from '../../util/contextKey';
import { Disposable } from '../../util/dispose';
import { Commands } from '../commands';

export const LiveCommands = {
  stopLoadTest: 'executionTracker.stopLoadTest',
  openLiveChart: 'executionTracker.openLiveChart',
} as const;

class LiveStatusItem extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('executionTracker.liveRun', vscode.StatusBarAlignment.Left, 49));
  private readonly running = new ContextKey<boolean>('executionTracker.loadTestRunning');

  constructor(private readonly live: LiveRuns) {
    super();
    this.item.name = vscode.l10n.t('Execution Tracker Load Test');
    this._register(live.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const runs = this.live.runs();
    this.running.set(runs.length > 0);
    const run = runs[runs.length - 1];
    if (!run) {
      this.item.hide();
      return;
    }
    const numbers = formatLiveTick(run.follower.latest, (Date.now() - run.startedAt) / 1000);
    const more = runs.length > 1 ? ` (+${runs.length - 1})` : '';
    this.item.text = `$(pulse) ${run.prefix.split('/').pop()}: ${run.stopping ? vscode.l10n.t('stopping…') : numbers}${more}`;
    this.item.tooltip = vscode.l10n.t('Load test {0} is running: {1}. Click to open its live chart; "Stop Load Test" ends it cleanly.', run.prefix, numbers);
    this.item.accessibilityInformation = { label: vscode.l10n.t('Load test {0} running: {1}', run.prefix, numbers) };
    this.item.command = { command: LiveCommands.openLiveChart, title: vscode.l10n.t('Open Live Chart'), arguments: [run.prefix] };
    this.item.show();
  }
}

/** The run a command means: the one whose prefix was given, the only one, or one picked. */
async function chooseRun(live: LiveRuns, prefix: unknown): Promise<LiveRun | undefined> {
  const runs = live.runs();
  const named = typeof prefix === 'string' ? runs.find((run) => run.prefix === prefix) : undefined;
  if (named || runs.length <= 1) return named ?? runs[0];
  const picked = await vscode.window.showQuickPick(runs.map((run) => ({ label: run.prefix, run })), { placeHolder: vscode.l10n.t('Which load test?') });
  return picked?.run;
}

/** Waits (up to 15 s) for the run store to list the file's run. */
function listed(services: Services, uri: vscode.Uri): Promise<boolean> {
  if (services.runs.runForFile(uri)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (found: boolean) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(found);
    };
    const timer = setTimeout(() => done(false), 15_000);
    const listener = services.runs.onDidChangeFiles(() => services.runs.runForFile(uri) && done(true));
  });
}

export function register(context: vscode.ExtensionContext, services: Services): void {
  const live = services.live;
  context.subscriptions.push(
    new LiveStatusItem(live),
    vscode.commands.registerCommand(LiveCommands.stopLoadTest, async (prefix?: unknown) => {
      const run = await chooseRun(live, prefix);
      if (!run) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: no load test is running.'));
        return;
      }
      await live.stop(run);
    }),
    vscode.commands.registerCommand(LiveCommands.openLiveChart, async (prefix?: unknown) => {
      const run = await chooseRun(live, prefix);
      if (!run) return;
      const stats = vscode.Uri.file(run.statsPath);
      // The run is listed once Locust wrote its first stats file (about a second after the start).
      if (!(await listed(services, stats))) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: {0} has not written its first results yet; try again in a few seconds.', run.prefix));
        return;
      }
      await vscode.commands.executeCommand(Commands.openChart, stats);
    }),
  );
}
