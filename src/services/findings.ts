// Findings per tracker entry (a text version parsed with the current options, from TrackerDocuments): computed
// once per entry and evidence generation, shared by diagnostics, quick fixes and the tree. No parse of its own.
import * as vscode from 'vscode';
import { runChecks, type SeverityOverrides } from '../core/checks/runChecks';
import { aggregatedNumbers } from '../core/checks/aggregated';
import type { AggregatedNumbers, EvidenceAccess, Finding } from '../core/checks/types';
import type { TrackerModel } from '../core/tracker/model';
import { Disposable } from '../util/dispose';
import type { EvidenceFiles } from './evidenceFiles';
import type { RunStore } from './runStore';
import { Settings } from './settings';
import type { TrackerDocuments } from './trackerDocuments';
import type { TrackerEntry } from './trackerEntry';
import type { TrackerStore } from './trackerStore';

export class FindingsService extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when findings may have changed: trackers, evidence files or check settings changed. */
  readonly onDidChange = this._onDidChange.event;

  /** Per entry (an entry is one text and one set of options), with the evidence generation it was computed at. */
  private readonly cache = new WeakMap<TrackerEntry, { generation: number; findings: Promise<Finding[]> }>();
  private generation = 0;

  constructor(
    trackers: TrackerStore,
    private readonly documents: TrackerDocuments,
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

  /** Findings for one entry: a tracker as the store holds it, or a document as it reads now. */
  forEntry(entry: TrackerEntry): Promise<Finding[]> {
    const cached = this.cache.get(entry);
    if (cached?.generation === this.generation) return cached.findings;
    const findings = this.compute(entry.uri, entry.text, entry.lines(), entry.model);
    this.cache.set(entry, { generation: this.generation, findings });
    return findings;
  }

  /** Findings for a document's current text, for quick fixes that must match the text they edit. */
  forDocument(document: vscode.TextDocument): Promise<Finding[]> {
    return this.forEntry(this.documents.forDocument(document));
  }

  private async compute(uri: vscode.Uri, text: string, lines: readonly string[], model: TrackerModel): Promise<Finding[]> {
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

}
