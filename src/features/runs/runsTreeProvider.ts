// The Runs view: every run in the workspace and in the tracker text, with P95 / RPS / failure % at a glance.
// Descriptions need only each run's _stats.csv (KB, cached by the store); the tooltip reads the whole run lazily.
// One render pipeline (util/renderPipeline.ts): a change of the runs schedules one render, which reads the
// summaries, drops its result when a newer change came meanwhile, and then fires once; getChildren only
// returns what was rendered, so VS Code asking again never starts another read.
import * as vscode from 'vscode';
import type { LocustResult } from '../../core/locust';
import { endpointValues } from '../../core/locust/compare';
import { describeError, type Logger } from '../../services/logger';
import type { RunStore } from '../../services/runStore';
import { Disposable } from '../../util/dispose';
import { RenderPipeline } from '../../util/renderPipeline';
import { readErrorLine, runErrors, runNotes, runTable, summaryValues } from '../../util/runText';
import { runLineParts } from '../../core/locust/runLine';
import { Commands } from '../commands';
import { buildRunNodes, type CsvRunRead, type RunNode } from './nodes';
import { LocustReadError } from '../../core/locust/errors';
import { escapeMarkdown } from '../../util/markdownText';

/** The run store already debounces file events; this only joins what arrives together. */
const RUNS_RENDER_DELAY_MS = 20;

export class RunsTreeProvider extends Disposable implements vscode.TreeDataProvider<RunNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<RunNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  private nodes: RunNode[] = [];
  private readonly pipeline: RenderPipeline<RunNode[]>;

  constructor(
    private readonly runs: RunStore,
    private readonly logger: Logger,
  ) {
    super();
    this.pipeline = new RenderPipeline({
      compute: async (stale) => {
        await this.runs.whenReady();
        if (stale()) return undefined;
        const csv = await Promise.all(this.runs.runs().map((run) => this.readSummary(run)));
        return stale() ? undefined : buildRunNodes(csv, this.runs.trackerRunsByLabel());
      },
      show: (nodes) => {
        this.nodes = nodes;
        this._onDidChangeTreeData.fire(undefined);
      },
      delayMs: RUNS_RENDER_DELAY_MS,
      onError: (error) => this.logger.error(`Rendering the Runs view failed: ${describeError(error)}`),
    });
    this._register(this.pipeline);
    this._register(runs.onDidChange(() => this.pipeline.schedule()));
    this.pipeline.schedule();
  }

  /** Renders shown so far (one per change of the runs). */
  get renders(): number {
    return this.pipeline.renders;
  }

  async getChildren(element?: RunNode): Promise<RunNode[]> {
    if (element) return [];
    // Before the first render VS Code waits for it rather than showing an empty view.
    if (this.pipeline.renders === 0) await this.pipeline.whenIdle();
    return this.nodes;
  }

  getTreeItem(node: RunNode): vscode.TreeItem {
    const baseline = this.runs.baselineId === node.id;
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = `run.${node.kind}${baseline ? '.baseline' : ''}`;
    const parts: string[] = [];
    if (node.kind === 'csv') {
      if (node.values) parts.push(...runLineParts(node.values, 'csv'));
      else parts.push(node.error ? vscode.l10n.t('unreadable') : vscode.l10n.t('no statistics'));
      item.iconPath = new vscode.ThemeIcon(baseline ? 'star-full' : node.error ? 'warning' : 'graph-line');
      item.command = { command: Commands.openChart, title: vscode.l10n.t('Open chart'), arguments: [node.id] };
    } else {
      parts.push(...runLineParts(summaryValues(node.summary), 'tracker'));
      item.iconPath = new vscode.ThemeIcon(baseline ? 'star-full' : 'note');
      item.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Show in Tracker'),
        arguments: [node.summary.tracker, { selection: new vscode.Range(node.summary.line, 0, node.summary.line, 0), preview: true }],
      };
    }
    if (baseline) parts.push(vscode.l10n.t('baseline'));
    item.description = parts.join(' · ');
    return item;
  }

  /** Tooltips read the whole run (history and report included) only when the user hovers. */
  async resolveTreeItem(item: vscode.TreeItem, node: RunNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    const markdown = new vscode.MarkdownString();
    markdown.supportThemeIcons = true;
    if (node.kind === 'tracker') {
      markdown.appendMarkdown(`**${escapeMarkdown(node.label)}** · ${escapeMarkdown(vscode.l10n.t('from tracker text'))}\n\n`);
      markdown.appendMarkdown(`${escapeMarkdown(node.summary.source)}\n\n`);
      markdown.appendMarkdown(`${escapeMarkdown(`${vscode.workspace.asRelativePath(node.summary.tracker)}:${node.summary.line + 1}`)}\n\n`);
      markdown.appendMarkdown(escapeMarkdown(vscode.l10n.t('No Locust CSV of this run is in the workspace; the numbers are the ones written in the tracker.')));
      item.tooltip = markdown;
      return item;
    }
    markdown.appendMarkdown(`**${escapeMarkdown(node.label)}** · ${escapeMarkdown(node.run.prefix)}${this.runs.baselineId === node.id ? ` · $(star-full) ${escapeMarkdown(vscode.l10n.t('baseline'))}` : ''}\n\n`);
    try {
      const data = await this.runs.read(node.id);
      if (token.isCancellationRequested) return item;
      const table = runTable(data, []);
      if (table) markdown.appendMarkdown(`${table}\n\n`);
      for (const line of runErrors(data)) markdown.appendMarkdown(`$(error) ${escapeMarkdown(line)}\n\n`);
      for (const note of runNotes(data)) markdown.appendMarkdown(`$(info) ${escapeMarkdown(note)}\n\n`);
    } catch (error) {
      this.logger.error(`Reading run ${node.id} for a tooltip failed: ${describeError(error)}`);
      markdown.appendMarkdown(`$(error) ${escapeMarkdown(describeError(error))}`);
    }
    item.tooltip = markdown;
    return item;
  }

  private async readSummary(run: CsvRunRead['run']): Promise<CsvRunRead> {
    const uri = this.runs.uriOf(run, 'stats') ?? this.runs.uriOf(run, 'requests') ?? this.runs.uriOf(run, 'html');
    if (!uri) return { run, values: null, error: undefined };
    try {
      const result: LocustResult = await this.runs.readFile(uri);
      const stats = result.kind === 'stats' ? result : result.kind === 'html' ? result.stats : null;
      return { run, values: stats?.aggregated ? endpointValues(stats.aggregated) : null, error: undefined };
    } catch (error) {
      return { run, values: null, error: error instanceof LocustReadError ? readErrorLine(error) : describeError(error) };
    }
  }
}
