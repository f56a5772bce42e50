// "Record in tracker": pick the tracker and the place (a week, a day, or the cursor), then insert an evidence
// block computed by the core, inserted by the edit service as one WorkspaceEdit (one undo step). The block is
// checked against the document as it is right then; the heading it goes under is re-checked by its text.
import * as vscode from 'vscode';
import { insertionLineUnderHeading } from '../../core/tracker/evidenceBlock';
import type { TrackerModel } from '../../core/tracker/model';
import type { TrackerDocuments } from '../../services/trackerDocuments';
import type { InsertionPlace as Place, TrackerEdits } from '../../services/trackerEdits';
import type { TrackerStore } from '../../services/trackerStore';

interface PlaceItem extends vscode.QuickPickItem {
  readonly place?: Place | 'cursor';
}

export class EvidenceRecorder {
  constructor(
    private readonly trackers: TrackerStore,
    private readonly documents: TrackerDocuments,
    private readonly edits: TrackerEdits,
  ) {}

  /** Asks where, inserts `block`, shows it. Resolves true when the tracker was changed. */
  async record(block: readonly string[]): Promise<boolean> {
    const uri = await this.pickTracker();
    if (!uri) return false;
    const document = await vscode.workspace.openTextDocument(uri);
    const place = await this.pickPlace(document, this.documents.forDocument(document).model);
    if (!place) return false;
    return this.insert(document, block, place);
  }

  private async pickTracker(): Promise<vscode.Uri | undefined> {
    await this.trackers.whenReady();
    const trackers = this.trackers.trackers();
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && this.trackers.isTracker(active)) return active;
    if (trackers.length === 1) return trackers[0].uri;
    if (trackers.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: no tracker file in this workspace to record the result in. Open or add one (Execution Tracker: Add Markdown File as Tracker…) and choose Record again.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      trackers.map((t) => ({ label: vscode.workspace.asRelativePath(t.uri), uri: t.uri })),
      { title: vscode.l10n.t('Record in which tracker?'), ignoreFocusOut: true },
    );
    return picked?.uri;
  }

  private async pickPlace(document: vscode.TextDocument, model: TrackerModel): Promise<Place | undefined> {
    const items: PlaceItem[] = [];
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString());
    if (editor) {
      items.push({ label: `$(selection) ${vscode.l10n.t('At the cursor')}`, description: vscode.l10n.t('after the paragraph at line {0}', editor.selection.active.line + 1), place: 'cursor' });
    }
    const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
    for (const week of model.weeks) {
      const heading = model.headings[week.headingIndex];
      items.push({ label: `$(calendar) ${heading.title || heading.text}`, description: vscode.l10n.t('Week {0}', week.number), place: this.headingPlace(model, lines, week.headingIndex) });
      model.headings.forEach((h, index) => {
        if (h.day !== undefined && index > week.headingIndex && h.line < week.endLine) {
          items.push({ label: `    $(debug-stackframe-dot) ${h.title || h.text}`, description: vscode.l10n.t('Day {0}', h.day), place: this.headingPlace(model, lines, index) });
        }
      });
    }
    if (items.length === 0) items.push({ label: vscode.l10n.t('At the end of the file'), place: { line: document.lineCount } });
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Record under which week or day?'), matchOnDescription: true, ignoreFocusOut: true });
    if (!picked?.place) return undefined;
    if (picked.place !== 'cursor') return picked.place;
    // After the paragraph or list the cursor is in, so the block never splits one.
    let line = (editor?.selection.active.line ?? document.lineCount - 1) + 1;
    while (line < document.lineCount && document.lineAt(line).text.trim() !== '') line++;
    return { line };
  }

  private headingPlace(model: TrackerModel, lines: readonly string[], index: number): Place {
    const heading = model.headings[index];
    return { line: insertionLineUnderHeading(model, lines, index), heading: { line: heading.line, text: lines[heading.line] ?? '' } };
  }

  private async insert(document: vscode.TextDocument, block: readonly string[], place: Place): Promise<boolean> {
    const range = await this.edits.insertBlock(document, block, place);
    if (!range) return false;
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }
}
