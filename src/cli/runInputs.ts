// What `gate` and `report` are given: a Locust result file or a run id of the workspace, the pinned baseline
// (workspace settings), and the tracker. Each failure is a CliError with exit code 2 (bad input).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { BASELINE_SETTING, readBaselineSetting } from '../core/gate/baselineSetting';
import { groupRuns, LocustReadError, readLocustRunSync, type LocustRun, type LocustRunData } from '../core/locust';
import { trackerRunId } from '../core/locust/trend';
import type { RunSummary, TrackerModel } from '../core/tracker/model';
import { parseTracker, splitLines } from '../core/tracker/parse';
import { CliError, readTextFile } from './io';
import { listWorkspaceFiles } from './workspaceFiles';

export const BAD_INPUT = 2;

export const badInput = (message: string): CliError => new CliError(message, BAD_INPUT);

/** A run found in files, or one known only from the tracker's text. */
export type ResolvedRun =
  | { readonly kind: 'csv'; readonly label: string; readonly run: LocustRun; readonly data: LocustRunData }
  | { readonly kind: 'tracker'; readonly label: string; readonly summary: RunSummary };

export interface Workspace {
  readonly root: string;
  /** Workspace-relative POSIX paths, listed once on first use. */
  files(): readonly string[];
  runs(): readonly LocustRun[];
}

export function openWorkspace(root: string): Workspace {
  const absolute = resolve(root);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) throw badInput(`--workspace ${root}: not a folder`);
  let files: string[] | undefined;
  let runs: LocustRun[] | undefined;
  return {
    root: absolute,
    files: () => (files ??= listWorkspaceFiles(absolute)),
    runs: () => (runs ??= groupRuns((files ??= listWorkspaceFiles(absolute)))),
  };
}

export const runLabelOf = (run: LocustRun): string => run.meta.version ?? run.prefix;

function readRun(run: LocustRun, toPath: (path: string) => string): LocustRunData {
  const absolute: LocustRun = { ...run, files: Object.fromEntries(Object.entries(run.files).map(([role, path]) => [role, toPath(path!)])) };
  return readLocustRunSync(absolute);
}

/** The run a result file belongs to (its siblings of the same prefix join it); a lone `--html` report is one too. */
function runOfFile(path: string): ResolvedRun {
  const dir = dirname(path);
  const siblings = readdirSync(dir).map((name) => join(dir, name));
  const run = groupRuns(siblings).find((r) => Object.values(r.files).includes(path));
  if (run) {
    const data = readRun(run, (p) => p);
    // The report named on the command line has the final numbers (the CSV is a snapshot up to ~1 s earlier).
    return { kind: 'csv', label: runLabelOf(run), run, data: run.files.html === path && data.html ? { ...data, stats: data.html.stats } : data };
  }
  if (!/\.html?$/i.test(path)) throw badInput(`${path}: not a Locust result file (expected PREFIX_stats.csv or an --html report)`);
  const lone: LocustRun = { id: path, dir, prefix: basename(path).replace(/\.html?$/i, ''), files: { html: path }, meta: { version: null, versionNumber: null, users: null, spawnRate: null, pool: null, variant: null, extra: {} } };
  return { kind: 'csv', label: lone.prefix, run: lone, data: readLocustRunSync(lone) };
}

function describeRuns(runs: readonly LocustRun[]): string {
  if (!runs.length) return 'it has no Locust result files';
  const names = runs.map(runLabelOf);
  return `runs: ${names.slice(0, 15).join(', ')}${names.length > 15 ? `, … (${names.length})` : ''}`;
}

/**
 * A file path, or a run of the workspace by id (folder/prefix), prefix or version ("v39"), or a run the tracker
 * text summarises ("v18", "tracker:v18") when no CSV of it exists.
 */
