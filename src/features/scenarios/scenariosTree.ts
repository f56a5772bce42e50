// The Scenarios view: each locustfile of the workspace, read statically (never imported), then its User classes
// and their tasks (TaskSets nested), with a syntax error or other problems as rows of their own. A click
// reveals the line; the inline actions run the node headless or with Locust's web UI.
import { readFile, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { formatProblem, pythonForLocust, readScenarios, type LocustScenarios, type ScenarioProblem, type ScenarioTask, type ScenarioUser } from '../../core/scenarios';
import type { Logger } from '../../services/logger';
import { Disposable } from '../../util/dispose';
import { findLocustfiles, type FoundFile } from '../tasks/detect';
import { readLaunchSettings } from '../tasks/launchSettings';

export const REVEAL_COMMAND = 'executionTracker.revealScenario';

export type ScenarioItem =
  | { readonly kind: 'file'; readonly file: FoundFile; readonly scenarios: LocustScenarios }
  | { readonly kind: 'user'; readonly file: FoundFile; readonly user: ScenarioUser }
  | { readonly kind: 'task'; readonly file: FoundFile; readonly user: ScenarioUser; readonly task: ScenarioTask; readonly tags: readonly string[]; readonly tagsDynamic: boolean }
  | { readonly kind: 'problem'; readonly file: FoundFile; readonly problem: ScenarioProblem; readonly error: boolean };

export class ScenariosTree extends Disposable implements vscode.TreeDataProvider<ScenarioItem> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  /** Read results by file, reused while the file's mtime and size stay the same. */
  private readonly cache = new Map<string, { key: string; result: Promise<LocustScenarios> }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly logger: Logger) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.py'));
    const changed = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this._onDidChangeTreeData.fire(), 300);
    };
    this._register(watcher.onDidChange(changed));
    this._register(watcher.onDidCreate(changed));
    this._register(watcher.onDidDelete(changed));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('executionTracker.launch.locustPath') && this.refresh()));
    this._register({ dispose: () => clearTimeout(this.timer) });
  }

  refresh(): void {
    this.cache.clear();
    this._onDidChangeTreeData.fire();
  }

  async getChildren(item?: ScenarioItem): Promise<ScenarioItem[]> {
    if (!item) {
      const files = await findLocustfiles();
      return Promise.all(files.map(async (file) => ({ kind: 'file' as const, file, scenarios: await this.read(file) })));
    }
    switch (item.kind) {
      case 'file': {
        const s = item.scenarios;
        const problems = [...(s.syntaxError ? [{ problem: s.syntaxError, error: true }] : []), ...s.problems.map((problem) => ({ problem, error: false }))];
        return [
          ...problems.map(({ problem, error }) => ({ kind: 'problem' as const, file: item.file, problem, error })),
          ...s.users.map((user) => ({ kind: 'user' as const, file: item.file, user })),
        ];
      }
      case 'user':
        return this.tasksOf(item.file, item.user, item.user.tasks, [], false);
      case 'task':
        return this.tasksOf(item.file, item.user, item.task.tasks, item.tags, item.tagsDynamic);
      case 'problem':
        return [];
    }
  }

  private tasksOf(file: FoundFile, user: ScenarioUser, tasks: readonly ScenarioTask[], tags: readonly string[], dynamic: boolean): ScenarioItem[] {
    return tasks.map((task) => ({ kind: 'task' as const, file, user, task, tags: [...new Set([...tags, ...task.tags])], tagsDynamic: dynamic || task.tagsDynamic }));
  }

  private read(file: FoundFile): Promise<LocustScenarios> {
    const path = file.uri.fsPath;
    return stat(path).then(
      (info) => {
        const key = `${info.mtimeMs}:${info.size}`;
        const cached = this.cache.get(path);
        if (cached?.key === key) return cached.result;
        const python = pythonForLocust(readLaunchSettings(file.folder).binaries.locust);
        const result = readFile(path).then((bytes) => readScenarios(file.relative, bytes, python));
        this.cache.set(path, { key, result });
        void result.then((r) => r.syntaxError && this.logger.warn(formatProblem(file.relative, r.syntaxError)));
        return result;
      },
      () => ({ file: file.relative, users: [], problems: [{ line: null, message: vscode.l10n.t('cannot be read') }] }),
    );
  }

  getTreeItem(item: ScenarioItem): vscode.TreeItem {
    const tree = new vscode.TreeItem(label(item), collapsible(item));
    tree.id = itemId(item);
    tree.description = description(item);
    tree.contextValue = contextValue(item);
    tree.iconPath = new vscode.ThemeIcon(icon(item));
    tree.tooltip = tooltip(item);
    tree.resourceUri = item.kind === 'file' ? item.file.uri : undefined;
    const line = lineOf(item);
    tree.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Reveal in Locustfile'), arguments: [item.file.uri, line] };
    return tree;
  }
}

