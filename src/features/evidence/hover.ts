// Hover on an evidence reference: the run's numbers from its files, the change against the previous run and the
// baseline, the known quirks of its files, and one line per file that could not be read.
import * as vscode from 'vscode';
import type { LocustRunData } from '../../core/locust';
import { describeError, type Logger } from '../../services/logger';
import type { RunStore } from '../../services/runStore';
import { runErrors, runLabel, runNotes, runTable, runValues, summaryValues, type ComparedRun } from '../../util/runText';
import type { TrackerDocuments } from '../../services/trackerDocuments';
import type { EvidenceLocator } from './locate';
import { escapeMarkdown } from '../../util/markdownText';

export class EvidenceHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly models: TrackerDocuments,
    private readonly locator: EvidenceLocator,
    private readonly runs: RunStore,
    private readonly logger: Logger,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const ref = this.models.forDocument(document).model.evidence.find((r) => r.line === position.line && r.startColumn <= position.character && position.character <= r.endColumn);
    if (!ref) return undefined;
    const located = await this.locator.locate(document.uri, ref);
    if (!located.run || token.isCancellationRequested) return undefined;
    const run = located.run;
    const range = new vscode.Range(ref.line, ref.startColumn, ref.line, ref.endColumn);
    const markdown = new vscode.MarkdownString();
    markdown.supportThemeIcons = true;
    markdown.appendMarkdown(`**${escapeMarkdown(runLabel(run))}** · ${escapeMarkdown(run.prefix)}\n\n`);
    let data: LocustRunData;
    try {
      data = await this.runs.read(run.id);
    } catch (error) {
      this.logger.error(`Reading run ${run.id} for a hover failed: ${describeError(error)}`);
      markdown.appendMarkdown(`$(error) ${escapeMarkdown(vscode.l10n.t('Could not read run {0}: {1}', run.prefix, describeError(error)))}\n`);
      return new vscode.Hover(markdown, range);
    }
    if (token.isCancellationRequested) return undefined;
    const compared = await this.compared(run.id);
    const table = runTable(data, compared);
    if (table) markdown.appendMarkdown(`${table}\n\n`);
    else if (data.errors.length === 0) markdown.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('No request statistics in this run (no _stats.csv or report).'))}\n\n`);
    for (const line of runErrors(data)) markdown.appendMarkdown(`$(error) ${escapeMarkdown(line)}\n\n`);
    for (const note of runNotes(data)) markdown.appendMarkdown(`$(info) ${escapeMarkdown(note)}\n\n`);
    return new vscode.Hover(markdown, range);
  }

  /** The previous run and the baseline (a CSV run, or a run summarised in the tracker text), with their numbers. */
  private async compared(id: string): Promise<ComparedRun[]> {
    const out: ComparedRun[] = [];
    const values = async (runId: string) => runValues(await this.runs.read(runId).catch(() => undefined));
    const previous = this.runs.previousRun(id);
    if (previous) out.push({ title: vscode.l10n.t('vs {0}', runLabel(previous)), values: await values(previous.id) });
    const baselineId = this.runs.baselineId;
    if (!baselineId || baselineId === id) return out;
    const baseline = this.runs.getRun(baselineId);
    if (baseline) {
      out.push({ title: vscode.l10n.t('vs baseline {0}', runLabel(baseline)), values: await values(baseline.id) });
    } else {
      const summary = this.runs.trackerRun(baselineId);
      if (summary) out.push({ title: vscode.l10n.t('vs baseline {0} (tracker text)', summary.label ?? summary.source), values: summaryValues(summary) });
    }
    return out;
  }
}
