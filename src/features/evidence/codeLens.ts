// CodeLens on lines with Locust evidence: "Open chart", "Open CSV", "Compare with previous run". Titles are
// fixed strings and the runs are known in memory, so each lens is complete when provided: nothing resolves later,
// nothing blinks while typing, and positions come from the model of the document's current version.
import * as vscode from 'vscode';
import type { LocustRun } from '../../core/locust';
import type { RunStore } from '../../services/runStore';
import { Settings } from '../../services/settings';
import { Disposable } from '../../util/dispose';
import { Commands } from '../commands';
import type { TrackerDocuments } from '../../services/trackerDocuments';
import { EvidenceLocator } from './locate';

interface LensLine {
  readonly line: number;
  readonly run: LocustRun;
  /** The cited file when it is a CSV (opened by "Open CSV"). */
  readonly csv: vscode.Uri | undefined;
}

const BLOCK_END = /^\s*(?:$|#|---)/;

export class EvidenceCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly _onDidChangeCodeLenses = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this._onDidChangeCodeLenses.event;

  constructor(
    private readonly models: TrackerDocuments,
    private readonly locator: EvidenceLocator,
    private readonly runs: RunStore,
    private readonly settings: Settings,
  ) {
    super();
    // Runs appearing or vanishing add or remove lenses; the baseline and tracker text do not matter here.
    this._register(runs.onDidChangeFiles(() => this._onDidChangeCodeLenses.fire()));
    this._register(settings.onDidChange((event) => Settings.affects(event, 'codeLens.enabled') && this._onDidChangeCodeLenses.fire()));
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.settings.codeLensEnabled) return [];
    const lines = await this.lensLines(document);
    if (token.isCancellationRequested) return [];
    return lines.flatMap((lens) => this.lensesFor(lens));
  }

  private async lensLines(document: vscode.TextDocument): Promise<LensLine[]> {
    const model = this.models.forDocument(document).model;
    const out = new Map<number, LensLine>();
    for (const located of await this.locator.locateAll(document.uri, model.evidence)) {
      const { ref, run } = located;
      if (!run || !EvidenceLocator.carriesNumbers(located) || out.has(ref.line)) continue;
      const csv = /\.csv$/i.test(located.uris[0].path) ? located.uris[0] : undefined;
      out.set(ref.line, { line: ref.line, run, csv });
    }
    // A summary line gets lenses when its run is in the workspace and its block cites none of that run's files.
    for (const summary of model.runs) {
      const run = this.locator.runForSummary(summary);
      if (!run || out.has(summary.line)) continue;
      let cited = false;
      for (let line = summary.line + 1; line < document.lineCount && !BLOCK_END.test(document.lineAt(line).text); line++) {
        if (out.get(line)?.run.id === run.id) cited = true;
      }
      if (!cited) out.set(summary.line, { line: summary.line, run, csv: undefined });
    }
    return [...out.values()].sort((a, b) => a.line - b.line);
  }

  private lensesFor({ line, run, csv }: LensLine): vscode.CodeLens[] {
    const range = new vscode.Range(line, 0, line, 0);
    const lenses = [
      new vscode.CodeLens(range, { title: vscode.l10n.t('Open chart'), command: Commands.openChart, arguments: [run.id], tooltip: vscode.l10n.t('Open the chart of run {0}', run.prefix) }),
      new vscode.CodeLens(range, { title: vscode.l10n.t('Open CSV'), command: Commands.openCsv, arguments: [run.id, csv?.toString()], tooltip: vscode.l10n.t('Open the CSV of run {0}', run.prefix) }),
    ];
    const previous = this.runs.previousRun(run.id);
    if (previous) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Compare with previous run'),
          command: Commands.compareRuns,
          arguments: [[previous.id, run.id]],
          tooltip: vscode.l10n.t('Compare {0} with {1}', run.prefix, previous.prefix),
        }),
      );
    }
    return lenses;
  }
}
