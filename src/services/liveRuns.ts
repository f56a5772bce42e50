// Load tests while they run: every `locust` task that writes CSVs (palette, tasks.json, Scenarios view) is
// followed from its process start to its end. Once a second the history file is checked and only the bytes
// appended since the last look are read into a HistoryFollower; listeners (status bar, live chart) hear of each
// change. Stopping sends SIGINT to the Locust process so it writes its final CSVs and report, as Ctrl+C does.
import { open, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { HistoryFollower } from '../core/live/historyFollower';
import { Disposable } from '../util/dispose';
import { describeError, type Logger } from './logger';

const POLL_MS = 1000;
/** After SIGINT Locust writes its files and exits within seconds; past this it is terminated. */
const STOP_GRACE_MS = 20_000;
const READ_LIMIT = 4 * 1024 * 1024;

export interface LiveRun {
  readonly execution: vscode.TaskExecution;
  readonly prefix: string;
  readonly historyPath: string;
  readonly statsPath: string;
  readonly startedAt: number;
  readonly pid: number | undefined;
  readonly follower: HistoryFollower;
  /** Set by the web UI runner: the URL the run's UI answers on. */
  webUrl?: string;
  stopping: boolean;
}

export class LiveRuns extends Disposable {
  private readonly live = new Map<vscode.TaskExecution, LiveRun & { offset: number; reading: boolean }>();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<LiveRun | undefined>());
  /** A run started, read new rows, or ended (undefined: the set of runs changed). */
  readonly onDidChange = this._onDidChange.event;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly logger: Logger) {
    super();
    this._register(vscode.tasks.onDidStartTaskProcess((event) => this.started(event)));
    this._register(vscode.tasks.onDidEndTaskProcess((event) => void this.ended(event.execution)));
    this.timer = setInterval(() => this.poll(), POLL_MS);
    this._register({ dispose: () => clearInterval(this.timer) });
  }

  runs(): LiveRun[] {
    return [...this.live.values()];
  }

  /** The running load test writing this history file, if any. */
  forHistoryFile(fsPath: string): LiveRun | undefined {
    return this.runs().find((run) => run.historyPath === fsPath);
  }

  forExecution(execution: vscode.TaskExecution): LiveRun | undefined {
    return this.live.get(execution);
  }

  private started(event: vscode.TaskProcessStartEvent): void {
    const task = event.execution.task;
    const definition = task.definition;
    const folder = typeof task.scope === 'object' ? task.scope : undefined;
    if (definition.type !== 'locust' || definition.role === 'worker' || typeof definition.csvPrefix !== 'string' || !folder) return;
    const prefix = definition.csvPrefix;
    const base = isAbsolute(prefix) ? prefix : join(folder.uri.fsPath, prefix);
    const run = {
      execution: event.execution,
      prefix,
      historyPath: `${base}_stats_history.csv`,
      statsPath: `${base}_stats.csv`,
      startedAt: Date.now(),
      pid: event.processId,
      follower: new HistoryFollower(`${base}_stats_history.csv`),
      stopping: false,
      offset: 0,
      reading: false,
    };
    this.live.set(event.execution, run);
    this.logger.info(`Following load test ${prefix} (pid ${event.processId}): ${run.historyPath}`);
    this._onDidChange.fire(undefined);
  }

  private async ended(execution: vscode.TaskExecution): Promise<void> {
    const run = this.live.get(execution);
    if (!run) return;
    await this.read(run);
    this.live.delete(execution);
    this.logger.info(`Load test ${run.prefix} ended; ${run.follower.rows} history rows were read while it ran.`);
    this._onDidChange.fire(undefined);
  }

  private poll(): void {
    for (const run of this.live.values()) void this.read(run);
    // The elapsed time moves even when Locust has not flushed anything new.
    if (this.live.size) this._onDidChange.fire(undefined);
  }

  /** Reads what was appended since the last read; a file that shrank was replaced, so it starts over. */
  private async read(run: LiveRun & { offset: number; reading: boolean }): Promise<void> {
    if (run.reading) return;
    run.reading = true;
    try {
      const size = (await stat(run.historyPath).catch(() => undefined))?.size;
      if (size === undefined || size === run.offset) return;
      if (size < run.offset) {
        (run as { follower: HistoryFollower }).follower = new HistoryFollower(run.historyPath);
        run.offset = 0;
      }
      const handle = await open(run.historyPath, 'r');
      try {
        const length = Math.min(size - run.offset, READ_LIMIT);
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, run.offset);
        run.offset += bytesRead;
        run.follower.push(buffer.subarray(0, bytesRead));
      } finally {
        await handle.close();
      }
      this._onDidChange.fire(run);
    } catch (error) {
      this.logger.warn(`Live view of ${run.historyPath}: ${describeError(error)}`);
    } finally {
      run.reading = false;
    }
  }

  /** SIGINT first (Locust saves its CSVs and HTML report), the task's own terminate if it does not end in time. */
  async stop(run: LiveRun): Promise<void> {
    if (run.stopping) return;
    run.stopping = true;
    this._onDidChange.fire(run);
    let signalled = false;
    if (run.pid !== undefined) {
      try {
        process.kill(run.pid, 'SIGINT');
        signalled = true;
      } catch (error) {
        this.logger.warn(`SIGINT to load test ${run.prefix} (pid ${run.pid}) failed: ${describeError(error)}`);
      }
    }
    if (!signalled) {
      run.execution.terminate();
      return;
    }
    const timer = setTimeout(() => {
      if (this.live.has(run.execution)) {
        this.logger.warn(`Load test ${run.prefix} did not end within ${STOP_GRACE_MS / 1000} s of SIGINT; terminating it.`);
        run.execution.terminate();
      }
    }, STOP_GRACE_MS);
    this._register({ dispose: () => clearTimeout(timer) });
  }
}
