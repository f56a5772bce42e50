// Core findings and text edits as VS Code diagnostics and workspace edits.
import * as vscode from 'vscode';
import type { Finding, Severity, TextEdit } from '../../core/checks/types';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'Execution Tracker';

export function findingRange(finding: Finding): vscode.Range {
  return new vscode.Range(finding.line, finding.startColumn, finding.line, finding.endColumn);
}

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(findingRange(finding), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.rule;
  return diagnostic;
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) {
    workspaceEdit.replace(uri, new vscode.Range(edit.line, edit.startColumn, edit.endLine ?? edit.line, edit.endColumn), edit.newText);
  }
  return workspaceEdit;
}
