// Saving a chart the webview exported: a save dialog (in the workspace by default), the PNG bytes checked, the
// file written through the workspace file system.
import * as vscode from 'vscode';
import type { Logger } from '../../services/logger';
import { describeError } from '../../services/logger';
import { pngBytes } from './validateMessage';

export async function exportPng(dataUrl: string, fileName: string, logger: Logger): Promise<void> {
  const bytes = pngBytes(dataUrl);
  if (!bytes) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The chart could not be exported: the image from the chart panel is not a PNG. Try the export again.'));
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: { [vscode.l10n.t('PNG image')]: ['png'] },
    title: vscode.l10n.t('Export Chart as PNG'),
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(vscode.l10n.t('Chart saved to {0}.', vscode.workspace.asRelativePath(target)));
  } catch (error) {
    logger.error(`Writing ${target.toString()} failed: ${describeError(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}. Choose another folder or check its permissions.', target.fsPath || target.toString(), describeError(error)));
  }
}
