// The history of each tracker from git, for the Progress panel and the tree's "+N this week". Owns the counts
// cache (by blob id, so a second open parses nothing it has seen), runs git only in a trusted workspace, and
// says when a history may have changed (the tracker saved, or the repository's HEAD or index moved).
import * as vscode from 'vscode';
import type { CountsCache, HistoryPoint, TrackerHistory } from '../core/history/points';
import { pointBefore, startOfWeek } from '../core/history/range';
import { Disposable } from '../util/dispose';
import { GitHistoryError, loadHistory, readBlobs, type GitCommand } from './gitHistory';
import { describeError, type Logger } from './logger';
import type { Settings } from './settings';

export type HistoryResult = { readonly ok: true; readonly history: TrackerHistory } | { readonly ok: false; readonly message: string };

export class TrackerHistoryService extends Disposable {
  private readonly cache: CountsCache = new Map();
  /** The week baselines per tracker for the tree, dropped whenever a history may have changed. */
  private readonly baselines = new Map<string, Promise<Map<number, number> | undefined>>();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly logger: Logger,
  ) {
    super();
    this._register({ dispose: () => clearTimeout(this.timer) });
    this._register(vscode.workspace.onDidSaveTextDocument((document) => document.languageId === 'markdown' && this.changed()));
    const git = this._register(vscode.workspace.createFileSystemWatcher('**/.git/{HEAD,index,refs/heads/**}'));
    this._register(git.onDidChange(() => this.changed()));
    this._register(git.onDidCreate(() => this.changed()));
    this._register(settings.onDidChange(() => this.changed()));
  }

  /** Commits arrive in bursts (commit = index + ref + log): one event after they settle. */
  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.baselines.clear();
      this._onDidChange.fire();
    }, 500);
  }

  private git(): GitCommand {
    // VS Code's own git setting, when it names one binary; the PATH's git otherwise.
    const configured = vscode.workspace.getConfiguration('git').get<unknown>('path');
    return { binary: typeof configured === 'string' && configured.trim() !== '' && !configured.includes('${') ? configured.trim() : 'git' };
  }

  private refusal(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== 'file') return vscode.l10n.t('{0} is not a local file, so its git history cannot be read.', uri.toString());
    if (!vscode.workspace.isTrusted) return vscode.l10n.t('Reading the history runs git, which needs a trusted workspace. Trust the workspace to see it.');
    return undefined;
  }

  async history(uri: vscode.Uri): Promise<HistoryResult> {
    const refused = this.refusal(uri);
    if (refused) return { ok: false, message: refused };
    try {
      const started = Date.now();
      const history = await loadHistory(uri.fsPath, this.cache, { excludeTemplates: this.settings.excludeTemplates }, this.git());
      this.logger.debug(`History of ${uri.fsPath}: ${history.points.length} points, ${history.blobsRead} blobs read, ${Date.now() - started} ms.`);
      return { ok: true, history };
    } catch (error) {
      if (!(error instanceof GitHistoryError)) this.logger.error(`History of ${uri.fsPath}: ${describeError(error)}`);
      return { ok: false, message: describeError(error) };
    }
  }

  /** The file's text at each blob (null where git has none or it is not UTF-8). */
  async texts(uri: vscode.Uri, blobs: readonly string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    if (this.refusal(uri)) return out;
    const objects = await readBlobs(uri.fsPath, [...new Set(blobs)], this.git());
    for (const id of blobs) {
      const bytes = objects.get(id);
      let text: string | null = null;
      try {
        text = bytes ? new TextDecoder('utf-8', { fatal: true }).decode(bytes) : null;
      } catch {
        text = null;
      }
      out.set(id, text);
    }
    return out;
  }

  /**
   * Done per week at the last commit before this week's Monday, for "+N this week"; undefined when there is
   * no history (not a repository, no git, untrusted: the tree then shows no delta, silently).
   */
  weekBaseline(uri: vscode.Uri, now = new Date()): Promise<Map<number, number> | undefined> {
    const key = `${uri.toString()}\n${startOfWeek(now)}`;
    let pending = this.baselines.get(key);
    if (!pending) {
      pending = this.history(uri).then((result) => (result.ok ? baselineOf(pointBefore(result.history.points, startOfWeek(now))) : undefined));
      this.baselines.set(key, pending);
    }
    return pending;
  }
}

function baselineOf(point: HistoryPoint | null): Map<number, number> {
  const out = new Map<number, number>();
  for (const week of point?.weeks ?? []) if (!out.has(week.number)) out.set(week.number, week.tasks.done);
  return out;
}
