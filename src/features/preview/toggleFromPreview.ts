// `executionTracker.setTaskStateFromPreview`: the command behind the "Toggle Task" item of a task checkbox in
// the Markdown preview (see core/preview/taskContext.ts for how the checkbox's context gets here). It ends in the
// same safe edit as every tick, the edit service (services/trackerEdits.ts), which re-checks the line and applies
// one WorkspaceEdit (one undo step).
//
// Before a character changes: the session token the preview was rendered with, a markdown document that is open
// and in the workspace, a line in range whose text is still the rendered text (or has moved unchanged), and that
// line being a task in the parsed model. Otherwise nothing is edited and the user is told why.
import { timingSafeEqual } from 'node:crypto';
import * as vscode from 'vscode';
import { readToggleRequest, type PreviewToggleRequest } from '../../core/preview/taskContext';
import { findMarkColumn } from '../../core/tracker/edits';
import type { Services } from '../../services';
import type { EditOutcome } from '../../services/trackerEdits';
import { Commands } from '../commands';

export async function toggleFromPreview(argument: unknown, token: string, services: Services): Promise<EditOutcome | undefined> {
  const read = readToggleRequest(argument);
  if (!read.ok) {
    services.logger.warn(`${Commands.setTaskStateFromPreview} got ${describeArgument(argument)}`);
    return ignore(read.reason, services);
  }
  if (!sameToken(read.request.token, token)) return ignore(vscode.l10n.t('the checkbox was not rendered by Execution Tracker in this window'), services);
  return toggle(read.request, services);
}

async function toggle(request: PreviewToggleRequest, services: Services): Promise<EditOutcome | undefined> {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === request.document);
  if (!document || document.languageId !== 'markdown' || !vscode.workspace.getWorkspaceFolder(document.uri)) {
    return ignore(vscode.l10n.t('the document is not an open markdown file of this workspace'), services);
  }
  const file = vscode.workspace.asRelativePath(document.uri);
  if (request.line >= document.lineCount || findMarkColumn(request.lineText) < 0) return refuse(file, request.line, vscode.l10n.t('it is not a task line'), services);
  // The edit service finds the rendered line again (it may have moved, its mark may differ), checks it is a task
  // in the model of the text as it is now, and leaves it alone when it is already in the requested state.
  const outcome = await services.edits.setTaskState({
    uri: document.uri,
    tasks: [{ line: request.line, lineText: request.lineText }],
    checked: request.checked,
    // Beside an editor the unsaved change is visible and undoable like any other edit; with no editor showing
    // the file, an unsaved change nobody sees would be a trap, so it is saved (as a tick from the tree is).
    saveIfClean: !vscode.window.visibleTextEditors.some((editor) => editor.document === document),
  });
  services.logger.info(`Preview toggle on ${file}:${request.line + 1}: ${outcome.applied} applied, ${outcome.refused} refused.`);
  return outcome;
}

/** The argument's shape for the log: keys and value types, never the values (they may hold the token). */
function describeArgument(argument: unknown): string {
  if (typeof argument !== 'object' || argument === null) return typeof argument;
  return `{ ${Object.entries(argument).map(([key, value]) => `${key}: ${key === 'webview' || key === 'webviewSection' ? JSON.stringify(value) : typeof value}`).join(', ')} }`;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function ignore(reason: string, services: Services): undefined {
  services.logger.warn(`Ignored a request to toggle a task from the preview: ${reason}.`);
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Execution Tracker: ignored a request to toggle a task because {0}. Toggle it from the task checkbox in the Markdown preview or in the editor.', reason),
  );
  return undefined;
}

function refuse(file: string, line: number, reason: string, services: Services): undefined {
  services.logger.warn(`Refused a preview toggle on ${file}:${line + 1}: ${reason}.`);
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Execution Tracker: did not toggle line {0} of {1} from the preview: {2}. Check the line in the editor and try again.', line + 1, file, reason),
  );
  return undefined;
}
