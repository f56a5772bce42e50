// The one place where tracker text changes. Core edits are re-checked against the document as it is right
// now, then applied together as a single WorkspaceEdit: one user action, one undo step.
import * as vscode from 'vscode';
import { relocateEdit, type MarkEdit } from '../core/tracker/edits';
import { describeError, type Logger } from './logger';
import type { EditOutcome } from './trackerEdits';

interface Refusal {
  readonly line: number;
  readonly reason: string;
}

export async function applyMarkEdits(document: vscode.TextDocument, edits: readonly MarkEdit[], logger: Logger): Promise<EditOutcome> {
  const lineAt = (line: number): string | undefined => (line >= 0 && line < document.lineCount ? document.lineAt(line).text : undefined);
  const accepted = new Map<string, MarkEdit>();
  const refusals: Refusal[] = [];
  for (const edit of edits) {
    const relocation = relocateEdit(edit, lineAt, document.lineCount);
    if (relocation.kind === 'refused') {
      refusals.push({ line: edit.line, reason: relocation.reason });
      continue;
    }
    // Two stale targets can re-find the same line; editing one character twice would make the edit invalid.
    accepted.set(`${relocation.edit.line}:${relocation.edit.column}`, relocation.edit);
  }

  const file = vscode.workspace.asRelativePath(document.uri);
  if (refusals.length > 0) {
    for (const refusal of refusals) logger.warn(`Refused to toggle ${file}:${refusal.line + 1}: ${refusal.reason}`);
    void vscode.window.showWarningMessage(refusalMessage(file, refusals));
  }

  const changes = [...accepted.values()].filter((edit) => edit.newMark !== edit.oldMark);
  if (changes.length === 0) return { applied: 0, refused: refusals.length, ok: refusals.length === 0 };

  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of changes) {
    workspaceEdit.replace(document.uri, new vscode.Range(edit.line, edit.column, edit.line, edit.column + 1), edit.newMark);
  }
  // VS Code sends the document version along with the edit and rejects it if the text changed in between,
  // so nothing can slip in between the re-check above and the write.
  let ok = false;
  try {
    ok = await vscode.workspace.applyEdit(workspaceEdit);
  } catch (error) {
    logger.error(`Applying ${changes.length} checkbox edit(s) to ${file} failed: ${describeError(error)}`);
  }
  if (!ok) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Execution Tracker: {0} changed while the checkboxes were being ticked, so nothing was changed. Try again.', file),
    );
    return { applied: 0, refused: refusals.length + changes.length, ok: false };
  }
  logger.info(`Toggled ${changes.length} task(s) in ${file} (lines ${changes.map((edit) => edit.line + 1).join(', ')}).`);
  return { applied: changes.length, refused: refusals.length, ok: refusals.length === 0 };
}

function refusalMessage(file: string, refusals: readonly Refusal[]): string {
  if (refusals.length === 1) {
    const [refusal] = refusals;
    return vscode.l10n.t(
      'Execution Tracker: did not toggle line {0} of {1}: {2}. The line changed since the tracker was read; check it and toggle again.',
      refusal.line + 1,
      file,
      refusal.reason,
    );
  }
  const lines = refusals.map((refusal) => refusal.line + 1).join(', ');
  return vscode.l10n.t(
    'Execution Tracker: did not toggle lines {0} of {1}: they changed since the tracker was read. Check them and toggle again.',
    lines,
    file,
  );
}
