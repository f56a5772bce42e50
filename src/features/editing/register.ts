// Ticking from the editor: `toggleTask` on the cursor lines, through the edit service (services/trackerEdits.ts)
// that the tree and the preview use as well.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { EditOutcome } from '../../services/trackerEdits';
import { Commands } from '../commands';
import { selectedLines } from './taskLines';

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    // A plain command, not registerTextEditorCommand: that one wraps the callback in an (empty) editor edit that
    // would race the WorkspaceEdit and swallow the outcome.
    vscode.commands.registerCommand(Commands.toggleTask, () => toggleAtCursors(vscode.window.activeTextEditor, services)),
  );
}

async function toggleAtCursors(editor: vscode.TextEditor | undefined, services: Services): Promise<EditOutcome | undefined> {
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: Toggle Task works in markdown files.'));
    return undefined;
  }
  const outcome = await services.edits.toggleAtCursors(editor, selectedLines(editor.selections));
  if (!outcome) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Execution Tracker: no task under the cursor. Put the cursor on a task line such as "- [ ] task" and try again.'),
    );
  }
  return outcome;
}
