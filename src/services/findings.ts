// Findings per tracker text version: computed once, shared by diagnostics, quick fixes and the tree.
import * as vscode from 'vscode';
import { runChecks, type SeverityOverrides } from '../core/checks/runChecks';
import type { EvidenceAccess, Finding } from '../core/checks/types';
import { parseTracker, splitLines } from '../core/tracker/parse';
import { Disposable } from '../util/dispose';
import type { EvidenceFiles } from './evidenceFiles';
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
  ) {
    super();
    const invalidate = () => {
      this.generation++;
      this._onDidChange.fire();
    };
    this._register(trackers.onDidChange(() => this._onDidChange.fire()));
    this._register(evidenceFiles.onDidChange(invalidate));
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
    const evidence: EvidenceAccess | undefined = resolved && { resolve: resolved.index.resolve, fileNames: resolved.index.fileNames };
    return runChecks({ text, lines, model, evidence }, this.settings.checkSeverities as SeverityOverrides);
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }
}
