// The workspace's Locust runs: result files found by name, grouped into runs by prefix, read lazily by the
// core readers and cached per file (uri + mtime + size), so a run still being written re-reads only what
// changed. Activation only lists files; nothing is read until a feature asks.
import * as vscode from 'vscode';
import {
  assembleRunData,
  classifyFileName,
  compileRunPattern,
  DEFAULT_RUN_PATTERN,
  groupRuns,
  LocustReadError,
  readLocustBytes,
  readLocustFile,
  type HistoryParallelism,
  type LocustResult,
  type LocustRun,
  type LocustRunData,
  type RunFileRole,
} from '../core/locust';
import { trackerRunId } from '../core/locust/trend';
import type { RunSummary } from '../core/tracker/model';
import { EXCLUDE_GLOB } from '../core/workspace/excluded';
import { Disposable } from '../util/dispose';
import { folderRelativePath } from '../util/paths';
import { describeError, type Logger } from './logger';
import { Settings } from './settings';
import type { TrackerStore } from './trackerStore';

const CSV_GLOB = '**/*{_stats,_stats_history,_failures,_exceptions,_requests,_distribution}.csv';
// Reports are `X_report.html`, `X-report.html` or `--html X.html` beside `--csv X`; groupRuns keeps only those.
const HTML_GLOB = '**/*.html';
const WATCH_GLOB = '**/*.{csv,html}';
const MAX_FILES = 20_000;
/** Where 0.1.0 kept the baseline (invisible to the CLI); read once as a fallback, cleared when a baseline is set. */
const LEGACY_BASELINE_KEY = 'executionTracker.baselineRun';

/** A run as the tracker text summarises it (whether or not its CSVs are in the workspace). */
export interface TrackerRunSummary extends RunSummary {
  readonly tracker: vscode.Uri;
}

interface CachedFile {
  readonly key: string;
  readonly result: Promise<LocustResult>;
}

