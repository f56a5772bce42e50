// The TaskProvider for the three task types (tasks.json compatible): detected tasks from the workspace, and
// resolveTask for tasks the user wrote. In Restricted Mode it offers nothing and resolves nothing.
import * as vscode from 'vscode';
import { LaunchInputError, taskTypeOf } from '../../core/launch';
import { describeError, type Logger } from '../../services/logger';
import type { ComposeResolver } from '../stack/composeResolver';
import { findComposeFiles, findLocustfiles, findPytestFolders } from './detect';
import { readLaunchSettings } from './launchSettings';
import { pytestReportFiles } from './pytestReports';
import { createTask, TaskTypes, type TaskDefinitionLike, type TaskType } from './taskFactory';

export class LaunchTaskProvider implements vscode.TaskProvider {
  /** What each type detects in the workspace; a Record, so a new type cannot be left out. */
  private readonly detect: Record<TaskType, () => Promise<vscode.Task[]>> = {
    compose: () => this.composeTasks(),
    locust: () => this.locustTasks(),
    pytest: () => this.pytestTasks(),
  };

  constructor(
    private readonly type: TaskType,
    private readonly storage: vscode.Uri | undefined,
    private readonly logger: Logger,
    private readonly resolver: ComposeResolver,
  ) {}

  async provideTasks(): Promise<vscode.Task[]> {
    if (!vscode.workspace.isTrusted) return [];
    try {
      return await this.detect[this.type]();
    } catch (error) {
      this.logger.error(`Detecting ${this.type} tasks failed: ${describeError(error)}`);
      return [];
    }
  }

  async resolveTask(task: vscode.Task): Promise<vscode.Task | undefined> {
    if (!vscode.workspace.isTrusted) return undefined;
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const definition = task.definition as TaskDefinitionLike;
    try {
      return await this.create(definition, folder, task.name);
    } catch (error) {
      const message = error instanceof LaunchInputError ? error.message : describeError(error);
      this.logger.warn(`tasks.json task "${task.name}" (${this.type}) refused: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: the {0} task "{1}" in tasks.json cannot run: {2}. Fix the property in .vscode/tasks.json.', this.type, task.name, message));
      return undefined;
    }
  }

  private async create(definition: TaskDefinitionLike, folder: vscode.WorkspaceFolder, name: string): Promise<vscode.Task> {
    const settings = await this.resolver.settingsFor(folder);
    const reports = taskTypeOf(definition).wantsReportFiles(definition) ? pytestReportFiles(this.storage, folder) : {};
    return createTask(definition, folder, name, settings, reports);
  }

  private async tryCreate(definition: TaskDefinitionLike, folder: vscode.WorkspaceFolder, name: string): Promise<vscode.Task[]> {
    try {
      return [await this.create(definition, folder, name)];
    } catch (error) {
      this.logger.warn(`Detected ${definition.type} task "${name}" skipped: ${describeError(error)}`);
      return [];
    }
  }

  private async composeTasks(): Promise<vscode.Task[]> {
    const tasks: vscode.Task[] = [];
    for (const file of await findComposeFiles()) {
      for (const action of ['up', 'down', 'logs'] as const) {
        tasks.push(...(await this.tryCreate({ type: TaskTypes.compose, action, files: [file.relative] }, file.folder, `${action} ${file.relative}`)));
      }
    }
    return tasks;
  }

  private async locustTasks(): Promise<vscode.Task[]> {
    const tasks: vscode.Task[] = [];
    for (const file of await findLocustfiles()) {
      const settings = readLaunchSettings(file.folder);
      // A short smoke run against the default host; anything longer is a tasks.json entry or "Run Load Test…".
      tasks.push(...(await this.tryCreate({ type: TaskTypes.locust, locustfile: file.relative, host: settings.defaultHost, users: 1, spawnRate: 1, runTime: '30s' }, file.folder, `smoke ${file.relative}`)));
    }
    return tasks;
  }

  private async pytestTasks(): Promise<vscode.Task[]> {
    return (await Promise.all((await findPytestFolders()).map((folder) => this.tryCreate({ type: TaskTypes.pytest }, folder, 'pytest')))).flat();
  }
}
