// Markdown files the user added as trackers by hand (outside the `executionTracker.files` glob). They are
// remembered per workspace and watched one by one, since they may live outside every workspace folder.
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';

const STATE_KEY = 'executionTracker.addedTrackers';

export interface AddedTrackerListener {
  /** A file was added, removed, created or deleted: the set of trackers may differ. */
  onDidChangeSet(): void;
  /** An added file's content changed on disk. */
  onDidChangeFile(uri: vscode.Uri): void;
}

export class AddedTrackers extends Disposable {
  private readonly watchers = new Map<string, vscode.FileSystemWatcher>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly listener: AddedTrackerListener,
  ) {
    super();
    this._register({ dispose: () => this.watchers.forEach((watcher) => watcher.dispose()) });
    this.syncWatchers();
  }

  has(uri: vscode.Uri): boolean {
    return this.stored().includes(uri.toString());
  }

  async add(uri: vscode.Uri): Promise<void> {
    if (this.has(uri)) return;
    await this.state.update(STATE_KEY, [...this.stored(), uri.toString()]);
    this.syncWatchers();
    this.listener.onDidChangeSet();
  }

  async remove(uri: vscode.Uri): Promise<void> {
    await this.state.update(STATE_KEY, this.stored().filter((value) => value !== uri.toString()));
    this.syncWatchers();
    this.listener.onDidChangeSet();
  }

  /** The added files that exist now; a deleted one stays remembered and comes back when the file does. */
  async existing(): Promise<vscode.Uri[]> {
    const result: vscode.Uri[] = [];
    for (const uri of this.uris()) {
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.type & vscode.FileType.File) result.push(uri);
      } catch {
        // Missing right now: skip it.
      }
    }
    return result;
  }

  private uris(): vscode.Uri[] {
    const result: vscode.Uri[] = [];
    for (const value of this.stored()) {
      try {
        result.push(vscode.Uri.parse(value, true));
      } catch {
        // A corrupt state entry must not break the store.
      }
    }
    return result;
  }

  private stored(): string[] {
    const value = this.state.get<unknown>(STATE_KEY);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  }

  private syncWatchers(): void {
    const wanted = new Map(this.uris().map((uri) => [uri.toString(), uri]));
    for (const [key, watcher] of this.watchers) {
      if (!wanted.has(key)) {
        watcher.dispose();
        this.watchers.delete(key);
      }
    }
    for (const [key, uri] of wanted) {
      if (this.watchers.has(key)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop() ?? ''));
      watcher.onDidCreate(() => this.listener.onDidChangeSet());
      watcher.onDidDelete(() => this.listener.onDidChangeSet());
      watcher.onDidChange(() => this.listener.onDidChangeFile(uri));
      this.watchers.set(key, watcher);
    }
  }
}
