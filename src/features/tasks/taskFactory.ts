// Task definitions -> vscode.Task with a ProcessExecution: the program and its argv from the core builders,
// never a shell string. Definitions may come from tasks.json, so everything in them is validated by the builder.
import * as vscode from 'vscode';
import { buildComposeCommand, buildLocustCommand, buildPytestCommand, type CommandLine, type PytestReportFiles } from '../../core/launch';
import type { LaunchSettings } from './launchSettings';

export const TaskTypes = { compose: 'compose', locust: 'locust', pytest: 'pytest' } as const;
export type TaskType = (typeof TaskTypes)[keyof typeof TaskTypes];

export const TASK_SOURCE = 'Execution Tracker';

// contributes.problemMatchers, referenced by name with `$`.
const MATCHERS: Record<TaskType, string[]> = { locust: ['$locust'], compose: ['$compose'], pytest: ['$pytest'] };

export interface TaskDefinitionLike extends vscode.TaskDefinition {
  readonly type: TaskType;
}

/** The command line a definition runs; throws LaunchInputError naming the bad property. */
export function commandLineFor(definition: TaskDefinitionLike, settings: LaunchSettings, reports: PytestReportFiles = {}): CommandLine {
  const def = { ...definition } as Record<string, unknown>;
  if (definition.type === TaskTypes.locust) {
    // Settings' environment first, the task's own on top.
    const settingsEnv = settings.env && typeof settings.env === 'object' && !Array.isArray(settings.env) ? (settings.env as Record<string, unknown>) : {};
    def.env = { ...settingsEnv, ...((definition.env as Record<string, unknown> | undefined) ?? {}) };
    return buildLocustCommand(def, settings.binaries);
  }
  if (definition.type === TaskTypes.compose) return buildComposeCommand(def, settings.binaries);
  return buildPytestCommand(def, settings.binaries, reports);
}

/** Long-running tasks get the background begin/end patterns of their problem matcher. */
function isBackground(definition: TaskDefinitionLike): boolean {
  if (definition.type === TaskTypes.locust) return true;
  if (definition.type === TaskTypes.compose) return definition.action === 'logs' || (definition.action === 'up' && definition.detached === false);
  return false;
}

export function createTask(
  definition: TaskDefinitionLike,
  folder: vscode.WorkspaceFolder,
  name: string,
  settings: LaunchSettings,
  reports: PytestReportFiles = {},
): vscode.Task {
  const line = commandLineFor(definition, settings, reports);
  const execution = new vscode.ProcessExecution(line.command, [...line.args], { cwd: folder.uri.fsPath, env: line.env ? { ...line.env } : undefined });
  const task = new vscode.Task(definition, folder, name, TASK_SOURCE, execution, MATCHERS[definition.type]);
  task.isBackground = isBackground(definition);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  if (definition.type === TaskTypes.pytest) task.group = vscode.TaskGroup.Test;
  return task;
}
