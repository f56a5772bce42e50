// Commands behind links and lenses: open an evidence reference (pick among several files of one name) and open
// a run's CSV.
import * as vscode from 'vscode';
import { findEvidenceOnLine } from '../../core/tracker/evidence';
import type { Services } from '../../services';
import type { LocustRun } from '../../core/locust';
import { runLabel } from '../../util/runText';
import { Commands } from '../commands';
import type { OpenEvidenceArgs } from './links';
import type { EvidenceLocator } from './locate';

export function registerEvidenceCommands(services: Services, locator: EvidenceLocator): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.openEvidence, (args?: OpenEvidenceArgs) => openEvidence(locator, args)),
    vscode.commands.registerCommand(Commands.openCsv, (runId?: unknown, file?: unknown) => openCsv(services, runId, file)),
  );
}

async function openEvidence(locator: EvidenceLocator, args: OpenEvidenceArgs | undefined): Promise<void> {
  const target = args && typeof args.document === 'string' && typeof args.ref === 'string' ? args : referenceAtCursor();
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on an evidence file name (such as a _stats.csv) to open it.'));
    return;
  }
  const document = vscode.Uri.parse(target.document, true);
  const located = await locator.locate(document, { ref: target.ref, line: 0, startColumn: 0, endColumn: target.ref.length });
  if (located.uris.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No file named "{0}" in the workspace. Check the name in {1}, or add the file.', target.ref, vscode.workspace.asRelativePath(document)));
    return;
  }
  let uri: vscode.Uri | undefined = located.uris[0];
  if (located.uris.length > 1) {
    const picked = await vscode.window.showQuickPick(
      located.uris.map((candidate) => ({ label: vscode.workspace.asRelativePath(candidate), uri: candidate })),
      { title: vscode.l10n.t('{0} files match "{1}"', located.uris.length, target.ref), placeHolder: vscode.l10n.t('Choose the file to open') },
    );
    uri = picked?.uri;
  }
  if (uri) await vscode.commands.executeCommand('vscode.open', uri);
}

function referenceAtCursor(): OpenEvidenceArgs | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  const ref = findEvidenceOnLine(editor.document.lineAt(position.line).text, position.line).find(
    (r) => r.startColumn <= position.character && position.character <= r.endColumn,
  );
  return ref && { document: editor.document.uri.toString(), ref: ref.ref };
}

async function openCsv(services: Services, runId: unknown, file: unknown): Promise<void> {
  if (typeof file === 'string') {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(file, true));
    return;
  }
  await services.runs.whenReady();
  const run = typeof runId === 'string' ? services.runs.getRun(runId) : await pickRun(services);
  if (!run) {
    if (typeof runId === 'string') void vscode.window.showWarningMessage(vscode.l10n.t('Run "{0}" is no longer in the workspace.', runId));
    return;
  }
  const uri = services.runs.uriOf(run, 'stats') ?? services.runs.uriOf(run, 'requests') ?? services.runs.uriOf(run, 'history') ?? services.runs.uriOf(run, 'failures');
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Run {0} has no CSV file, only {1}.', run.prefix, Object.values(run.files).join(', ')));
    return;
  }
  await vscode.commands.executeCommand('vscode.open', uri);
}

async function pickRun(services: Services): Promise<LocustRun | undefined> {
  const runs = services.runs.runs();
  if (runs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Locust results (*_stats.csv and siblings) in this workspace.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    [...runs].reverse().map((run) => ({ label: runLabel(run), description: run.prefix, run })),
    { title: vscode.l10n.t('Open CSV of Run'), placeHolder: vscode.l10n.t('Choose a run') },
  );
  return picked?.run;
}
