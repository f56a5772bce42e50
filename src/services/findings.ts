// Findings per tracker text version: computed once, shared by diagnostics, quick fixes and the tree.
import * as vscode from 'vscode';
import { runChecks, type SeverityOverrides } from '../core/checks/runChecks';
import { aggregatedNumbers } from '../core/checks/aggregated';
import type { AggregatedNumbers, EvidenceAccess, Finding } from '../core/checks/types';
import type { TrackerModel } from '../core/tracker/model';
import { parseTracker, splitLines } from '../core/tracker/parse';
import { Disposable } from '../util/dispose';
import type { EvidenceFiles } from './evidenceFiles';
import type { RunStore } from './runStore';
import { Settings } from './settings';
import type { TrackerEntry } from './trackerEntry';
import type { TrackerStore } from './trackerStore';

export class FindingsService extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when findings may have changed: trackers, evidence files or check settings changed. */
  readonly onDidChange = this._onDidChange.event;

  private readonly cache = new Map<string, { key: string; findings: Promise<Finding[]> }>();
  private generation = 0;

  constructor(
    private readonly trackers: TrackerStore,
    private readonly evidenceFiles: EvidenceFiles,
    private readonly settings: Settings,
    private readonly runs: RunStore,
  ) {
    super();
    const invalidate = () => {
      this.generation++;
      this._onDidChange.fire();
    };
    this._register(trackers.onDidChange(() => this._onDidChange.fire()));
    this._register(evidenceFiles.onDidChange(invalidate));
    // A cited _stats.csv changed (or a run appeared): evidence-drift findings may differ.
    this._register(runs.onDidChangeFiles(invalidate));
    this._register(settings.onDidChange((event) => Settings.affects(event, 'checks') && invalidate()));
  }

  get enabled(): boolean {
    return this.settings.checksEnabled;
  }

  /** Findings for a tracker as the store last parsed it. */
  forEntry(entry: TrackerEntry): Promise<Finding[]> {
    const key = `${entry.key}#${this.generation}`;
    const cached = this.cache.get(entry.uri.toString());
    if (cached?.key === key) return cached.findings;
    const lines = Array.from({ length: entry.model.lineCount }, (_, i) => entry.lineAt(i) ?? '');
    const findings = this.compute(entry.uri, lines.join('\n'), lines, entry.model);
    this.cache.set(entry.uri.toString(), { key, findings });
    return findings;
  }

  /** Findings for a document's current text, for quick fixes that must match the text they edit. */
  forDocument(document: vscode.TextDocument): Promise<Finding[]> {
    const entry = this.trackers.getEntry(document.uri);
    if (entry && entry.documentVersion === document.version) return this.forEntry(entry);
    const text = document.getText();
    return this.compute(document.uri, text, splitLines(text), parseTracker(text, { excludeTemplates: this.settings.excludeTemplates }));
  }

  private async compute(uri: vscode.Uri, text: string, lines: string[], model: ReturnType<typeof parseTracker>): Promise<Finding[]> {
    const resolved = await this.evidenceFiles.indexFor(uri);
    if (!resolved) return runChecks({ text, lines, model }, this.settings.checkSeverities as SeverityOverrides);
    // The rules are synchronous: read the cited stats CSVs first, then answer from what was read.
    const aggregated = await this.readCitedStats(model, resolved.index.resolve, resolved.toUri);
    const evidence: EvidenceAccess = {
      resolve: resolved.index.resolve,
      fileNames: resolved.index.fileNames,
      aggregated: (path) => aggregated.get(path),
    };
    return runChecks({ text, lines, model, evidence }, this.settings.checkSeverities as SeverityOverrides);
  }

  private async readCitedStats(model: TrackerModel, resolve: (ref: string) => string | undefined, toUri: (path: string) => vscode.Uri): Promise<Map<string, AggregatedNumbers>> {
    const out = new Map<string, AggregatedNumbers>();
    if (model.runs.length === 0) return out;
    const paths = new Set<string>();
    for (const ref of model.evidence) {
      if (!/_stats\.csv$/i.test(ref.ref)) continue;
      const path = resolve(ref.ref);
      if (path) paths.add(path);
    }
    await Promise.all(
      [...paths].map(async (path) => {
        try {
          const result = await this.runs.readFile(toUri(path));
          const numbers = result.kind === 'stats' ? aggregatedNumbers(result) : undefined;
          if (numbers) out.set(path, numbers);
        } catch {
          // Unreadable CSVs are reported where they are opened (hover, Runs view); drift just skips them.
        }
      }),
    );
    return out;
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }
}