export function resolveRun(arg: string, what: string, workspace: () => Workspace, tracker: () => Tracker | undefined): ResolvedRun {
  if (existsSync(arg) && statSync(arg).isFile()) return withStats(runOfFile(resolve(arg)), what);
  const ws = workspace();
  const runs = ws.runs();
  const wanted = arg.replace(/^tracker:/i, '').toLowerCase();
  const matches = arg.toLowerCase().startsWith('tracker:') ? [] : runs.filter((r) => r.id === arg || r.prefix === arg || r.meta.version?.toLowerCase() === wanted);
  const exact = matches.filter((r) => r.id === arg || r.prefix === arg);
  const chosen = exact.length === 1 ? exact : matches;
  if (chosen.length > 1) throw badInput(`${what} ${JSON.stringify(arg)} is ambiguous in ${ws.root}: ${chosen.map((r) => r.id).join(', ')} (give the run id)`);
  if (chosen.length === 1) return withStats({ kind: 'csv', label: runLabelOf(chosen[0]), run: chosen[0], data: readRun(chosen[0], (p) => join(ws.root, ...p.split('/'))) }, what);
  const summary = tracker()?.runsByLabel.get(trackerRunId(wanted));
  if (summary) return { kind: 'tracker', label: summary.label!, summary };
  throw badInput(`${what} ${JSON.stringify(arg)}: unknown run (not a file, and not a run in ${ws.root}; ${describeRuns(runs)})`);
}

/** A run the gate can judge has stats; a run whose stats could not be read is named with the reason. */
function withStats(resolved: ResolvedRun, what: string): ResolvedRun {
  if (resolved.kind === 'csv' && !resolved.data.stats) {
    const error = resolved.data.errors[0];
    if (error) throw badInput(`${what}: ${oneLine(error)}`);
    throw badInput(`${what} ${resolved.run.prefix}: the run has no _stats.csv or --html report to read its numbers from`);
  }
  return resolved;
}

export const oneLine = (error: LocustReadError): string => error.message.replace(/\s*\n\s*/g, ' ');

export interface Tracker {
  readonly path: string;
  /** As it should appear in annotations: relative to the current directory (the repository root in CI). */
  readonly display: string;
  readonly lines: readonly string[];
  readonly model: TrackerModel;
  readonly runsByLabel: Map<string, RunSummary>;
}

const TRACKER_NAME = /TRACKER[^/]*\.md$/;

/** --tracker FILE, or the workspace's one `*TRACKER*.md` (the extension's default `executionTracker.files`). */
export function loadTracker(file: string | undefined, workspace: () => Workspace): Tracker | undefined {
  let path = file;
  if (path === undefined) {
    const found = workspace().files().filter((f) => TRACKER_NAME.test(f) && !/template/i.test(f));
    if (!found.length) return undefined;
    path = join(workspace().root, ...found[0].split('/'));
  }
  const text = readTextFile(path);
  const model = parseTracker(text);
  const runsByLabel = new Map<string, RunSummary>();
  const count = (s: RunSummary) => [s.requests, s.failureRate, s.p95Ms, s.p99Ms, s.rps].filter((v) => v !== null).length;
  for (const run of model.runs) {
    if (!run.label) continue;
    const known = runsByLabel.get(trackerRunId(run.label));
    if (!known || count(run) > count(known)) runsByLabel.set(trackerRunId(run.label), run);
  }
  const display = relative(process.cwd(), resolve(path)).split(sep).join('/') || path;
  return { path, display: display.startsWith('..') ? path : display, lines: splitLines(text), model, runsByLabel };
}

/** The baseline pinned in the workspace (Runs view → Set as Baseline), or undefined. */
export function pinnedBaseline(workspace: Workspace): string | undefined {
  const file = join(workspace.root, '.vscode', 'settings.json');
  if (!existsSync(file)) return undefined;
  try {
    return readBaselineSetting(readTextFile(file), file);
  } catch (error) {
    throw badInput(`${(error as Error).message} (reading ${BASELINE_SETTING})`);
  }
}
