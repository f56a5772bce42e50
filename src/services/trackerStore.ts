// Finds the workspace's tracker files and tells listeners when the set or any tracker's model changed. Open
// documents are read live (unsaved edits included), closed files from disk; the models themselves come from
// TrackerDocuments, the one cache of them, so the store holds only which entries are current.
import * as vscode from 'vscode';
import type { TrackerModel } from '../core/tracker/model';
import { EXCLUDE_GLOB } from '../core/workspace/excluded';
import { Disposable } from '../util/dispose';
import { describeError, type Logger } from './logger';
import { Settings } from './settings';
import type { TrackerDocuments } from './trackerDocuments';
import { decodeFileText, type TrackerEntry } from './trackerEntry';
import { AddedTrackers } from './addedTrackers';

const MAX_TRACKER_FILES = 200;

export class TrackerStore extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires after a refresh changed the set of trackers or any tracker's model. */
  readonly onDidChange = this._onDidChange.event;

  /** Current trackers by uri string, in display order. */
  private entries = new Map<string, TrackerEntry>();
  /** Tracker uris as last found; re-found only when files appear or vanish, or the glob changes. */
  private uris: vscode.Uri[] = [];
  private urisDirty = true;
  /** Bumped when a refresh starts; a refresh whose number is no longer current drops its result. */
  private generation = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private globWatcher: vscode.FileSystemWatcher | undefined;
  private readonly added: AddedTrackers;
  private readonly firstRefresh: Promise<void>;

  constructor(
    workspaceState: vscode.Memento,
    private readonly settings: Settings,
    private readonly documents: TrackerDocuments,
    private readonly logger: Logger,
  ) {
    super();
    this.added = this._register(
      new AddedTrackers(workspaceState, {
        onDidChangeSet: () => this.invalidateUris(),
        onDidChangeFile: (uri) => {
          if (this.entries.has(uri.toString())) this.scheduleRefresh();
        },
      }),
    );
    this.watchGlob();
    this._register({ dispose: () => this.globWatcher?.dispose() });
    this._register({ dispose: () => clearTimeout(this.refreshTimer) });

    this._register(
      settings.onDidChange((event) => {
        if (Settings.affects(event, 'files')) {
          this.watchGlob();
          this.invalidateUris();
        }
        // Cache keys include the parse options, so a changed option re-parses everything on this refresh.
        if (Settings.affects(event, 'excludeTemplates')) this.scheduleRefresh();
      }),
    );
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidateUris()));
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Events without content changes only report dirty-state flips.
        if (event.contentChanges.length === 0) return;
        // Every document's edits, so the next parse of any markdown document can be incremental.
        this.documents.noteChanges(event.document.uri, event.document.version, event.contentChanges.map((c) => ({ startLine: c.range.start.line, endLine: c.range.end.line, text: c.text })));
        if (this.entries.has(event.document.uri.toString())) this.scheduleRefresh();
      }),
    );
    // Opening or closing a tracker switches its text between the live document and the file on disk.
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.onOpenOrClose(document)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        // Its next text is the file on disk; the document's versions are no use any more.
        this.documents.forget(document.uri);
        this.onOpenOrClose(document);
      }),
    );

    // The first refresh is immediate so the tree fills as soon as the extension starts.
    this.firstRefresh = this.refreshNow();
  }

  /** Resolves once the first search and parse have finished. */
  whenReady(): Promise<void> {
    return this.firstRefresh;
  }

  /** Trackers in display order (by path). */
  trackers(): readonly TrackerEntry[] {
    return [...this.entries.values()];
  }

  getEntry(uri: vscode.Uri): TrackerEntry | undefined {
    return this.entries.get(uri.toString());
  }

  getModel(uri: vscode.Uri): TrackerModel | undefined {
    return this.getEntry(uri)?.model;
  }

  isTracker(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  isAdded(uri: vscode.Uri): boolean {
    return this.added.has(uri);
  }

  async addTracker(uri: vscode.Uri): Promise<void> {
    await this.added.add(uri);
    await this.refreshNow();
  }

  async removeTracker(uri: vscode.Uri): Promise<void> {
    await this.added.remove(uri);
    await this.refreshNow();
  }

  /** Search for tracker files again and refresh now (the Refresh command). */
  rescan(): Promise<void> {
    this.urisDirty = true;
    return this.refreshNow();
  }

  /** Refresh now: re-read every tracker whose text version changed, re-finding files first when needed. */
  async refreshNow(): Promise<void> {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    const generation = ++this.generation;
    const started = Date.now();
    try {
      if (this.urisDirty) {
        this.urisDirty = false;
        const found = await this.findTrackerUris();
        if (generation !== this.generation) return;
        this.uris = found;
      }
      const openDocuments = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
      const next = new Map<string, TrackerEntry>();
      for (const uri of this.uris) {
        const entry = await this.load(uri, openDocuments.get(uri.toString()));
        if (generation !== this.generation) return; // a newer refresh started while we awaited: drop this one
        if (entry) next.set(uri.toString(), entry);
      }
      const changed = !sameEntries(this.entries, next);
      this.entries = next;
      this.logger.debug(`Refreshed ${next.size} tracker(s) in ${Date.now() - started} ms${changed ? '' : ' (unchanged)'}.`);
      if (changed) this._onDidChange.fire();
    } catch (error) {
      this.logger.error(`Refreshing trackers failed: ${describeError(error)}`);
    }
  }

  private scheduleRefresh(): void {
    if (this.isDisposed) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refreshNow();
    }, this.settings.refreshDelayMs);
  }

  private invalidateUris(): void {
    this.urisDirty = true;
    this.scheduleRefresh();
  }

  private onOpenOrClose(document: vscode.TextDocument): void {
    if (this.entries.has(document.uri.toString())) this.scheduleRefresh();
  }

  private watchGlob(): void {
    this.globWatcher?.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(this.settings.trackerGlob);
    watcher.onDidCreate(() => this.invalidateUris());
    watcher.onDidDelete(() => this.invalidateUris());
    watcher.onDidChange((uri) => {
      if (this.entries.has(uri.toString())) this.scheduleRefresh();
    });
    this.globWatcher = watcher;
  }

  private async findTrackerUris(): Promise<vscode.Uri[]> {
    const found = vscode.workspace.workspaceFolders?.length
      ? await vscode.workspace.findFiles(this.settings.trackerGlob, EXCLUDE_GLOB, MAX_TRACKER_FILES)
      : [];
    if (found.length >= MAX_TRACKER_FILES) {
      this.logger.warn(`The setting executionTracker.files matches ${MAX_TRACKER_FILES} files or more; only the first ${MAX_TRACKER_FILES} are shown. Narrow the glob.`);
    }
    const byKey = new Map<string, vscode.Uri>();
    for (const uri of [...found, ...(await this.added.existing())]) byKey.set(uri.toString(), uri);
    return [...byKey.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  /** The entry for one tracker from TrackerDocuments; a closed file is read only when its mtime or size changed. */
  private async load(uri: vscode.Uri, document: vscode.TextDocument | undefined): Promise<TrackerEntry | undefined> {
    try {
      if (document) return this.documents.forDocument(document);
      const stat = await vscode.workspace.fs.stat(uri);
      const textKey = `disk:${stat.mtime}:${stat.size}`;
      const cached = this.documents.cached(uri, textKey);
      if (cached) return cached;
      const text = decodeFileText(await vscode.workspace.fs.readFile(uri));
      return this.documents.forText(uri, textKey, () => text);
    } catch (error) {
      this.logger.warn(`Could not read tracker ${uri.fsPath || uri.toString()}: ${describeError(error)}`);
      return undefined;
    }
  }

}

function sameEntries(a: ReadonlyMap<string, TrackerEntry>, b: ReadonlyMap<string, TrackerEntry>): boolean {
  if (a.size !== b.size) return false;
  const left = [...a.values()];
  const right = [...b.values()];
  return left.every((entry, index) => entry === right[index]);
}
