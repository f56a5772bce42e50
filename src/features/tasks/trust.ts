// Workspace Trust for everything that starts a process: checked here, not only by VS Code, so a command run
// from anywhere (palette, keybinding, another extension) cannot start one in Restricted Mode.
import * as vscode from 'vscode';

/** True when processes may start; otherwise tells the user why not and how to trust the folder. */
export function ensureTrusted(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t(
        'Execution Tracker: {0} is disabled in Restricted Mode, because it would run programs (Locust, docker, pytest) with settings and files from this folder. Trust the folder to enable it.',
        action,
      ),
      manage,
    )
    .then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
