// "Run Tests (pytest)": arguments (remembered), with or without coverage, in the folder that has pytest
// configuration. Results come back through TaskResults from the files pytest writes.
import * as vscode from 'vscode';
import { splitArgs, unsafeReason, LaunchInputError } from '../../core/launch';
import { describeError } from '../../services/logger';
import { findPytestFolders } from './detect';
import type { ComposeResolver } from '../stack/composeResolver';
import { pytestReportFiles } from './pytestReports';
import { inputStep, pickOne } from './quickInput';
import { createTask, TaskTypes } from './taskFactory';
import { ensureTrusted } from './trust';

const LAST_KEY = 'executionTracker.launch.lastPytest';

function argsProblem(text: string): string | undefined {
  try {
    for (const arg of splitArgs(text)) {
      const problem = unsafeReason(arg);
      if (problem) return problem;
    }
    return undefined;
  } catch (error) {
    return error instanceof LaunchInputError ? error.message : describeError(error);
  }
}

export class PytestCommand {
  constructor(
    private readonly state: vscode.Memento,
    private readonly storage: vscode.Uri | undefined,
    private readonly resolver: ComposeResolver,
  ) {}

  async run(): Promise<void> {
    const title = vscode.l10n.t('Run Tests (pytest)');
    if (!ensureTrusted(title)) return;
    const configured = await findPytestFolders();
    const folder = configured[0] ?? vscode.workspace.workspaceFolders?.[0];
    if (!folder) return;
    const settings = await this.resolver.settingsFor(folder);
    const last = this.state.get<{ args?: string; coverage?: boolean }>(LAST_KEY, {});
    const defaultArgs = Array.isArray(settings.pytestArgs) ? settings.pytestArgs.filter((a): a is string => typeof a === 'string').join(' ') : '';
    const args = await inputStep({ title, step: 1, totalSteps: 2 }, vscode.l10n.t('Arguments for pytest (quotes group words; nothing is expanded)'), last.args ?? defaultArgs, argsProblem);
    if (args === undefined) return;
    const withCoverage = vscode.l10n.t('With coverage (--cov, needs pytest-cov)');
    const without = vscode.l10n.t('Without coverage');
    const coverageItems = (last.coverage ? [withCoverage, without] : [without, withCoverage]).map((label) => ({ label }));
    const coverage = await pickOne({ title, step: 2, totalSteps: 2 }, vscode.l10n.t('Measure coverage?'), coverageItems);
    if (!coverage) return;
    await this.state.update(LAST_KEY, { args, coverage: coverage.label === withCoverage });
    try {
      const task = createTask({ type: TaskTypes.pytest, args: splitArgs(args), coverage: coverage.label === withCoverage }, folder, 'pytest', settings, pytestReportFiles(this.storage, folder));
      await vscode.tasks.executeTask(task);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: pytest could not start: {0}', describeError(error)));
    }
  }
}
