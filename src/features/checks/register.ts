// Tracker checks in the editor: diagnostics, quick fixes and the "Repair Encoding" command.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { TrackerDiagnostics } from './diagnostics';
import { TrackerQuickFixes } from './quickFixes';
import { repairEncoding } from './repairEncoding';

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    new TrackerDiagnostics(services.trackers, services.findings, services.logger),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new TrackerQuickFixes(services.findings), TrackerQuickFixes.metadata),
    vscode.commands.registerCommand('executionTracker.repairEncoding', () => repairEncoding(services.logger)),
  );
}
