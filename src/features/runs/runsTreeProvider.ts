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
import { gateRunFromStats, gateRunFromSummary } from '../../core/gate/gate';
import type { TrackerStore } from '../../services/trackerStore';
import { limitsOf, type TrackerLimits } from '../../services/trackerLimits';
import { describeFailure, failedChecks, type FailedCheck } from './gateVerdict';

/** The run store already debounces file events; this only joins what arrives together. */
const RUNS_RENDER_DELAY_MS = 20;

export class RunsTreeProvider extends Disposable implements vscode.TreeDataProvider<RunNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<RunNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  private nodes: RunNode[] = [];
  /** Failed gate checks per run id, from the same render as `nodes`. */
  private failures = new Map<string, FailedCheck[]>();
  private readonly pipeline: RenderPipeline<{ nodes: RunNode[]; failures: Map<string, FailedCheck[]> }>;

  constructor(
    private readonly runs: RunStore,
    private readonly trackers: TrackerStore,
    private readonly logger: Logger,
  ) {
    super();
    this.pipeline = new RenderPipeline({
      compute: async (stale) => {
        await this.runs.whenReady();
        if (stale()) return undefined;
        const limits = limitsOf(this.trackers.trackers());
        const failures = new Map<string, FailedCheck[]>();
        const csv = await Promise.all(this.runs.runs().map((run) => this.readSummary(run, limits, failures)));
        if (stale()) return undefined;
        const nodes = buildRunNodes(csv, this.runs.trackerRunsByLabel());
        for (const node of nodes) if (node.kind === 'tracker') failures.set(node.id, failedChecks(gateRunFromSummary(node.label, node.summary), limits));
        return { nodes, failures };
      },
      show: ({ nodes, failures }) => {
        this.nodes = nodes;
        this.failures = failures;
        this._onDidChangeTreeData.fire(undefined);
      },
      delayMs: RUNS_RENDER_DELAY_MS,
      onError: (error) => this.logger.error(`Rendering the Runs view failed: ${describeError(error)}`),
    });
    this._register(this.pipeline);
    // Run store changes include tracker text changes, so edited criteria re-judge every run.
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
    // `.baseline` stays last: the menus' when clauses match it at the end.
    item.contextValue = `run.${node.kind}`;
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
    const failed = this.failures.get(node.id) ?? [];
    if (failed.length) {
      parts.push(vscode.l10n.t('fails gate ({0})', failed.length));
      if (!baseline) item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue += '.failsGate';
    }
    if (baseline) item.contextValue += '.baseline';
    item.description = parts.join(' · ');
    return item;
  }

  /** Tooltips read the whole run (history and report included) only when the user hovers. */
  async resolveTreeItem(item: vscode.TreeItem, node: RunNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    const markdown = new vscode.MarkdownString();
    markdown.supportThemeIcons = true;
    const failed = this.failures.get(node.id) ?? [];
    if (failed.length) {
      markdown.appendMarkdown(`$(error) **${escapeMarkdown(vscode.l10n.t('Fails the gate: {0} of the tracker\'s criteria', failed.length))}**\n\n`);
      for (const failure of failed) markdown.appendMarkdown(`- ${escapeMarkdown(describeFailure(failure))}\n`);
      markdown.appendMarkdown('\n');
    }
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

  private async readSummary(run: CsvRunRead['run'], limits: readonly TrackerLimits[], failures: Map<string, FailedCheck[]>): Promise<CsvRunRead> {
    const uri = this.runs.uriOf(run, 'stats') ?? this.runs.uriOf(run, 'requests') ?? this.runs.uriOf(run, 'html');
    if (!uri) return { run, values: null, error: undefined };
    try {
      const result: LocustResult = await this.runs.readFile(uri);
      const stats = result.kind === 'stats' ? result : result.kind === 'html' ? result.stats : null;
      if (stats) failures.set(run.id, failedChecks(gateRunFromStats(run.id, stats), limits));
      return { run, values: stats?.aggregated ? endpointValues(stats.aggregated) : null, error: undefined };
    } catch (error) {
      return { run, values: null, error: error instanceof LocustReadError ? readErrorLine(error) : describeError(error) };
    }
  }
}
