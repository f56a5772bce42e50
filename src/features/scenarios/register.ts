// The Scenarios view (locustfiles, User classes, tasks), its Run / Run with Web UI actions, reveal on click,
// and "New Locustfile…".
import * as vscode from 'vscode';
import { scaffoldLocustfile } from '../../core/scenarios';
import type { Services } from '../../services';
import { suggestCsvPrefix } from '../tasks/csvPrefixSuggestion';
import { readLaunchSettings } from '../tasks/launchSettings';
import { ScenarioRunner } from './scenarioRunner';
import { ScenariosTree, type ScenarioItem } from './scenariosTree';

export const ScenarioCommands = {
  runScenario: 'executionTracker.runScenario',
  runScenarioWebUi: 'executionTracker.runScenarioWebUi',
  // The same id as the tree items' click command (REVEAL_COMMAND), written out for the manifest check.
  revealScenario: 'executionTracker.revealScenario',
  refreshScenarios: 'executionTracker.refreshScenarios',
  newLocustfile: 'executionTracker.newLocustfile',
} as const;

const isItem = (value: unknown): value is ScenarioItem => typeof value === 'object' && value !== null && 'kind' in value && 'file' in value;

async function reveal(uri: unknown, line: unknown): Promise<void> {
  if (!(uri instanceof vscode.Uri)) return;
  const at = typeof line === 'number' && line > 0 ? line - 1 : 0;
  const editor = await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: false });
  const position = new vscode.Position(Math.min(at, editor.document.lineCount - 1), 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function newLocustfile(services: Services): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: open a folder first; the locustfile is created in it.'));
    return;
  }
  const settings = readLaunchSettings(folder);
  const csvPrefix = await suggestCsvPrefix(services, settings.csvPrefixTemplate, settings.resultsFolder, { users: '10', spawnRate: '10', runTime: '1m', tags: 'smoke' });
  const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder.uri, 'locustfile.py'), filters: { Python: ['py'] }, title: vscode.l10n.t('New Locustfile') });
  if (!target) return;
  const text = scaffoldLocustfile({ host: settings.defaultHost, csvPrefix });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target);
}

export function register(context: vscode.ExtensionContext, services: Services): void {
  const tree = new ScenariosTree(services.logger);
  const runner = new ScenarioRunner(services);
  context.subscriptions.push(
    tree,
    vscode.window.createTreeView('executionTracker.scenarios', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand(ScenarioCommands.runScenario, (item: unknown) => (isItem(item) ? runner.run(item) : undefined)),
    vscode.commands.registerCommand(ScenarioCommands.runScenarioWebUi, (item: unknown) => (isItem(item) ? runner.runWithWebUi(item) : undefined)),
    vscode.commands.registerCommand(ScenarioCommands.revealScenario, reveal),
    vscode.commands.registerCommand(ScenarioCommands.refreshScenarios, () => tree.refresh()),
    vscode.commands.registerCommand(ScenarioCommands.newLocustfile, () => newLocustfile(services)),
  );
}
