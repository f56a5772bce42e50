// Which lines a toggle in the editor applies to. Whether a line is a task is the model's answer, for the
// document's current text (TrackerDocuments), so nothing here bridges a stale parse.
import type * as vscode from 'vscode';

/** Lines touched by the selections, ascending; a selection ending at column 0 does not take that last line. */
export function selectedLines(selections: readonly vscode.Selection[]): number[] {
  const lines = new Set<number>();
  for (const selection of selections) {
    let end = selection.end.line;
    if (end > selection.start.line && selection.end.character === 0) end -= 1;
    for (let line = selection.start.line; line <= end; line++) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
}
