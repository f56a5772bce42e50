// "Repair Encoding": the encoding rule's fix, also reachable from the command palette for the active tracker.
import * as vscode from 'vscode';
import { checkEncoding } from '../../core/checks/encoding';
import { parseTracker, splitLines } from '../../core/tracker/parse';
import type { Logger } from '../../services/logger';
import { toWorkspaceEdit } from './toVscode';

export async function repairEncoding(logger: Logger): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a markdown tracker to repair its encoding.'));
    return;
  }
  const document = editor.document;
  const text = document.getText();
  // The encoding rule only reads the lines, so an empty model is enough here.
  const [finding] = checkEncoding({ text, lines: splitLines(text), model: parseTracker('') });
  const file = vscode.workspace.asRelativePath(document.uri);
  if (!finding?.fixes) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no mis-encoded text.', file));
    return;
  }
  const ok = await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, finding.fixes[0].edits));
  if (ok) logger.info(`Repaired ${finding.fixes[0].edits.length} mis-encoded sequences in ${file}.`);
  else void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed while it was being repaired; nothing was changed. Try again.', file));
}
