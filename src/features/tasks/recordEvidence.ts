// "Record in tracker": pick the tracker and the place (a week, a day, or the cursor), then insert an evidence
// block computed by the core as one text edit, applied as one WorkspaceEdit (one undo step). The block is
// checked against the document as it is right then; the heading it goes under is re-checked by its text.
import * as vscode from 'vscode';
import { insertEvidenceBlock, insertionLineUnderHeading } from '../../core/tracker/evidenceBlock';
import type { TrackerModel } from '../../core/tracker/model';
import { describeError, type Logger } from '../../services/logger';
import type { TrackerStore } from '../../services/trackerStore';

interface Place {
  /** Insert before this 0-based line. */
  readonly line: number;
  /** For a heading place: its line and text, re-checked before the edit. */
  readonly heading?: { readonly line: number; readonly text: string };
}

interface PlaceItem extends vscode.QuickPickItem {
  readonly place?: Place | 'cursor';
}

export class EvidenceRecorder {
  constructor(
    private readonly trackers: TrackerStore,
    private readonly logger: Logger,
  ) {}

  /** Asks where, inserts `block`, shows it. Resolves true when the tracker was changed. */
  async record(block: readonly string[]): Promise<boolean> {
    const uri = await this.pickTracker();
    if (!uri) return false;
    const document = await vscode.workspace.openTextDocument(uri);
    const entry = this.trackers.modelForDocument(document);
    const place = await this.pickPlace(document, entry.model);
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
    const file = vscode.workspace.asRelativePath(document.uri);
    if (place.heading && (place.heading.line >= document.lineCount || document.lineAt(place.heading.line).text !== place.heading.text)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: {0} changed at line {1} while you were choosing, so nothing was inserted. Choose Record in tracker again.', file, place.heading.line + 1));
      return false;
    }
    const wasDirty = document.isDirty;
    const edit = insertEvidenceBlock(document.getText(), block, place.line);
    const workspaceEdit = new vscode.WorkspaceEdit();
    const position = new vscode.Position(edit.line, edit.startColumn);
    workspaceEdit.insert(document.uri, position, edit.newText);
    let ok = false;
    try {
      ok = await vscode.workspace.applyEdit(workspaceEdit);
    } catch (error) {
      this.logger.error(`Inserting evidence into ${file} failed: ${describeError(error)}`);
    }
    if (!ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: {0} changed while the result was being recorded, so nothing was inserted. Try again.', file));
      return false;
    }
    // Like ticking from the tree: a file that had no unsaved changes is saved, so the evidence is on disk.
    if (!wasDirty) await document.save();
    const first = edit.line + (/^(?:\r\n|\r|\n)*/.exec(edit.newText)?.[0].match(/\r\n|\r|\n/g)?.length ?? 0);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const range = new vscode.Range(first, 0, first + block.length - 1, block[block.length - 1].length);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.logger.info(`Recorded evidence in ${file} at line ${first + 1}: ${block[0]}`);
    return true;
  }
}
