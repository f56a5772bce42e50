// The edit pipeline: every change the extension makes to tracker text (ticking from the editor, the tree and
// the preview; recording evidence) goes through this service, which features receive as an object. Each edit
// is judged against the document as it reads now and the model of exactly that text (TrackerDocuments), then
// applied as one WorkspaceEdit: one user action, one undo step.
import * as vscode from 'vscode';
import { insertEvidenceBlock } from '../core/tracker/evidenceBlock';
import { findMarkColumn, planToggle, relocateLine, sameTaskLine, setMarkEdit, type MarkEdit, type ToggleTarget } from '../core/tracker/edits';
import { applyMarkEdits } from './applyMarkEdits';
import { KeyedQueue } from '../util/keyedQueue';
import { describeError, type Logger } from './logger';
import type { TrackerDocuments } from './trackerDocuments';

/** A task as a view rendered it: its line then and the line's text then (the mark may have changed since). */
export interface RenderedTask {
  readonly line: number;
  readonly lineText: string;
}

export interface SetTaskStateRequest {
  readonly uri: vscode.Uri;
  readonly tasks: readonly RenderedTask[];
  readonly checked: boolean;
  /** Save the document afterwards when it had no unsaved changes before (ticking from outside the editor). */
  readonly saveIfClean: boolean;
}

export interface EditOutcome {
  readonly applied: number;
  readonly refused: number;
  /** False when VS Code rejected the edit as a whole (the document changed while it was being applied). */
  readonly ok: boolean;
}

/** Where an evidence block goes: before `line`; under a heading, which must still read as it did. */
export interface InsertionPlace {
  readonly line: number;
  readonly heading?: { readonly line: number; readonly text: string };
}

export class TrackerEdits {
  /** The edits that save a clean document (ticks from outside the editor, evidence blocks), one at a time per
   * document: each judges "was it clean?" after the previous one's save. */
  private readonly perDocument = new KeyedQueue();

  constructor(
    private readonly documents: TrackerDocuments,
    private readonly logger: Logger,
  ) {}

  /** Lines of `document` that are tasks in the model of its current text. */
  taskLines(document: vscode.TextDocument): ReadonlySet<number> {
    return new Set(this.documents.forDocument(document).model.tasks.map((task) => task.line));
  }

  /**
   * Toggles the tasks on the editor's selected lines; the first task in document order decides the state.
   * Undefined (and a message) when no selected line is a task.
   */
  async toggleAtCursors(editor: vscode.TextEditor, lines: readonly number[]): Promise<EditOutcome | undefined> {
    const document = editor.document;
    const tasks = this.taskLines(document);
    const targets: ToggleTarget[] = [];
    for (const line of lines) {
      if (!tasks.has(line)) continue;
      const lineText = document.lineAt(line).text;
      const markColumn = findMarkColumn(lineText);
      if (markColumn >= 0) targets.push({ line, markColumn, lineText, checked: lineText[markColumn] !== ' ' });
    }
    if (targets.length === 0) return undefined;
    return applyMarkEdits(document, planToggle(targets), this.logger);
  }

  /**
   * Puts rendered tasks into one state. Each is found again in the document as it reads now (moved lines are
   * followed; its mark may differ), must be a task in the model of that text, and is left alone when it already
   * is in the state. Refusals are told to the user and counted.
   */
  setTaskState(request: SetTaskStateRequest): Promise<EditOutcome> {
    return this.perDocument.run(request.uri.toString(), () => this.setTaskStateNow(request));
  }

