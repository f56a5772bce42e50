// A task clicked in the Progress panel: open the tracker and put the cursor on the task's line. The line comes
// from a committed version, so the current text may have moved it: the task's text is looked for nearest to
// that line first, and the line itself is used only when the text is gone (a removed task).
import * as vscode from 'vscode';

export function findTaskLine(lines: readonly string[], line: number, text: string): number {
  const wanted = text.replace(/\s+/g, ' ').trim();
  const holds = (index: number) => index >= 0 && index < lines.length && /\[[ xX]\]/.test(lines[index]) && lines[index].replace(/\s+/g, ' ').includes(wanted);
  for (let distance = 0; distance < lines.length; distance++) {
    if (holds(line - distance)) return line - distance;
    if (holds(line + distance)) return line + distance;
  }
  return Math.min(Math.max(0, line), Math.max(0, lines.length - 1));
}

export async function openTaskLine(uri: vscode.Uri, line: number, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
  const target = findTaskLine(lines, line, text);
  const start = document.lineAt(target).firstNonWhitespaceCharacterIndex;
  const position = new vscode.Position(target, start);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position), preserveFocus: false });
}
