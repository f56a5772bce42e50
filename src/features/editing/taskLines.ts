// Which document lines are tasks. The parsed model is the authority (it knows about code fences, `[]`
// without a space and the like), but it may lag the document by one debounce while the user types; a toggle
// must not wait for the re-parse, so a stale model is bridged by comparing line texts.
import type * as vscode from 'vscode';
import { findMarkColumn } from '../../core/tracker/edits';
import type { TrackerEntry } from '../../services/trackerEntry';

export function taskLinePredicate(entry: TrackerEntry, document: vscode.TextDocument): (line: number) => boolean {
  const taskLines = new Set(entry.model.tasks.map((task) => task.line));
  if (entry.documentVersion === document.version) return (line) => taskLines.has(line);

  let texts: { tasks: Set<string>; others: Set<string> } | undefined;
  const parsedTexts = () => {
    if (texts) return texts;
    texts = { tasks: new Set(), others: new Set() };
    for (let line = 0, text = entry.lineAt(0); text !== undefined; text = entry.lineAt(++line)) {
      (taskLines.has(line) ? texts.tasks : texts.others).add(text);
    }
    return texts;
  };
  return (line) => {
    const text = document.lineAt(line).text;
    // Unchanged line: the parse's verdict holds.
    if (entry.lineAt(line) === text) return taskLines.has(line);
    // A line that moved (lines were added or removed above): keep the verdict for its text.
    const known = parsedTexts();
    if (known.tasks.has(text)) return true;
    if (known.others.has(text)) return false;
    // A line typed since the last parse: trust its text.
    return findMarkColumn(text) >= 0;
  };
}

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
