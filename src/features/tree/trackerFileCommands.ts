// Adding any markdown file as a tracker (beyond the `executionTracker.files` glob), and removing it again.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { Commands } from '../commands';
import type { TrackerNode } from './nodes';

export function registerTrackerFileCommands(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    // From the explorer's context menu VS Code passes the clicked file and the whole selection.
    vscode.commands.registerCommand(Commands.addTrackerFile, async (clicked?: vscode.Uri, selected?: vscode.Uri[]) => {
      const given = selected?.length ? selected : clicked instanceof vscode.Uri ? [clicked] : undefined;
      const uris = given ?? (await pickMarkdownFiles());
      if (!uris?.length) return;
      for (const uri of uris) await services.trackers.addTracker(uri);
      // Picked in the dialog (the welcome view's "Open a Markdown File as Tracker"): open it too.
      if (!given) await vscode.window.showTextDocument(uris[0], { preview: false });
      const names = uris.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ');
      services.logger.info(`Added as tracker: ${names}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: added {0} as a tracker.', names));
    }),
    vscode.commands.registerCommand(Commands.removeTrackerFile, async (target?: TrackerNode | vscode.Uri) => {
      const uri = target instanceof vscode.Uri ? target : target?.entry.uri;
      if (!uri) return;
      await services.trackers.removeTracker(uri);
      services.logger.info(`Removed from trackers: ${vscode.workspace.asRelativePath(uri)}`);
    }),
  );
}

async function pickMarkdownFiles(): Promise<vscode.Uri[] | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    canSelectFolders: false,
    openLabel: vscode.l10n.t('Add as Tracker'),
    title: vscode.l10n.t('Add Markdown File as Tracker'),
    filters: { [vscode.l10n.t('Markdown')]: ['md', 'markdown'] },
    defaultUri: active?.languageId === 'markdown' ? active.uri : vscode.workspace.workspaceFolders?.[0]?.uri,
  });
}
