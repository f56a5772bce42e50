// Ticking from the editor (`toggleTask` on the cursor lines) and from anywhere else (`setTaskState`, used by
// the tree). Both end in applyMarkEdits.
import * as vscode from 'vscode';
import { findMarkColumn, planToggle, type ToggleTarget } from '../../core/tracker/edits';
import type { Services } from '../../services';
import { Commands, type EditOutcome, type SetTaskStateRequest } from '../commands';
import { applyMarkEdits } from './applyMarkEdits';
import { selectedLines, taskLinePredicate } from './taskLines';

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    // A plain command, not registerTextEditorCommand: that one wraps the callback in an (empty) editor edit that
    // would race the WorkspaceEdit below and swallow the outcome.
    vscode.commands.registerCommand(Commands.toggleTask, () => toggleAtCursors(vscode.window.activeTextEditor, services)),
    vscode.commands.registerCommand(Commands.setTaskState, (request: SetTaskStateRequest) => setTaskState(request, services)),
  );
}

async function toggleAtCursors(editor: vscode.TextEditor | undefined, services: Services): Promise<EditOutcome | undefined> {
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: Toggle Task works in markdown files.'));
    return undefined;
  }
  const document = editor.document;
  const isTask = taskLinePredicate(services.trackers.modelForDocument(document), document);
  const targets: ToggleTarget[] = [];
  for (const line of selectedLines(editor.selections)) {
    if (!isTask(line)) continue;
    // The edit comes from the line as it reads now, not from the model, so it never waits for a re-parse.
    const lineText = document.lineAt(line).text;
    const markColumn = findMarkColumn(lineText);
    if (markColumn < 0) continue;
    targets.push({ line, markColumn, lineText, checked: lineText[markColumn] !== ' ' });
  }
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Execution Tracker: no task under the cursor. Put the cursor on a task line such as "- [ ] task" and try again.'),
    );
    return undefined;
  }
  // One target state for all: the first task in document order decides.
  return applyMarkEdits(document, planToggle(targets), services.logger);
}

async function setTaskState(request: SetTaskStateRequest, services: Services): Promise<EditOutcome> {
  if (!isSetTaskStateRequest(request)) throw new Error('executionTracker.setTaskState expects { uri, targets, checked, saveIfClean }.');
  const document = await vscode.workspace.openTextDocument(request.uri);
  const wasDirty = document.isDirty;
  const outcome = await applyMarkEdits(document, planToggle(request.targets, request.checked), services.logger);
  if (request.saveIfClean && !wasDirty && outcome.applied > 0) {
    // The file on disk is what other tools (and teammates) read; a tick from the tree is a finished action.
    const saved = await document.save();
    if (!saved) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Execution Tracker: ticked the task in {0} but could not save the file. Save it from the editor.', vscode.workspace.asRelativePath(document.uri)),
      );
    }
  }
  return outcome;
}

function isSetTaskStateRequest(value: unknown): value is SetTaskStateRequest {
  const request = value as Partial<SetTaskStateRequest> | undefined;
  return request?.uri instanceof vscode.Uri && Array.isArray(request.targets) && typeof request.checked === 'boolean';
}
