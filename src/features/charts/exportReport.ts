// "Export Report…" from a chart panel: what the panel shows now, as one self-contained HTML file (the CLI's
// `report` writes the same), saved through a dialog in the workspace.
import * as vscode from 'vscode';
import { reportHtml } from '../../core/report/html';
import type { Logger } from '../../services/logger';
import { describeError } from '../../services/logger';
import type { HostMessage, ReportData } from '../../shared/protocol';

/** A file name from the panel title: letters, digits, dots and dashes only. */
export function reportFileName(title: string): string {
  const base = title.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${base || 'report'}-report.html`;
}

/** The report page's script and stylesheet, written by esbuild.mjs next to the extension bundle. */
async function readReportAssets(extensionUri: vscode.Uri): Promise<{ script: string; css: string }> {
  const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'report', name)));
  const [script, css] = await Promise.all([read('report.js'), read('report.css')]);
  return { script, css };
}

export async function exportReport(message: HostMessage | undefined, extensionUri: vscode.Uri, logger: Logger): Promise<void> {
  if (message?.type !== 'render') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Nothing to export yet: the chart has not been drawn. Wait for it to load, then try again.'));
    return;
  }
  const data: ReportData = { title: message.title, generated: new Date().toISOString(), strings: message.strings, sections: [{ title: message.title, data: message.data }] };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, reportFileName(message.title)) : undefined,
    filters: { [vscode.l10n.t('HTML report')]: ['html'] },
    title: vscode.l10n.t('Export Report'),
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target) return;
  let assets: { script: string; css: string };
  try {
    assets = await readReportAssets(extensionUri);
  } catch (error) {
    logger.error(`Reading the report page from ${extensionUri.toString()}/dist/report failed: ${describeError(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: its report page (dist/report/report.js) could not be read: {0}. Reinstall the extension.', describeError(error)));
    return;
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(reportHtml(data, assets, vscode.env.language)));
    void vscode.window.showInformationMessage(vscode.l10n.t('Report saved to {0}. It is one file: open it in any browser, offline, or print it.', vscode.workspace.asRelativePath(target)));
  } catch (error) {
    logger.error(`Writing ${target.toString()} failed: ${describeError(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}. Choose another folder or check its permissions.', target.fsPath || target.toString(), describeError(error)));
  }
}
