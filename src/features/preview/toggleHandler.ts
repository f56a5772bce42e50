// Receives checkbox clicks from the Markdown preview as URIs (`<uriScheme>://<extension id>/toggle?p=...`, see
// previewScript.ts for how they get here) and turns each into the same safe edit as the editor command:
// `executionTracker.setTaskState`, which re-checks the line and applies one WorkspaceEdit (one undo step).
//
// Anything can open a URI for this extension (a link in a web page, another extension), so everything is checked
// before a character changes: the session token the preview was rendered with, a markdown document that is open
// and in the workspace, a line in range whose text is still the rendered text (or has moved unchanged), and that
// line being a task in the parsed model. Otherwise nothing is edited and the user is told why.
import { timingSafeEqual } from 'node:crypto';
import * as vscode from 'vscode';
import { findMarkColumn, relocateEdit, type MarkEdit, type ToggleTarget } from '../../core/tracker/edits';
import { decodeToggleRequest, TOGGLE_PATH, TOGGLE_QUERY_KEY, type PreviewToggleRequest } from '../../core/preview/toggleRequest';
import type { Services } from '../../services';
import { Commands, type EditOutcome, type SetTaskStateRequest } from '../commands';
import { taskLinePredicate } from '../editing/taskLines';

export class PreviewToggleHandler implements vscode.UriHandler {
  constructor(
    private readonly token: string,
    private readonly services: Services,
  ) {}

  async handleUri(uri: vscode.Uri): Promise<void> {
    if (uri.path !== TOGGLE_PATH) {
      this.services.logger.warn(`Ignored a URI for an unknown action: ${uri.path}`);
      return;
    }
    const decoded = decodeToggleRequest(new URLSearchParams(uri.query).get(TOGGLE_QUERY_KEY));
    if (!decoded.ok) return this.ignore(decoded.reason);
    if (!this.hasToken(decoded.request)) return this.ignore('it did not come from a Markdown preview of this window');
    await this.toggle(decoded.request);
  }

  private async toggle(request: PreviewToggleRequest): Promise<void> {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === request.document);
    if (!document || document.languageId !== 'markdown' || !vscode.workspace.getWorkspaceFolder(document.uri)) {
      return this.ignore('the document is not an open markdown file of this workspace');
    }
    const file = vscode.workspace.asRelativePath(document.uri);
    const markColumn = findMarkColumn(request.lineText);
    if (request.line >= document.lineCount || markColumn < 0) {
      return this.refuse(file, request.line, vscode.l10n.t('it is not a task line'));
    }
    const current: ToggleTarget = { line: request.line, markColumn, lineText: request.lineText, checked: request.lineText[markColumn] !== ' ' };
    const wanted = request.lineText.slice(0, markColumn) + (request.checked ? 'x' : ' ') + request.lineText.slice(markColumn + 1);
    if (document.lineAt(request.line).text === wanted) {
      // Already in the requested state (the preview had not caught up); the preview re-renders on its own.
      return;
    }

    // Where the rendered line is now: the same line, or moved by edits above it; then it must still be a task.
    const probe: MarkEdit = { line: request.line, column: markColumn, oldMark: ' ', newMark: 'x', expectedLineText: request.lineText };
    const relocation = relocateEdit(probe, (line) => (line >= 0 && line < document.lineCount ? document.lineAt(line).text : undefined), document.lineCount);
    if (relocation.kind === 'refused') return this.refuse(file, request.line, relocation.reason);
    const line = relocation.edit.line;
    if (!taskLinePredicate(this.services.trackers.modelForDocument(document), document)(line)) {
      return this.refuse(file, line, vscode.l10n.t('it is not a task in the parsed document (a code block, perhaps)'));
    }

    const setRequest: SetTaskStateRequest = {
      uri: document.uri,
      targets: [{ ...current, line }],
      checked: request.checked,
      // Beside an editor the unsaved change is visible and undoable like any other; with no editor showing the
      // file, an unsaved change nobody can see would be a trap, so it is saved (as a tick from the tree is).
      saveIfClean: !vscode.window.visibleTextEditors.some((editor) => editor.document === document),
    };
    const outcome = await vscode.commands.executeCommand<EditOutcome>(Commands.setTaskState, setRequest);
    this.services.logger.info(`Preview click on ${file}:${line + 1}: ${outcome?.applied ?? 0} applied, ${outcome?.refused ?? 0} refused.`);
  }

  private hasToken(request: PreviewToggleRequest): boolean {
    const given = Buffer.from(request.token);
    const expected = Buffer.from(this.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private ignore(reason: string): void {
    this.services.logger.warn(`Ignored a checkbox toggle request: ${reason}.`);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Execution Tracker: ignored a request to tick a checkbox because {0}. Tick it in the editor or the preview of the file instead.', reason),
    );
  }

  private refuse(file: string, line: number, reason: string): void {
    this.services.logger.warn(`Refused a preview click on ${file}:${line + 1}: ${reason}.`);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Execution Tracker: did not toggle line {0} of {1} from the preview: {2}. Check the line in the editor and try again.', line + 1, file, reason),
    );
  }
}
