// Which tracker the Progress panel shows: the one given (a Uri, or a tree node carrying `entry.uri`), else the
// tracker (or markdown file) in the active editor, else the only tracker, else a pick.
import * as vscode from 'vscode';
import type { Services } from '../../services';

function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const entry = typeof arg === 'object' && arg !== null ? (arg as { entry?: { uri?: unknown } }).entry : undefined;
  return entry?.uri instanceof vscode.Uri ? entry.uri : undefined;
}

export async function pickTracker(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  const given = uriOf(arg);
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document;
  // Any markdown file in the editor: a tracker outside the tracker glob has a history too.
  if (active && (services.trackers.isTracker(active.uri) || (active.languageId === 'markdown' && active.uri.scheme === 'file'))) return active.uri;
  const all = (await services.trackers.whenReady(), services.trackers.trackers()).map((entry) => entry.uri);
  if (all.length <= 1) {
    if (!all.length) void vscode.window.showWarningMessage(vscode.l10n.t('No tracker file in this workspace: open one, or add it with "Add Tracker File".'));
    return all[0];
  }
  const picked = await vscode.window.showQuickPick(
    all.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: vscode.l10n.t('Show Progress History'), placeHolder: vscode.l10n.t('Pick a tracker') },
  );
  return picked?.uri;
}