export class RunStore extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when runs appear or vanish, a run's files change, the baseline changes or tracker summaries change. */
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidChangeFiles = this._register(new vscode.EventEmitter<void>());
  /** Fires when result files appear, vanish or change (not for baseline or tracker text changes). */
  readonly onDidChangeFiles = this._onDidChangeFiles.event;

  private list: LocustRun[] = [];
  private byId = new Map<string, LocustRun>();
  /** Run file path (the id space: workspace-relative, folder-prefixed in multi-root) -> uri. */
  private uriByPath = new Map<string, vscode.Uri>();
  /** File uri string -> its run. */
  private runByFile = new Map<string, LocustRun>();
  /** Paths as last listed, regrouped without listing again when the name pattern changes. */
  private paths: string[] = [];
  private readonly files = new Map<string, CachedFile>();
  private generation = 0;
  private listTimer: ReturnType<typeof setTimeout> | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** A file change is waiting in the debounce (as opposed to only tracker text). */
  private pendingFileChange = false;
  private readonly firstListing: Promise<void>;
  private warnedPattern: string | undefined;

  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly settings: Settings,
    private readonly trackers: TrackerStore,
    private readonly logger: Logger,
    /** Big history files are read in parts on worker threads. */
    private readonly parallel?: HistoryParallelism,
  ) {
    super();
    this._register({ dispose: () => (clearTimeout(this.listTimer), clearTimeout(this.changeTimer)) });
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(WATCH_GLOB));
    this._register(watcher.onDidCreate((uri) => this.onCreateOrDelete(uri)));
    this._register(watcher.onDidDelete((uri) => this.onCreateOrDelete(uri)));
    this._register(watcher.onDidChange((uri) => this.onFileChanged(uri)));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleListing()));
    this._register(
      settings.onDidChange((event) => {
        if (Settings.affects(event, 'baselineRun')) this._onDidChange.fire();
        if (!Settings.affects(event, 'runNamePattern')) return;
        this.regroup();
        this.fireFilesChanged();
      }),
    );
    this._register(trackers.onDidChange(() => this.scheduleChange()));
    // Listing only: findFiles runs in the background and never blocks activation.
    this.firstListing = this.listNow();
  }

  /** Resolves once the first listing has finished. */
  whenReady(): Promise<void> {
    return this.firstListing;
  }

  /** Runs found in the workspace, ordered by version. */
  runs(): readonly LocustRun[] {
    return this.list;
  }

  getRun(id: string): LocustRun | undefined {
    return this.byId.get(id);
  }

  runForFile(uri: vscode.Uri): LocustRun | undefined {
    return this.runByFile.get(uri.toString());
  }

  /** Runs whose name carries this version (`v39`); several when variants share it. */
  runsForVersion(version: string): LocustRun[] {
    const wanted = version.toLowerCase();
    return this.list.filter((run) => run.meta.version?.toLowerCase() === wanted);
  }

  /** The run before `id` in version order, if any. */
  previousRun(id: string): LocustRun | undefined {
    const index = this.list.findIndex((run) => run.id === id);
    return index > 0 ? this.list[index - 1] : undefined;
  }

  uriOf(run: LocustRun, role: RunFileRole): vscode.Uri | undefined {
    const path = run.files[role];
    return path === undefined ? undefined : this.uriByPath.get(path);
  }

  /** Every file of a run, by role. */
  urisOf(run: LocustRun): Partial<Record<RunFileRole, vscode.Uri>> {
    const out: Partial<Record<RunFileRole, vscode.Uri>> = {};
    for (const role of Object.keys(run.files) as RunFileRole[]) {
      const uri = this.uriOf(run, role);
      if (uri) out[role] = uri;
    }
    return out;
  }

  get baselineId(): string | undefined {
    const legacy = this.workspaceState.get<unknown>(LEGACY_BASELINE_KEY);
    return this.settings.baselineRun ?? (typeof legacy === 'string' ? legacy : undefined);
  }

  /** The setting's change event refreshes the views (also when the file is edited by hand). */
  async setBaseline(id: string | undefined): Promise<void> {
    if (id === this.baselineId) return;
    await this.workspaceState.update(LEGACY_BASELINE_KEY, undefined);
    await this.settings.setBaselineRun(id);
  }

  /** A run's files, read (or taken from the cache) and put together with their cross-file notes. */
  async read(id: string, options: { skip?: readonly RunFileRole[] } = {}): Promise<LocustRunData> {
    const run = this.byId.get(id);
    if (!run) throw new Error(vscode.l10n.t('No Locust run "{0}" in the workspace.', id));
    const results: Partial<Record<RunFileRole, LocustResult>> = {};
    const errors: LocustReadError[] = [];
    await Promise.all(
      (Object.keys(run.files) as RunFileRole[]).map(async (role) => {
        const uri = this.uriOf(run, role);
        // A live view reads the history itself, incrementally; reading it whole here would defeat that.
        if (!uri || options.skip?.includes(role)) return;
        try {
          results[role] = await this.readFile(uri);
        } catch (error) {
          errors.push(toReadError(uri, error));
        }
      }),
    );
    return assembleRunData(run, results, errors);
  }

  /** One Locust file, cached by uri + mtime + size. Rejects with a LocustReadError naming the file. */
  async readFile(uri: vscode.Uri): Promise<LocustResult> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch (error) {
      throw toReadError(uri, error, vscode.l10n.t('file not found'));
    }
    const key = `${stat.mtime}:${stat.size}`;
    const cached = this.files.get(uri.toString());
    if (cached?.key === key) return cached.result;
    const result = this.readUncached(uri);
    this.files.set(uri.toString(), { key, result });
    // A failed read stays cached for this version of the file: the same bytes fail the same way.
    result.catch(() => undefined);
    return result;
  }

  /** Run summaries in every tracker's text, in tracker then line order. */
  trackerRuns(): TrackerRunSummary[] {
    const out: TrackerRunSummary[] = [];
    for (const entry of this.trackers.trackers()) {
      for (const run of entry.model.runs) {
        out.push({ ...run, tracker: entry.uri });
      }
    }
    return out;
  }

  /**
   * One summary per run label (`tracker:v18` ids, as the trend uses): where the tracker cites a run several
   * times, the mention with the most numbers wins, the first on a tie.
   */
  trackerRunsByLabel(): Map<string, TrackerRunSummary> {
    const best = new Map<string, TrackerRunSummary>();
    const count = (s: TrackerRunSummary) => [s.requests, s.failureRate, s.p95Ms, s.p99Ms, s.rps].filter((v) => v !== null).length;
    for (const summary of this.trackerRuns()) {
      if (!summary.label) continue;
      const id = trackerRunId(summary.label);
      const known = best.get(id);
      if (!known || count(summary) > count(known)) best.set(id, summary);
    }
    return best;
  }

  /** The tracker summary behind a `tracker:<label>` id. */
  trackerRun(id: string): TrackerRunSummary | undefined {
    return id.startsWith('tracker:') ? this.trackerRunsByLabel().get(id) : undefined;
  }

  private async readUncached(uri: vscode.Uri): Promise<LocustResult> {
    // A run still being written ends in a half-written row: skip it (with a note) rather than fail.
    const options = { partialLastRow: 'skip' as const };
    try {
      if (uri.scheme === 'file') return await readLocustFile(uri.fsPath, { ...options, parallel: this.parallel });
      return readLocustBytes(await vscode.workspace.fs.readFile(uri), uri.path, options);
    } catch (error) {
      if (!(error instanceof LocustReadError)) this.logger.error(`Reading ${uri.fsPath || uri.toString()} failed: ${describeError(error)}`);
      throw toReadError(uri, error);
    }
  }

  private onCreateOrDelete(uri: vscode.Uri): void {
    this.files.delete(uri.toString());
    const name = uri.path.split('/').pop() ?? '';
    if (classifyFileName(name) || name.toLowerCase().endsWith('.html')) this.scheduleListing();
  }

  private onFileChanged(uri: vscode.Uri): void {
    if (!this.runByFile.has(uri.toString())) return;
    this.files.delete(uri.toString());
    this.scheduleChange(true);
  }

  private fireFilesChanged(): void {
    this._onDidChangeFiles.fire();
    this._onDidChange.fire();
  }

  private scheduleListing(): void {
    if (this.isDisposed) return;
    clearTimeout(this.listTimer);
    this.listTimer = setTimeout(() => {
      this.listTimer = undefined;
      void this.listNow().then(() => this.fireFilesChanged());
    }, this.settings.refreshDelayMs);
  }

  private scheduleChange(files = false): void {
    if (this.isDisposed) return;
    this.pendingFileChange ||= files;
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      const filesChanged = this.pendingFileChange;
      this.pendingFileChange = false;
      if (filesChanged) this._onDidChangeFiles.fire();
      this._onDidChange.fire();
    }, this.settings.refreshDelayMs);
  }

  private async listNow(): Promise<void> {
    const generation = ++this.generation;
    try {
      const folders = vscode.workspace.workspaceFolders ?? [];
      if (folders.length === 0) return;
      const [csv, html] = await Promise.all([
        vscode.workspace.findFiles(CSV_GLOB, EXCLUDE_GLOB, MAX_FILES),
        vscode.workspace.findFiles(HTML_GLOB, EXCLUDE_GLOB, MAX_FILES),
      ]);
      if (generation !== this.generation) return; // a newer listing started meanwhile
      const uriByPath = new Map<string, vscode.Uri>();
      for (const uri of [...csv, ...html]) {
        const path = this.pathOf(uri, folders.length > 1);
        if (path !== undefined) uriByPath.set(path, uri);
      }
      this.uriByPath = uriByPath;
      this.paths = [...uriByPath.keys()];
      this.regroup();
      this.logger.debug(`Found ${this.list.length} Locust run(s) in ${csv.length} CSV and ${html.length} HTML file(s).`);
    } catch (error) {
      this.logger.error(`Listing Locust result files failed: ${describeError(error)}`);
    }
  }

  private regroup(): void {
    const runs = groupRuns(this.paths, this.pattern());
    this.list = runs;
    this.byId = new Map(runs.map((run) => [run.id, run]));
    this.runByFile = new Map();
    for (const run of runs) {
      for (const path of Object.values(run.files)) {
        const uri = path === undefined ? undefined : this.uriByPath.get(path);
        if (uri) this.runByFile.set(uri.toString(), run);
      }
    }
  }

  private pattern(): RegExp {
    const source = this.settings.runNamePattern;
    try {
      return compileRunPattern(source);
    } catch (error) {
      const message = `Setting executionTracker.runNamePattern: ${describeError(error)}. Using the default pattern; fix the setting to use yours.`;
      this.logger.warn(message);
      if (this.warnedPattern !== source) {
        this.warnedPattern = source;
        void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: the setting executionTracker.runNamePattern is not a valid regular expression ({0}). The default pattern is used until it is fixed.', describeError(error)));
      }
      return compileRunPattern(DEFAULT_RUN_PATTERN);
    }
  }

  /** Workspace-relative path, prefixed with the folder name when the workspace has several folders. */
  private pathOf(uri: vscode.Uri, multiRoot: boolean): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const relative = folderRelativePath(folder.uri, uri);
    if (relative === undefined) return undefined;
    return multiRoot ? `${folder.name}/${relative}` : relative;
  }
}

/** Any failure reading a file as one LocustReadError (file, what is wrong), never a stack trace. */
export function toReadError(uri: vscode.Uri, error: unknown, fallback?: string): LocustReadError {
  if (error instanceof LocustReadError) return error;
  return new LocustReadError(uri.fsPath || uri.path, fallback ?? vscode.l10n.t('cannot be read ({0})', describeError(error)));
}
