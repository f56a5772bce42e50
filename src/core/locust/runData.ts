// A run's files read together, with the notes that only show when they are compared: _stats.csv lagging the
// final HTML numbers, and the history file missing its tail (Locust < 2.46.3 never flushes it at exit).
import * as l10n from '@vscode/l10n';
import { LocustReadError } from './errors';
import { readLocustFile, readLocustFileSync } from './files';
import type { LocustExceptions, LocustFailures, LocustHistory, LocustHtmlReport, LocustResult, LocustStats } from './model';
import type { LocustRun, RunFileRole } from './naming';
import type { ReadOptions } from './read';
import { mergeDistribution } from './stats';

export interface LocustRunData {
  run: LocustRun;
  /** From _stats.csv (or 0.x _requests + _distribution); from the HTML report when no CSV exists. */
  stats: LocustStats | null;
  history: LocustHistory | null;
  failures: LocustFailures | null;
  exceptions: LocustExceptions | null;
  html: LocustHtmlReport | null;
  /** Files of the run that could not be read; the rest is still usable. */
  errors: LocustReadError[];
  notes: string[];
}

/** Notes from comparing a run's files with each other. Pure. */
export function compareRunFiles(stats: LocustStats | null, history: LocustHistory | null, html: LocustHtmlReport | null): string[] {
  const notes: string[] = [];
  const csvTotal = stats?.era !== 'html-legacy' && stats?.era !== 'html-modern' ? stats?.aggregated : null;
  const htmlTotal = html?.stats.aggregated;
  if (csvTotal && htmlTotal && htmlTotal.requests !== csvTotal.requests) {
    notes.push(l10n.t('_stats.csv has {0} requests, the HTML report {1}: the CSV is a snapshot from up to ~1 s before the end; the HTML report has the final numbers.', csvTotal.requests, htmlTotal.requests));
  }
  const total = htmlTotal ?? csvTotal;
  if (history && total && history.finalRequests !== null && history.finalRequests < total.requests) {
    const lost = total.requests - history.finalRequests;
    // Requests/s in _stats.csv is an average over the whole run, so requests / rps estimates its length.
    const runS = total.rps ? total.requests / total.rps : null;
    const coverage = runS ? l10n.t(' It covers {0} s of a run of about {1} s.', history.durationS, Math.round(runS)) : '';
    notes.push(l10n.t('The history ends at {0} requests, {1} fewer than the final {2}: its last rows were never flushed (Locust before 2.46.3).{3}', history.finalRequests, lost, total.requests, coverage));
  }
  return notes;
}

function assign(data: LocustRunData, result: LocustResult): void {
  switch (result.kind) {
    case 'stats':
      // Called in role order, so a _stats.csv wins over a 0.x _requests.csv of the same prefix.
      data.stats = result;
      break;
    case 'history':
      data.history = result;
      break;
    case 'failures':
      data.failures = result;
      break;
    case 'exceptions':
      data.exceptions = result;
      break;
    case 'html':
      data.html = result;
      break;
    case 'distribution':
      break;
  }
}

function finish(data: LocustRunData, results: Partial<Record<RunFileRole, LocustResult>>): LocustRunData {
  const distribution = results.distribution;
  if (data.stats && distribution?.kind === 'distribution') data.stats = mergeDistribution(data.stats, distribution);
  if (!data.stats && data.html) data.stats = data.html.stats;
  data.notes = compareRunFiles(data.stats, data.history, data.html);
  return data;
}

const empty = (run: LocustRun): LocustRunData => ({ run, stats: null, history: null, failures: null, exceptions: null, html: null, errors: [], notes: [] });

/**
 * A run's data from files read elsewhere (the extension caches each file by mtime and size, so a run re-reads
 * only the files that changed). Same result as readLocustRun over the same files.
 */
export function assembleRunData(run: LocustRun, results: Partial<Record<RunFileRole, LocustResult>>, errors: readonly LocustReadError[] = []): LocustRunData {
  const data = empty(run);
  data.errors.push(...errors);
  for (const role of ['requests', 'stats', 'history', 'failures', 'exceptions', 'html'] as const) if (results[role]) assign(data, results[role]!);
  return finish(data, results);
}

export async function readLocustRun(run: LocustRun, options: ReadOptions & { signal?: AbortSignal } = {}): Promise<LocustRunData> {
  const data = empty(run);
  const results: Partial<Record<RunFileRole, LocustResult>> = {};
  await Promise.all(
    (Object.entries(run.files) as Array<[RunFileRole, string]>).map(async ([role, path]) => {
      try {
        results[role] = await readLocustFile(path, options);
      } catch (error) {
        if (!(error instanceof LocustReadError)) throw error;
        data.errors.push(error);
      }
    }),
  );
  return assembleRunData(run, results, data.errors);
}

export function readLocustRunSync(run: LocustRun, options: ReadOptions = {}): LocustRunData {
  const data = empty(run);
  const results: Partial<Record<RunFileRole, LocustResult>> = {};
  for (const [role, path] of Object.entries(run.files) as Array<[RunFileRole, string]>) {
    try {
      results[role] = readLocustFileSync(path, options);
    } catch (error) {
      if (!(error instanceof LocustReadError)) throw error;
      data.errors.push(error);
    }
  }
  for (const role of ['requests', 'stats', 'history', 'failures', 'exceptions', 'html'] as const) if (results[role]) assign(data, results[role]!);
  return finish(data, results);
}
