// The workspace's evidence files (the extensions a tracker cites), listed once and kept current by a watcher,
// so resolving a reference never searches the disk on a keystroke.
import * as vscode from 'vscode';
import { EVIDENCE_EXTENSIONS } from '../core/tracker/evidence';
import { createEvidenceIndex, type EvidenceIndex } from '../core/evidence/resolve';
import { EXCLUDE_GLOB } from '../core/workspace/excluded';
import { Disposable } from '../util/dispose';
import { folderRelativePath } from '../util/paths';
import { describeError, type Logger } from './logger';

const GLOB = `**/*.{${EVIDENCE_EXTENSIONS.join(',')}}`;
const MAX_FILES = 50_000;

export class EvidenceFiles extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when evidence files appear or vanish. */
  readonly onDidChange = this._onDidChange.event;

  /** Workspace-relative paths per workspace folder uri; undefined until first listed or after a change. */
  private listing: Promise<Map<string, string[]>> | undefined;

  constructor(private readonly logger: Logger) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(GLOB, false, true, false));
    this._register(watcher.onDidCreate(() => this.invalidate()));
    this._register(watcher.onDidDelete(() => this.invalidate()));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()));
  }

  private invalidate(): void {
    this.listing = undefined;
    this._onDidChange.fire();
  }

  private list(): Promise<Map<string, string[]>> {
    this.listing ??= Promise.resolve(vscode.workspace.findFiles(GLOB, EXCLUDE_GLOB, MAX_FILES)).then(
      (uris) => {
        const byFolder = new Map<string, string[]>();
        for (const uri of uris) {
          const folder = vscode.workspace.getWorkspaceFolder(uri);
          if (!folder) continue;
          const key = folder.uri.toString();
          const files = byFolder.get(key) ?? [];
          files.push(folderRelativePath(folder.uri, uri) ?? uri.path);
          byFolder.set(key, files);
        }
        return byFolder;
      },
      (error: unknown) => {
        this.logger.error(`Listing evidence files failed: ${describeError(error)}`);
        return new Map<string, string[]>();
      },
    );
    return this.listing;
  }

  /** An index that resolves references written in `tracker` to files of its workspace folder. */
  async indexFor(tracker: vscode.Uri): Promise<{ index: EvidenceIndex; toUri(path: string): vscode.Uri } | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(tracker);
    if (!folder) return undefined;
    const files = (await this.list()).get(folder.uri.toString()) ?? [];
    return {
      index: createEvidenceIndex(folderRelativePath(folder.uri, tracker) ?? tracker.path, files),
      toUri: (path) => vscode.Uri.joinPath(folder.uri, ...path.split('/')),
    };
  }
}
