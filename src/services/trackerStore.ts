// Finds the workspace's tracker files, parses each once per text version and tells listeners when any changed.
// Open documents are read live (unsaved edits included); closed files are read from disk.
import * as vscode from 'vscode';
import type { TrackerModel } from '../core/tracker/model';
import { TrackerParseCache } from '../core/tracker/parseCache';
import { Disposable } from '../util/dispose';
import { describeError, type Logger } from './logger';
import { Settings } from './settings';
import { createEntry, decodeFileText, documentKey, type TrackerEntry } from './trackerEntry';
import { AddedTrackers } from './addedTrackers';

// node_modules can hold other projects' trackers; never list those.
const EXCLUDE_GLOB = '**/node_modules/**';
const MAX_TRACKER_FILES = 200;

export class TrackerStore extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires after a refresh changed the set of trackers or any tracker's model. */
  readonly onDidChange = this._onDidChange.event;

  /** Current trackers by uri string, in display order. */
  private entries = new Map<string, TrackerEntry>();
  /** Markdown documents that are not trackers, parsed on demand (toggling works in any markdown file). */
  private readonly adhoc = new Map<string, TrackerEntry>();
  /** Tracker uris as last found; re-found only when files appear or vanish, or the glob changes. */
  private uris: vscode.Uri[] = [];
  private urisDirty = true;
  /** Bumped when a refresh starts; a refresh whose number is no longer current drops its result. */
  private generation = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private globWatcher: vscode.FileSystemWatcher | undefined;
  private readonly added: AddedTrackers;
  /** Open trackers' last parses plus the edits since: a refresh re-parses only the sections an edit touched. */
  private readonly parses = new TrackerParseCache();
  private readonly firstRefresh: Promise<void>;

  constructor(
    workspaceState: vscode.Memento,
    private readonly settings: Settings,
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
        const key = event.document.uri.toString();
        this.parses.noteChanges(key, event.document.version, event.contentChanges.map((c) => ({ startLine: c.range.start.line, endLine: c.range.end.line, text: c.text })));
        if (this.entries.has(key)) this.scheduleRefresh();
      }),
    );
    // Opening or closing a tracker switches its text between the live document and the file on disk.
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.onOpenOrClose(document)));
    this._register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.adhoc.delete(document.uri.toString());
        this.parses.forget(document.uri.toString());
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

  /**
   * The model for an open document without waiting. For a tracker this is the cached entry, which may lag the
   * document by one debounce (compare `documentVersion` with `document.version`); any other markdown document
   * is parsed here, once per version.
   */
  modelForDocument(document: vscode.TextDocument): TrackerEntry {
    const key = document.uri.toString();
    const tracked = this.entries.get(key);
    if (tracked) return tracked;
    const cached = this.adhoc.get(key);
    const textKey = this.cacheKey(documentKey(document));
    if (cached && cached.key === textKey) return cached;
    const entry = createEntry(document.uri, textKey, document.version, document.getText(), this.parseOptions());
    this.adhoc.set(key, entry);
    return entry;
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

  /** The entry for one tracker, reusing the cached one when its text version has not changed. */
  private async load(uri: vscode.Uri, document: vscode.TextDocument | undefined): Promise<TrackerEntry | undefined> {
    const previous = this.entries.get(uri.toString());
    try {
      if (document) {
        const key = this.cacheKey(documentKey(document));
        if (previous?.key === key) return previous;
        const text = document.getText();
        return createEntry(uri, key, document.version, text, this.parseOptions(), this.parses.parse(uri.toString(), document.version, text, this.parseOptions()).model);
      }
      const stat = await vscode.workspace.fs.stat(uri);
      const key = this.cacheKey(`disk:${stat.mtime}:${stat.size}`);
      if (previous?.key === key) return previous;
      const text = decodeFileText(await vscode.workspace.fs.readFile(uri));
      this.parses.forget(uri.toString());
      return createEntry(uri, key, undefined, text, this.parseOptions());
    } catch (error) {
      this.logger.warn(`Could not read tracker ${uri.fsPath || uri.toString()}: ${describeError(error)}`);
      return undefined;
    }
  }

  /** A text version plus the parse options it was parsed with. */
  private cacheKey(textKey: string): string {
    return `${textKey}|templates:${this.settings.excludeTemplates ? 'excluded' : 'counted'}`;
  }

  private parseOptions() {
    return { excludeTemplates: this.settings.excludeTemplates };
  }
}

function sameEntries(a: ReadonlyMap<string, TrackerEntry>, b: ReadonlyMap<string, TrackerEntry>): boolean {
  if (a.size !== b.size) return false;
  const left = [...a.values()];
  const right = [...b.values()];
  return left.every((entry, index) => entry === right[index]);
}