  private async setTaskStateNow(request: SetTaskStateRequest): Promise<EditOutcome> {
    const document = await vscode.workspace.openTextDocument(request.uri);
    const wasDirty = document.isDirty;
    const tasks = this.taskLines(document);
    const lineAt = (line: number) => (line >= 0 && line < document.lineCount ? document.lineAt(line).text : undefined);
    const edits: MarkEdit[] = [];
    let refused = 0;
    const file = vscode.workspace.asRelativePath(document.uri);
    for (const rendered of request.tasks) {
      const markColumn = findMarkColumn(rendered.lineText);
      const found = relocateLine(rendered.line, (text) => sameTaskLine(text, rendered.lineText, markColumn), lineAt, document.lineCount);
      const reason = found.kind === 'refused' ? found.reason : tasks.has(found.line) ? undefined : vscode.l10n.t('it is not a task in the parsed document (a code block, perhaps)');
      if (found.kind === 'refused' || reason) {
        refused++;
        this.logger.warn(`Refused to set the task at ${file}:${rendered.line + 1}: ${reason}`);
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Execution Tracker: did not toggle line {0} of {1}: {2}. The line changed since the tracker was read; check it and toggle again.', rendered.line + 1, file, reason ?? ''),
        );
        continue;
      }
      const edit = setMarkEdit(found.line, lineAt(found.line) ?? '', request.checked);
      if (edit) edits.push(edit);
      // Said in the log, so a click that changed nothing can be told from one that never arrived.
      else this.logger.info(`${file}:${found.line + 1} is already ${request.checked ? 'ticked' : 'unticked'}; nothing to change.`);
    }
    const outcome = edits.length ? await applyMarkEdits(document, edits, this.logger) : { applied: 0, refused: 0, ok: true };
    if (request.saveIfClean && !wasDirty && outcome.applied > 0) await this.save(document, vscode.l10n.t('Execution Tracker: ticked the task in {0} but could not save the file. Save it from the editor.', file));
    return { applied: outcome.applied, refused: outcome.refused + refused, ok: outcome.ok && refused === 0 };
  }

  /**
   * Inserts an evidence block before `place.line` as one edit, saves a file that had no unsaved changes, and
   * returns the line range of the block, or undefined (and a message) when the document changed meanwhile.
   */
  insertBlock(document: vscode.TextDocument, block: readonly string[], place: InsertionPlace): Promise<vscode.Range | undefined> {
    return this.perDocument.run(document.uri.toString(), () => this.insertBlockNow(document, block, place));
  }

  private async insertBlockNow(document: vscode.TextDocument, block: readonly string[], place: InsertionPlace): Promise<vscode.Range | undefined> {
    const file = vscode.workspace.asRelativePath(document.uri);
    if (place.heading && (place.heading.line >= document.lineCount || document.lineAt(place.heading.line).text !== place.heading.text)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: {0} changed at line {1} while you were choosing, so nothing was inserted. Choose Record in tracker again.', file, place.heading.line + 1));
      return undefined;
    }
    const wasDirty = document.isDirty;
    const edit = insertEvidenceBlock(document.getText(), block, place.line);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.insert(document.uri, new vscode.Position(edit.line, edit.startColumn), edit.newText);
    let ok = false;
    try {
      ok = await vscode.workspace.applyEdit(workspaceEdit);
    } catch (error) {
      this.logger.error(`Inserting evidence into ${file} failed: ${describeError(error)}`);
    }
    if (!ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: {0} changed while the result was being recorded, so nothing was inserted. Try again.', file));
      return undefined;
    }
    // Like ticking from the tree: a file that had no unsaved changes is saved, so the evidence is on disk.
    if (!wasDirty) await document.save();
    const first = edit.line + (/^(?:\r\n|\r|\n)*/.exec(edit.newText)?.[0].match(/\r\n|\r|\n/g)?.length ?? 0);
    this.logger.info(`Recorded evidence in ${file} at line ${first + 1}: ${block[0]}`);
    return new vscode.Range(first, 0, first + block.length - 1, block[block.length - 1].length);
  }

  private async save(document: vscode.TextDocument, failure: string): Promise<void> {
    // The file on disk is what other tools (and teammates) read; a tick from outside the editor is finished.
    if (!(await document.save())) void vscode.window.showWarningMessage(failure);
  }
}