function label(item: ScenarioItem): string {
  switch (item.kind) {
    case 'file':
      return item.file.relative;
    case 'user':
      return item.user.name;
    case 'task':
      return item.task.name;
    case 'problem':
      return item.problem.message;
  }
}

function collapsible(item: ScenarioItem): vscode.TreeItemCollapsibleState {
  const open = vscode.TreeItemCollapsibleState.Expanded;
  if (item.kind === 'file') return open;
  if (item.kind === 'user') return item.user.tasks.length ? open : vscode.TreeItemCollapsibleState.None;
  if (item.kind === 'task') return item.task.tasks.length ? open : vscode.TreeItemCollapsibleState.None;
  return vscode.TreeItemCollapsibleState.None;
}

function itemId(item: ScenarioItem): string {
  const base = item.file.uri.toString();
  if (item.kind === 'file') return base;
  if (item.kind === 'problem') return `${base}#problem:${item.problem.line}:${item.problem.message}`;
  if (item.kind === 'user') return `${base}#${item.user.name}`;
  return `${base}#${item.user.name}/${item.task.name}@${item.task.line}:${item.tags.join(',')}`;
}

function weightText(weight: number | null): string {
  return weight === null ? vscode.l10n.t('weight ?') : vscode.l10n.t('weight {0}', weight);
}

function tagsText(tags: readonly string[], dynamic: boolean): string {
  const all = dynamic ? [...tags, vscode.l10n.t('dynamic')] : tags;
  return all.length ? vscode.l10n.t('tags: {0}', all.join(' ')) : '';
}

function description(item: ScenarioItem): string {
  switch (item.kind) {
    case 'file': {
      const s = item.scenarios;
      if (s.syntaxError) return vscode.l10n.t('syntax error');
      return s.users.length === 1 ? vscode.l10n.t('1 User class') : vscode.l10n.t('{0} User classes', s.users.length);
    }
    case 'user': {
      const u = item.user;
      const parts = [u.fixedCount !== null ? vscode.l10n.t('fixed_count {0}', u.fixedCount) : weightText(u.weight), u.waitTime ?? '', u.host ?? '', u.abstract ? vscode.l10n.t('abstract') : ''];
      return parts.filter(Boolean).join(' · ');
    }
    case 'task': {
      const t = item.task;
      const parts = [t.kind === 'taskset' ? vscode.l10n.t('TaskSet') : '', weightText(t.weight), tagsText(item.tags, item.tagsDynamic), t.inherited ? vscode.l10n.t('from {0}', t.inherited) : ''];
      return parts.filter(Boolean).join(' · ');
    }
    case 'problem':
      return item.problem.line ? vscode.l10n.t('line {0}', item.problem.line) : '';
  }
}

function contextValue(item: ScenarioItem): string {
  if (item.kind === 'problem') return 'scenarioProblem';
  if (item.kind === 'file') return item.scenarios.syntaxError ? 'scenarioFileBroken' : 'scenarioFile';
  if (item.user.abstract) return 'scenarioAbstract';
  return item.kind === 'user' ? 'scenarioUser' : 'scenarioTask';
}

function icon(item: ScenarioItem): string {
  if (item.kind === 'problem') return item.error ? 'error' : 'warning';
  if (item.kind === 'file') return 'file-code';
  if (item.kind === 'user') return 'person';
  return item.task.kind === 'taskset' ? 'list-tree' : 'symbol-method';
}

function tooltip(item: ScenarioItem): string {
  if (item.kind === 'problem') return formatProblem(item.file.relative, item.problem);
  if (item.kind === 'task' && !item.tags.length) return vscode.l10n.t('No @tag: Run starts all of {0} (Locust selects tasks only by tag).', item.user.name);
  return `${item.file.relative}:${lineOf(item)}`;
}

export function lineOf(item: ScenarioItem): number {
  if (item.kind === 'file') return 1;
  if (item.kind === 'problem') return item.problem.line ?? 1;
  if (item.kind === 'user') return item.user.line;
  return item.task.line;
}
