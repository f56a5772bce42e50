// A quick pick of a tracker's open tasks (template tasks left out); picking one jumps to its line.
import * as vscode from 'vscode';
import type { TrackerModel } from '../../core/tracker/model';
import type { TrackerEntry } from '../../services/trackerEntry';
import type { TrackerStore } from '../../services/trackerStore';
import { fileName, plainText, weekLabel } from '../../util/labels';
import { activeTracker } from './progressItem';

interface TaskPick extends vscode.QuickPickItem {
  readonly line: number;
  readonly column: number;
}

export async function showOpenTasks(store: TrackerStore, uri?: vscode.Uri): Promise<void> {
  const entry = (uri instanceof vscode.Uri && store.getEntry(uri)) || activeTracker(store);
  if (!entry) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Execution Tracker: no tracker found. Use "Add Markdown File as Tracker…" to pick one.'),
    );
    return;
  }
  const items = openTaskItems(entry);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: every task in {0} is done.', fileName(entry.uri)));
    return;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Open Tasks in {0}', fileName(entry.uri)),
    placeHolder: vscode.l10n.t('{0} open tasks; type to filter, Enter to jump to the line', items.length),
    matchOnDescription: true,
  });
  if (!picked) return;
  const position = new vscode.Position(picked.line, picked.column);
  const editor = await vscode.window.showTextDocument(entry.uri, { selection: new vscode.Range(position, position) });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function openTaskItems(entry: TrackerEntry): TaskPick[] {
  const model = entry.model;
  return model.tasks
    .filter((task) => !task.checked && !task.excluded)
    .map((task) => ({
      label: plainText(task.text) || vscode.l10n.t('(empty task)'),
      description: whereIs(model, task.headingIndex),
      detail: vscode.l10n.t('Line {0}', task.line + 1),
      line: task.line,
      column: task.markColumn,
    }));
}

/** "Week 4: … › Day 16-17 …": the week the heading belongs to, then the heading itself. */
function whereIs(model: TrackerModel, headingIndex: number): string | undefined {
  if (headingIndex < 0) return undefined;
  const heading = model.headings[headingIndex];
  let index = headingIndex;
  while (index >= 0 && model.headings[index].week === undefined) index = model.headings[index].parentIndex;
  const week = index >= 0 ? model.weeks.find((candidate) => candidate.headingIndex === index) : undefined;
  const own = plainText(heading.title || heading.text);
  if (!week) return own;
  return week.headingIndex === headingIndex ? weekLabel(week) : `${weekLabel(week)} › ${own}`;
}
