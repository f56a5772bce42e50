// Task definitions -> vscode.Task with a ProcessExecution: the program and its argv from the core builders,
// never a shell string. Definitions may come from tasks.json, so everything in them is validated by the builder.
// What differs between task types (builder, matcher, background, group) is in the core's TASK_TYPES.
import * as vscode from 'vscode';
import { taskTypeOf, type CommandLine, type PytestReportFiles, type TaskType } from '../../core/launch';
import type { LaunchSettings } from './launchSettings';

export { TaskTypes, type TaskType } from '../../core/launch';

export const TASK_SOURCE = 'Execution Tracker';

export interface TaskDefinitionLike extends vscode.TaskDefinition {
  readonly type: TaskType;
}

/** The command line a definition runs; throws LaunchInputError naming the bad property. */
export function commandLineFor(definition: TaskDefinitionLike, settings: LaunchSettings, reports: PytestReportFiles = {}): CommandLine {
  return taskTypeOf(definition).build(definition, { binaries: settings.binaries, env: settings.env, reports });
}

export function createTask(
  definition: TaskDefinitionLike,
  folder: vscode.WorkspaceFolder,
  name: string,
  settings: LaunchSettings,
  reports: PytestReportFiles = {},
): vscode.Task {
  const type = taskTypeOf(definition);
  const line = commandLineFor(definition, settings, reports);
  const execution = new vscode.ProcessExecution(line.command, [...line.args], { cwd: folder.uri.fsPath, env: line.env ? { ...line.env } : undefined });
  const task = new vscode.Task(definition, folder, name, TASK_SOURCE, execution, [`$${type.problemMatcher}`]);
  task.isBackground = type.isBackground(definition);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  if (type.testGroup) task.group = vscode.TaskGroup.Test;
  return task;
}
