// When a load test or pytest task ends: read what it wrote and offer the result, with "Open chart" and
// "Record in tracker". Works for tasks started from the palette and from tasks.json alike, since everything
// needed is in the task definition.
import { stat, readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { isTaskType, parseCoverageXml, parseJunitXml, statsFileFor, TASK_TYPES, type TaskType } from '../../core/launch';
import { aggregatedNumbers } from '../../core/checks/aggregated';
import { parseRunName, readLocustFile, type LocustStats } from '../../core/locust';
import { formatAggregated, formatLoadTestEvidence, formatPytestEvidence, type LoadTestEvidence } from '../../core/tracker/evidenceBlock';
import { describeError, type Logger } from '../../services/logger';
import type { RunStore } from '../../services/runStore';
import { Disposable } from '../../util/dispose';
import type { ChartOpener } from '../charts/register';
import { pytestReportFiles } from './pytestReports';
import type { DistributedRuns } from './distributedRun';
import type { EvidenceRecorder } from './recordEvidence';

export class TaskResults extends Disposable {
  /** When each of our task processes started, to tell fresh report files from a previous run's. */
  private readonly started = new WeakMap<vscode.TaskExecution, number>();

  constructor(
    private readonly recorder: EvidenceRecorder,
    private readonly runs: RunStore,
    private readonly charts: ChartOpener,
    private readonly storage: vscode.Uri | undefined,
    private readonly logger: Logger,
    private readonly distributed?: DistributedRuns,
  ) {
    super();
    this._register(vscode.tasks.onDidStartTaskProcess((event) => this.started.set(event.execution, Date.now())));
    this._register(vscode.tasks.onDidEndTaskProcess((event) => void this.onEnd(event)));
  }

  /** What each task type's end offers; a Record, so a new type says what it does (if nothing, so). */
  private readonly onEndOf: Record<TaskType, (definition: vscode.TaskDefinition, folder: vscode.WorkspaceFolder, event: vscode.TaskProcessEndEvent) => Promise<void>> = {
    // Stack actions have no result file; their terminal is the result.
    compose: async () => undefined,
    locust: async (definition, folder, event) => {
      // Workers write nothing: the master's CSVs are the run's.
      if (typeof definition.csvPrefix === 'string' && definition.role !== 'worker') await this.loadTestEnded(folder, definition, event.exitCode);
    },
    pytest: async (definition, folder, event) => {
      if (TASK_TYPES.pytest.wantsReportFiles(definition)) await this.pytestEnded(folder, this.started.get(event.execution) ?? 0, event.exitCode);
    },
  };

  private async onEnd(event: vscode.TaskProcessEndEvent): Promise<void> {
    const task = event.execution.task;
    const folder = typeof task.scope === 'object' ? task.scope : undefined;
    if (!folder) return;
    const definition = task.definition;
    if (!isTaskType(definition.type)) return;
    try {
      await this.onEndOf[definition.type](definition, folder, event);
    } catch (error) {
      this.logger.error(`Reading the results of task "${task.name}" failed: ${describeError(error)}`);
    }
  }

  private async loadTestEnded(folder: vscode.WorkspaceFolder, definition: vscode.TaskDefinition, exitCode: number | undefined): Promise<void> {
    // A distributed run whose master gave up waiting for its workers has no results; it said so already.
    if ((await this.distributed?.outcomeOf(definition)) === 'gaveUp') return;
    const prefix = definition.csvPrefix as string;
    const statsPath = isAbsolute(prefix) ? statsFileFor(prefix) : join(folder.uri.fsPath, statsFileFor(prefix));
    const cited = statsFileFor(prefix);
    let stats: LocustStats;
    try {
      const result = await readLocustFile(statsPath);
      if (result.kind !== 'stats' || !result.aggregated) throw new Error(vscode.l10n.t('it has no Aggregated row'));
      stats = result;
    } catch (error) {
      const where = definition.composeService ? vscode.l10n.t(' (the run was in the compose service "{0}": its files are inside the container unless the folder is mounted)', String(definition.composeService)) : '';
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: the load test ended (exit code {0}) but {1} could not be read: {2}{3}. See the task terminal for what Locust reported.', String(exitCode ?? '?'), cited, describeError(error), where));
      return;
    }
    const numbers = aggregatedNumbers(stats)!;
    const run = parseRunName(prefix.split('/').pop() ?? prefix);
    const users = typeof definition.users === 'number' || typeof definition.users === 'string' ? String(definition.users) : undefined;
    const workers = definition.role === 'master' || definition.workers !== undefined ? Number(definition.workers) || undefined : undefined;
    const sizes = [users ? `${users} users` : '', workers ? `${workers} workers` : ''].filter(Boolean).join(', ');
    const evidence: LoadTestEvidence = {
      label: `${run.version ?? prefix.split('/').pop()} Load Test Results${sizes ? ` (${sizes})` : ''}`,
      csvFile: cited,
      ...numbers,
    };
    this.logger.info(`Load test ${prefix} ended with exit code ${exitCode}: ${formatAggregated(numbers)}`);
    const statsUri = vscode.Uri.file(statsPath);
    const openChart = vscode.l10n.t('Open chart');
    const record = vscode.l10n.t('Record in tracker');
    const message = (workers ? vscode.l10n.t('Load test {0} finished with {1} workers: {2}', prefix, workers, formatAggregated(numbers)) : vscode.l10n.t('Load test {0} finished: {1}', prefix, formatAggregated(numbers))) + (exitCode ? vscode.l10n.t(' (Locust exit code {0})', exitCode) : '');
    // After "Open chart" the result is offered again, so it can still be recorded.
    let actions = [openChart, record];
    for (;;) {
      const choice = await vscode.window.showInformationMessage(message, ...actions);
      if (choice === openChart) {
        await this.openChart(statsUri);
        actions = [record];
        continue;
      }
      if (choice === record) await this.recorder.record(formatLoadTestEvidence(evidence));
      return;
    }
  }

  private async openChart(statsUri: vscode.Uri): Promise<void> {
    try {
      await this.waitForRun(statsUri);
      await this.charts.openChart(statsUri);
    } catch (error) {
      this.logger.error(`Opening the chart of ${statsUri.fsPath} failed: ${describeError(error)}`);
    }
  }

  /** The run store lists new files after its watcher's debounce; the chart needs the run to be listed. */
  private waitForRun(uri: vscode.Uri, timeoutMs = 30_000): Promise<void> {
    if (this.runs.runForFile(uri)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const listener = this.runs.onDidChangeFiles(() => {
        if (this.runs.runForFile(uri)) done();
      });
      function done(): void {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }

  private async pytestEnded(folder: vscode.WorkspaceFolder, startedAt: number, exitCode: number | undefined): Promise<void> {
    const files = pytestReportFiles(this.storage, folder);
    const fresh = async (path: string): Promise<string | undefined> => {
      try {
        // A second of slack: file systems round modification times.
        if ((await stat(path)).mtimeMs < startedAt - 1000) return undefined;
        return await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
    };
    const junit = await fresh(files.junitXml);
    const counts = junit ? parseJunitXml(junit) : undefined;
    if (!counts) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: pytest ended (exit code {0}) without writing its results file; see the task terminal (is pytest installed for this folder?).', String(exitCode ?? '?')));
      return;
    }
    const coverageXml = await fresh(files.coverageXml);
    const coveragePercent = coverageXml ? parseCoverageXml(coverageXml) : null;
    const summary = vscode.l10n.t('{0} passed, {1} failed, {2} skipped, {3} errors', counts.passed, counts.failed, counts.skipped, counts.errors) + (coveragePercent === null ? '' : vscode.l10n.t(', coverage {0}%', coveragePercent.toFixed(2)));
    const record = vscode.l10n.t('Record in tracker');
    const choice = await (counts.failed || counts.errors ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(vscode.l10n.t('pytest finished: {0}', summary), record);
    if (choice !== record) return;
    const date = new Date().toISOString().slice(0, 10);
    await this.recorder.record(formatPytestEvidence({ label: vscode.l10n.t('pytest Results ({0})', date), ...counts, coveragePercent }));
  }
}
