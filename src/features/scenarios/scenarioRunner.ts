// Running a Scenarios node: the selection (tags as separate argv items, or the User class) on top of the
// scenario settings, as a `locust` task with a ProcessExecution, headless or with the web UI on 127.0.0.1.
// Results flow like any load test's (TaskResults offers chart and Record in tracker when the task ends).
import { createServer } from 'node:net';
import * as vscode from 'vscode';
import { buildWebUiCommand, DEFAULT_WEB_UI_PORT, selectionFor, webUiUrl } from '../../core/scenarios';
import type { Services } from '../../services';
import { describeError } from '../../services/logger';
import { ensurePrefixFolder, suggestCsvPrefix } from '../tasks/csvPrefixSuggestion';
import { readLaunchSettings } from '../tasks/launchSettings';
import { createTask, TASK_SOURCE, TaskTypes, type TaskDefinitionLike } from '../tasks/taskFactory';
import { ensureTrusted } from '../tasks/trust';
import type { ScenarioItem } from './scenariosTree';
import { WebUiPanel } from './webUiPanel';

const ATTEMPTS = 3;
const UI_TIMEOUT_MS = 60_000;

function scenarioSettings(folder: vscode.WorkspaceFolder) {
  const config = vscode.workspace.getConfiguration('executionTracker.launch', folder);
  const value = (key: string, fallback: string) => {
    const v = config.get<unknown>(key);
    return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '') ? String(v).trim() : fallback;
  };
  const port = Number(value('webUiPort', String(DEFAULT_WEB_UI_PORT)));
  return { users: value('scenarioUsers', '10'), spawnRate: value('scenarioSpawnRate', '10'), runTime: value('scenarioRunTime', '1m'), port: Number.isInteger(port) ? port : DEFAULT_WEB_UI_PORT };
}

/** `preferred` when nothing listens on it on 127.0.0.1, else a port the system picks. */
export function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  return tryListen(preferred).then(async (port) => port ?? (await tryListen(0)) ?? preferred);
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

export class ScenarioRunner {
  constructor(private readonly services: Services) {}

  /** The task definition for an item; undefined (with a message) when it cannot run. */
  private async definitionFor(item: ScenarioItem, title: string): Promise<TaskDefinitionLike | undefined> {
    if (!ensureTrusted(title)) return undefined;
    if (item.kind === 'problem') return undefined;
    if (item.kind === 'file' && item.scenarios.syntaxError) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: {0} cannot run: {1}', item.file.relative, item.scenarios.syntaxError.message));
      return undefined;
    }
    const selection = selectionFor(item.kind === 'file' ? { kind: 'file' } : item.kind === 'user' ? { kind: 'user', user: item.user } : item);
    if ('refused' in selection) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: {0}', selection.refused));
      return undefined;
    }
    if (selection.widened) void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: {0}.', selection.widened));
    const folder = item.file.folder;
    const settings = readLaunchSettings(folder);
    const run = scenarioSettings(folder);
    const csvPrefix = await suggestCsvPrefix(this.services, settings.csvPrefixTemplate, settings.resultsFolder, { users: run.users, spawnRate: run.spawnRate, runTime: run.runTime, tags: selection.tags.join('-') });
    await ensurePrefixFolder(folder, csvPrefix);
    return {
      type: TaskTypes.locust,
      locustfile: item.file.relative,
      host: settings.defaultHost,
      users: run.users,
      spawnRate: run.spawnRate,
      runTime: run.runTime,
      tags: [...selection.tags],
      userClasses: [...selection.userClasses],
      csvPrefix,
      fullHistory: true,
      html: true,
    };
  }

  async run(item: ScenarioItem): Promise<void> {
    const definition = await this.definitionFor(item, vscode.l10n.t('Run Scenario'));
    if (!definition) return;
    try {
      await vscode.tasks.executeTask(createTask(definition, item.file.folder, String(definition.csvPrefix), readLaunchSettings(item.file.folder)));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: the load test could not start: {0}', describeError(error)));
    }
  }

  /** Starts Locust with its web UI and shows the UI in a panel; a port taken meanwhile gets another try. */
  async runWithWebUi(item: ScenarioItem): Promise<void> {
    const definition = await this.definitionFor(item, vscode.l10n.t('Run Scenario with Web UI'));
    if (!definition) return;
    const folder = item.file.folder;
    let preferred = scenarioSettings(folder).port;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const port = await freePort(preferred);
      if (port !== preferred) this.services.logger.info(`Web UI: port ${preferred} is in use; using ${port}.`);
      let execution: vscode.TaskExecution;
      try {
        execution = await this.startWebUi(definition, folder, port);
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: the load test could not start: {0}', describeError(error)));
        return;
      }
      const outcome = await this.waitForUi(execution, webUiUrl(port));
      if (outcome === 'up') {
        const live = this.services.live.forExecution(execution);
        if (live) live.webUrl = webUiUrl(port);
        await WebUiPanel.show(execution, webUiUrl(port), `${item.file.relative} (${definition.csvPrefix})`, this.services);
        return;
      }
      if (outcome === 'timeout') {
        void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: Locust\'s web UI did not answer on {0} within {1} s; see the task terminal.', webUiUrl(port), UI_TIMEOUT_MS / 1000));
        return;
      }
      // Ended before its UI answered: most often the port was taken between our check and Locust's bind.
      this.services.logger.warn(`Web UI run on port ${port} ended before its UI answered (attempt ${attempt} of ${ATTEMPTS}).`);
      preferred = 0;
    }
    void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: Locust ended before its web UI answered ({0} tries); see the task terminal for what it reported.', ATTEMPTS));
  }

  private async startWebUi(definition: TaskDefinitionLike, folder: vscode.WorkspaceFolder, port: number): Promise<vscode.TaskExecution> {
    const settings = readLaunchSettings(folder);
    const settingsEnv = settings.env && typeof settings.env === 'object' && !Array.isArray(settings.env) ? (settings.env as Record<string, unknown>) : {};
    const line = buildWebUiCommand({ ...definition, env: settingsEnv }, port, settings.binaries);
    const execution = new vscode.ProcessExecution(line.command, [...line.args], { cwd: folder.uri.fsPath, env: line.env ? { ...line.env } : undefined });
    // webPort marks it for the results (the CSVs are read when it ends, as for every locust task).
    const task = new vscode.Task({ ...definition, webPort: port }, folder, vscode.l10n.t('{0} (web UI)', String(definition.csvPrefix)), TASK_SOURCE, execution, ['$locust']);
    task.isBackground = true;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, panel: vscode.TaskPanelKind.Dedicated, clear: true };
    return vscode.tasks.executeTask(task);
  }

  private waitForUi(execution: vscode.TaskExecution, url: string): Promise<'up' | 'ended' | 'timeout'> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (outcome: 'up' | 'ended' | 'timeout') => {
        if (done) return;
        done = true;
        ended.dispose();
        clearTimeout(timeout);
        resolve(outcome);
      };
      const ended = vscode.tasks.onDidEndTask((event) => event.execution === execution && finish('ended'));
      const timeout = setTimeout(() => finish('timeout'), UI_TIMEOUT_MS);
      const poll = async () => {
        while (!done) {
          if (await answers(url)) return finish('up');
          await new Promise((r) => setTimeout(r, 300));
        }
      };
      void poll();
    });
  }
}
