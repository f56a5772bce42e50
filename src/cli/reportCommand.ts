// `report NEW [--compare OTHER] [--trend] [--workspace DIR] -o FILE.html`: the chart panels' views of a run (then
// compared with OTHER, then the trend of the workspace) as one self-contained HTML file.
import { writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { script, css } from 'report-assets';
import { trackerCriteria } from '../core/checks/criteria';
import { trackerLimits } from '../core/gate/limits';
import { buildTrend, LocustReadError, readLocustFileSync, type LocustRun, type TrendCsvRun } from '../core/locust';
import { reportHtml } from '../core/report/html';
import { webviewStrings } from '../core/report/strings';
import { compareTitle, runTitle, trendTitle } from '../core/report/titles';
import { compareViewDataOf, runViewDataOf } from '../core/report/viewData';
import { DEFAULT_REGRESSION_THRESHOLD_PERCENT } from '../core/locust/compare';
import { join } from 'node:path';
import type { ReportData, RunInfo, TrendViewData } from '../shared/protocol';
import { badInput, loadTracker, oneLine, openWorkspace, pinnedBaseline, resolveRun, type ResolvedRun, type Tracker, type Workspace } from './runInputs';

export const REPORT_USAGE = `report NEW [--compare OTHER] [--trend] [--workspace DIR] [--tracker FILE] -o FILE.html
    the chart views of a run (NEW, then NEW against OTHER, then the trend of the workspace's runs) as one
    self-contained HTML file: data inline, charts drawn, no network request; readable offline and printable`;

interface ReportArgs {
  run: string;
  compare?: string;
  trend: boolean;
  workspace?: string;
  tracker?: string;
  out: string;
}

function parseArgs(args: readonly string[]): ReportArgs {
  const positional: string[] = [];
  const parsed: Partial<ReportArgs> & { trend: boolean } = { trend: false };
  const usage = REPORT_USAGE.split('\n')[0];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v === '' || v.startsWith('--')) throw badInput(`report: ${arg} needs a value (usage: ${usage})`);
      return v;
    };
    if (arg === '--compare') parsed.compare = value();
    else if (arg === '--trend') parsed.trend = true;
    else if (arg === '--workspace') parsed.workspace = value();
    else if (arg === '--tracker') parsed.tracker = value();
    else if (arg === '-o' || arg === '--output') parsed.out = value();
    else if (arg.startsWith('-')) throw badInput(`report: unknown option ${JSON.stringify(arg.slice(0, 60))} (usage: ${usage})`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw badInput(`report: expected exactly one run NEW (usage: ${usage})`);
  if (!parsed.out) throw badInput(`report: -o FILE.html is required (usage: ${usage})`);
  if (!/\.html?$/i.test(parsed.out)) throw badInput(`report: -o ${parsed.out}: expected a .html file name`);
  return { ...parsed, run: positional[0], out: parsed.out } as ReportArgs;
}

const shown = (path: string): string => {
  const rel = relative(process.cwd(), resolve(path)).split(sep).join('/');
  return rel.startsWith('..') ? path : rel;
};

function csvRun(resolved: ResolvedRun, what: string): Extract<ResolvedRun, { kind: 'csv' }> {
  if (resolved.kind !== 'csv') throw badInput(`report: ${what} ${resolved.label} is known only from the tracker text: a report needs its Locust files`);
  return resolved;
}

function info(resolved: Extract<ResolvedRun, { kind: 'csv' }>, root: string | undefined): RunInfo {
  const files = Object.values(resolved.data.run.files).filter((f): f is string => f !== undefined);
  return { id: resolved.run.id, label: resolved.label, files: files.map((f) => (root && !f.startsWith('/') ? f : shown(f))), live: false };
}

const errorLine = (error: LocustReadError): string => oneLine(error);

function trendData(ws: Workspace, tracker: Tracker | undefined): TrendViewData {
  const errors: string[] = [];
  const csvRuns: TrendCsvRun[] = ws.runs().map((run: LocustRun) => {
    const path = run.files.stats ?? run.files.html ?? run.files.requests;
    let aggregated = null;
    if (path) {
      try {
        const result = readLocustFileSync(join(ws.root, ...path.split('/')));
        aggregated = result.kind === 'stats' ? result.aggregated : result.kind === 'html' ? result.stats.aggregated : null;
      } catch (error) {
        if (!(error instanceof LocustReadError)) throw error;
        errors.push(errorLine(error));
      }
    }
    return { id: run.id, prefix: run.prefix, meta: run.meta, aggregated };
  });
  const trend = buildTrend(csvRuns, tracker?.model.runs ?? [], { baselineId: pinnedBaseline(ws) ?? null });
  return { kind: 'trend', trend, csvRuns: csvRuns.length, trackerRuns: trend.points.filter((p) => p.source === 'tracker').length, errors };
}

export function reportCommand(args: readonly string[], write: (text: string) => void): number {
  const options = parseArgs(args);
  let ws: Workspace | undefined;
  const workspace = () => (ws ??= openWorkspace(options.workspace ?? '.'));
  let tracker: Tracker | undefined | null = null;
  const getTracker = () => (tracker === null ? (tracker = loadTracker(options.tracker, workspace)) : tracker);
  const root = options.workspace;
  const run = csvRun(resolveRun(options.run, 'NEW', workspace, getTracker), 'NEW');
  const sections: ReportData['sections'] = [{ title: runTitle(run.label), data: runViewDataOf(run.data, info(run, root), errorLine) }];
  if (options.compare) {
    const other = csvRun(resolveRun(options.compare, '--compare', workspace, getTracker), '--compare');
    const t = getTracker();
    const limits = t ? trackerLimits(trackerCriteria(t.lines, t.model)) : [];
    const runs = [{ info: info(other, root), data: other.data }, { info: info(run, root), data: run.data }];
    if (runs[0].info.label === runs[1].info.label) runs.forEach((r) => (r.info = { ...r.info, label: r.info.id.split('/').pop() ?? r.info.id }));
    sections.push({ title: compareTitle(runs.map((r) => r.info.label)), data: compareViewDataOf(runs, DEFAULT_REGRESSION_THRESHOLD_PERCENT, limits, errorLine) });
  }
  if (options.trend) sections.push({ title: trendTitle(), data: trendData(workspace(), getTracker()) });
  const data: ReportData = { title: sections.map((s) => s.title).join(' · '), generated: new Date().toISOString(), strings: webviewStrings(), sections };
  try {
    writeFileSync(options.out, reportHtml(data, { script, css }));
  } catch (error) {
    throw badInput(`report: -o ${options.out}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  write(`${shown(options.out)}: report of ${sections.map((s) => s.title).join(', ')}`);
  return 0;
}
