// The guided first run: "Create a Tracker from a Template" (the welcome view's second button, next to "Open a
// Tracker…"), and, on the very first activation for a user, the Execution Tracker view shown once: with the
// tracker opened beside it when the workspace has one, or with its welcome view when it has none.
import * as vscode from 'vscode';
import { trackerTemplate } from '../../core/tracker/template';
import type { Services } from '../../services';
import { describeError } from '../../services/logger';
import { Commands } from '../commands';

const FIRST_RUN_KEY = 'executionTracker.firstRunShown';
const DEFAULT_NAME = 'EXECUTION_TRACKER.md';

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.createTrackerFromTemplate, () => createFromTemplate(services)));
  void showOnFirstRun(context, services).catch((error) => services.logger.error(`First-run view failed: ${describeError(error)}`));
}

/** Rejects what would not be a new markdown file inside the folder; undefined when the name is fine. */
export function validateTrackerName(name: string, exists: (relative: string) => boolean): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return vscode.l10n.t('Enter a file name.');
  if (!/\.(md|markdown)$/i.test(trimmed)) return vscode.l10n.t('A tracker is a markdown file: end the name with .md.');
  if (/^[\\/]|^[a-z]:/i.test(trimmed) || trimmed.split(/[\\/]/).includes('..')) return vscode.l10n.t('Give a path inside the workspace folder.');
  if (exists(trimmed)) return vscode.l10n.t('{0} already exists.', trimmed);
  return undefined;
}

async function createFromTemplate(services: Services): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    // No folder to write into: the template opens as an unsaved document the user can save anywhere.
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: trackerTemplate(today) });
    await vscode.window.showTextDocument(document, { preview: false });
    return;
  }
  const taken = new Set((await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', 5000)).map((uri) => vscode.workspace.asRelativePath(uri, false).toLowerCase()));
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create a Tracker from a Template'),
    prompt: vscode.l10n.t('File name in {0}. Names matching *TRACKER*.md are found automatically.', folder.name),
    value: DEFAULT_NAME,
    valueSelection: [0, DEFAULT_NAME.length - 3],
    validateInput: (value) => validateTrackerName(value, (relative) => taken.has(relative.replace(/\\/g, '/').toLowerCase())),
  });
  if (name === undefined) return;
  const uri = vscode.Uri.joinPath(folder.uri, ...name.trim().split(/[\\/]/));
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists; nothing was written.', vscode.workspace.asRelativePath(uri)));
    return;
  } catch {
    // does not exist: write it
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(trackerTemplate(today)));
  // A name outside the tracker glob is still a tracker: it was made as one.
  if (!services.trackers.isTracker(uri)) await services.trackers.addTracker(uri);
  await vscode.window.showTextDocument(uri, { preview: false });
  services.logger.info(`Created a tracker from the template: ${vscode.workspace.asRelativePath(uri)}`);
}

async function showOnFirstRun(context: vscode.ExtensionContext, services: Services): Promise<void> {
  if (!vscode.workspace.getConfiguration('executionTracker').get<boolean>('showOnFirstRun', true)) return;
  if (context.globalState.get<boolean>(FIRST_RUN_KEY)) return;
  await services.trackers.whenReady();
  await context.globalState.update(FIRST_RUN_KEY, true);
  const [first] = services.trackers.trackers();
  if (first) await vscode.window.showTextDocument(first.uri, { preview: false });
  await vscode.commands.executeCommand('workbench.view.extension.executionTracker');
}
