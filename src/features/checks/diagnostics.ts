// Problems-panel diagnostics for open trackers, refreshed when the store re-parses (debounced as the user types).
import * as vscode from 'vscode';
import type { FindingsService } from '../../services/findings';
import { describeError, type Logger } from '../../services/logger';
import type { TrackerStore } from '../../services/trackerStore';
import { Disposable } from '../../util/dispose';
import { toDiagnostic } from './toVscode';

export class TrackerDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('executionTracker'));
  /** Bumped on each refresh so a slow, older computation cannot overwrite a newer one. */
  private generation = 0;

  constructor(
    private readonly trackers: TrackerStore,
    private readonly findings: FindingsService,
    private readonly logger: Logger,
  ) {
    super();
    this._register(findings.onDidChange(() => void this.refresh()));
    this._register(vscode.workspace.onDidOpenTextDocument(() => void this.refresh()));
    // Findings are cached per entry, and a closed document's entry goes with it (TrackerDocuments.forget).
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)));
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    await this.trackers.whenReady();
    if (!this.findings.enabled) {
      this.collection.clear();
      return;
    }
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    const results = await Promise.all(
      this.trackers
        .trackers()
        .filter((entry) => open.has(entry.uri.toString()))
        .map(async (entry) => {
          try {
            return [entry.uri, (await this.findings.forEntry(entry)).map(toDiagnostic)] as const;
          } catch (error) {
            this.logger.error(`Checking ${vscode.workspace.asRelativePath(entry.uri)} failed: ${describeError(error)}`);
            return [entry.uri, []] as const;
          }
        }),
    );
    if (generation !== this.generation || this.isDisposed) return;
    this.collection.clear();
    for (const [uri, diagnostics] of results) this.collection.set(uri, diagnostics);
  }
}
