// Quick fixes for findings, computed from the document as it is now so each edit matches the text it changes.
import * as vscode from 'vscode';
import type { FindingsService } from '../../services/findings';
import { DIAGNOSTIC_SOURCE, findingRange, toDiagnostic, toWorkspaceEdit } from './toVscode';

export class TrackerQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly findings: FindingsService) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0 || !this.findings.enabled) return [];
    const version = document.version;
    const findings = await this.findings.forDocument(document);
    if (document.version !== version) return [];
    const actions: vscode.CodeAction[] = [];
    for (const finding of findings) {
      if (!finding.fixes?.length || !findingRange(finding).intersection(range)) continue;
      for (const fix of finding.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.diagnostics = [toDiagnostic(finding)];
        action.isPreferred = finding.fixes.length === 1;
        actions.push(action);
      }
    }
    return actions;
  }
}
