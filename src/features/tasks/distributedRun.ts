// A distributed load test from the editor: one task for the master and one per local worker, watched as one
// run. The master's own log (its `--logfile`) says how many workers are connected, which the progress
// notification shows; ending any of the run's tasks from the editor stops the whole run; a worker that dies is
// reported while Locust carries on; when the master gives up waiting, the workers still waiting are stopped.
import { open, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { isWildcardAddress, MasterLogReader, type DistributedPlan, type MasterLogEvent } from '../../core/launch';
import { describeError, type Logger } from '../../services/logger';
import { Disposable } from '../../util/dispose';
import type { LaunchSettings } from './launchSettings';
import { createTask, type TaskDefinitionLike } from './taskFactory';

/** How a run ended, for the results notification: only a run that got to start has results worth offering. */
export type RunOutcome = 'finished' | 'gaveUp' | 'cancelled';

const LOG_POLL_MS = 500;
/** After the master ends, workers get this long to follow its quit message before their tasks are ended. */
const WORKER_GRACE_MS = 5000;

interface ActiveRun {
  readonly id: string;
  readonly name: string;
  readonly expected: number;
  readonly logPath: string;
  readonly address: string;
  readonly waitSeconds: number;
  readonly reader: MasterLogReader;
  readonly executions: Set<vscode.TaskExecution>;
  connected: number;
  started: boolean;
  gaveUp: boolean;
  /** Workers connected when the master gave up (the master's quit makes them leave right after). */
  connectedAtGiveUp: number;
  cancelled: boolean;
  ended: boolean;
  offset: number;
  progress?: vscode.Progress<{ message?: string }>;
  finishProgress?: () => void;
  outcome: Promise<RunOutcome>;
  settle: (outcome: RunOutcome) => void;
}

export interface DistributedLaunch {
  readonly folder: vscode.WorkspaceFolder;
  readonly name: string;
  /** The master's task definition; worker definitions are derived from it. */
  readonly definition: TaskDefinitionLike;
  readonly plan: DistributedPlan;
  readonly settings: LaunchSettings;
  /** The master's log file, relative to the folder. */
  readonly logFile: string;
}

export class DistributedRuns extends Disposable {
  private readonly runs = new Map<string, ActiveRun>();
  private nextId = 1;

  constructor(private readonly logger: Logger) {
    super();
    this._register(vscode.tasks.onDidEndTaskProcess((event) => void this.onEnd(event.execution, event.exitCode)));
    this._register({ dispose: () => this.runs.forEach((run) => run.finishProgress?.()) });
  }

  /** Starts the master, then the local workers; resolves once all their tasks have started. */
  async start(launch: DistributedLaunch): Promise<void> {
    const id = `${Date.now().toString(36)}-${this.nextId++}`;
    const logPath = isAbsolute(launch.logFile) ? launch.logFile : join(launch.folder.uri.fsPath, launch.logFile);
    // Locust appends to its log file; a previous run's lines would be read as this run's.
    await rm(logPath, { force: true });
    let settle: (outcome: RunOutcome) => void = () => {};
    const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
    const run: ActiveRun = {
      id, name: launch.name, expected: launch.plan.expectedWorkers, logPath, address: `${launch.plan.bindHost}:${launch.plan.port}`,
      waitSeconds: launch.settings.workersWaitSeconds, reader: new MasterLogReader(), executions: new Set(),
      connected: 0, started: false, gaveUp: false, connectedAtGiveUp: 0, cancelled: false, ended: false, offset: 0, outcome, settle,
    };
    this.runs.set(id, run);
    this.showProgress(run);
    const master = { ...launch.definition, run: id };
    try {
      run.executions.add(await vscode.tasks.executeTask(createTask(master, launch.folder, `${launch.name} (master)`, launch.settings)));
      // Only the master writes the log, the results and the report.
      const shared = withoutKeys(launch.definition, ['logFile', 'csvPrefix', 'html', 'fullHistory']);
      for (let index = 1; index <= launch.plan.workers.length; index++) {
        const worker: TaskDefinitionLike = { ...shared, run: id, role: 'worker', worker: index, masterHost: isWildcardAddress(launch.plan.bindHost) ? '127.0.0.1' : launch.plan.bindHost };
        run.executions.add(await vscode.tasks.executeTask(createTask(worker, launch.folder, `${launch.name} (worker ${index})`, launch.settings)));
      }
    } catch (error) {
      this.stop(run, true);
      throw error;
    }
    void this.follow(run);
  }

  /** The outcome of the run a task belongs to; undefined for tasks of no distributed run of this session. */
  outcomeOf(definition: vscode.TaskDefinition): Promise<RunOutcome> | undefined {
    return typeof definition.run === 'string' ? this.runs.get(definition.run)?.outcome : undefined;
  }

  private showProgress(run: ActiveRun): void {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Distributed load test {0}', run.name), cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          run.progress = progress;
          run.finishProgress = resolve;
          progress.report({ message: this.status(run) });
          token.onCancellationRequested(() => {
            if (run.ended) return;
            this.logger.info(`Distributed load test ${run.name}: cancelled from its progress notification`);
            this.stop(run, true);
          });
        }),
    );
  }

  private status(run: ActiveRun): string {
    const count = vscode.l10n.t('{0} of {1} workers connected', run.connected, run.expected);
    if (run.started) return vscode.l10n.t('{0}; the test is running', count);
    return run.connected >= run.expected ? vscode.l10n.t('{0}; starting the test', count) : vscode.l10n.t('{0}; waiting for the rest', count);
  }

  /** Reads what the master appended to its log since the last look, until the run has ended. */
  private async follow(run: ActiveRun): Promise<void> {
    while (!run.ended) {
      await this.readLog(run);
      await new Promise((resolve) => setTimeout(resolve, LOG_POLL_MS));
    }
  }

  private async readLog(run: ActiveRun): Promise<void> {
    let file;
    try {
      file = await open(run.logPath, 'r');
    } catch {
      return; // not written yet
    }
    try {
      const chunk = Buffer.alloc(64 * 1024);
      for (;;) {
        const { bytesRead } = await file.read(chunk, 0, chunk.length, run.offset);
        if (bytesRead === 0) break;
        run.offset += bytesRead;
        for (const event of run.reader.push(chunk.subarray(0, bytesRead).toString('utf8'))) this.onLogEvent(run, event);
      }
    } catch (error) {
      this.logger.warn(`Reading ${run.logPath} failed: ${describeError(error)}`);
    } finally {
      await file.close();
    }
  }

  private onLogEvent(run: ActiveRun, event: MasterLogEvent): void {
    switch (event.kind) {
      case 'waiting':
        run.connected = event.connected;
        break;
      case 'connected':
        run.connected = event.connected;
        break;
      case 'started':
        run.started = true;
        run.connected = event.workers;
        this.logger.info(`Distributed load test ${run.name}: started with ${event.workers} workers`);
        break;
      case 'missing':
      case 'quit':
        run.connected = Math.max(0, run.connected - 1);
        this.logger.info(`Distributed load test ${run.name}: worker ${event.worker} ${event.kind === 'quit' ? 'quit' : 'went missing'}`);
        if (event.kind === 'missing' && !run.cancelled) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: distributed load test {0}: a worker stopped answering ({1}); Locust carries on with {2} of {3} workers and ends the run itself.', run.name, event.worker, run.connected, run.expected));
        }
        break;
      case 'lastWorkerGone':
      case 'shutdown':
        break;
      case 'gaveUp':
        run.gaveUp = true;
        run.connectedAtGiveUp = run.connected;
        break;
      default: {
        const never: never = event;
        return never;
      }
    }
    run.progress?.report({ message: this.status(run) });
  }

  private async onEnd(execution: vscode.TaskExecution, exitCode: number | undefined): Promise<void> {
    const id = execution.task.definition.run;
    const run = typeof id === 'string' ? this.runs.get(id) : undefined;
    if (!run || !run.executions.has(execution)) return;
    run.executions.delete(execution);
    const isMaster = execution.task.definition.role === 'master';
    if (isMaster) {
      await this.readLog(run);
      for (const event of run.reader.flush()) this.onLogEvent(run, event);
      await this.masterEnded(run, exitCode);
      return;
    }
    if (run.ended || run.cancelled) return;
    const worker = String(execution.task.definition.worker ?? '?');
    // The editor ends a task without an exit code (Terminate Task, closing its terminal); that is the user
    // stopping the run. A worker that exits on its own with 0 was told to quit (by the master or a signal it
    // handles), which Locust deals with; any other code is a worker that died.
    if (exitCode === undefined) {
      this.logger.info(`Distributed load test ${run.name}: worker ${worker}'s task was ended, stopping the run`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: distributed load test {0} was stopped, because the task of worker {1} was ended.', run.name, worker));
      this.stop(run, true);
    } else if (exitCode !== 0) {
      this.logger.warn(`Distributed load test ${run.name}: worker ${worker} exited with code ${exitCode} during the run`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: worker {0} of distributed load test {1} ended during the run (exit code {2}). Locust carries on with the workers that are left and ends the run itself; the results can still be recorded.', worker, run.name, exitCode));
    }
  }

  private async masterEnded(run: ActiveRun, exitCode: number | undefined): Promise<void> {
    const wasCancelled = run.cancelled || exitCode === undefined;
    run.ended = true;
    run.finishProgress?.();
    const outcome: RunOutcome = run.gaveUp ? 'gaveUp' : wasCancelled ? 'cancelled' : 'finished';
    this.logger.info(`Distributed load test ${run.name}: the master ended (exit code ${exitCode}), ${outcome}, ${run.connected} of ${run.expected} workers connected at the end`);
    if (outcome === 'gaveUp') {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Execution Tracker: distributed load test {0} did not start: the master gave up waiting for workers after {1} s with {2} of {3} connected. Workers must reach the master at {4}; its log is {5}.',
          run.name, run.waitSeconds, run.connectedAtGiveUp, run.expected, run.address, vscode.workspace.asRelativePath(run.logPath),
        ),
      );
    }
    if (outcome === 'cancelled' && !run.cancelled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: distributed load test {0} was stopped, because its master\'s task was ended.', run.name));
    }
    run.settle(outcome);
    // Workers normally follow the master's quit message within a second; the ones that do not are ended.
    if (outcome === 'finished') await new Promise((resolve) => setTimeout(resolve, WORKER_GRACE_MS));
    this.stop(run, false);
    this.runs.delete(run.id);
  }

  /** Ends every task of the run still running; `cancel` marks it as stopped by the user. */
  private stop(run: ActiveRun, cancel: boolean): void {
    if (cancel) run.cancelled = true;
    for (const execution of [...run.executions]) execution.terminate();
    if (cancel && run.executions.size === 0) {
      run.ended = true;
      run.finishProgress?.();
      run.settle('cancelled');
    }
  }
}

function withoutKeys(definition: TaskDefinitionLike, keys: readonly string[]): TaskDefinitionLike {
  return Object.fromEntries(Object.entries(definition).filter(([key]) => !keys.includes(key))) as TaskDefinitionLike;
}
