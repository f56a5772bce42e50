// `gate NEW [--baseline BASE] [--tracker FILE] [--workspace DIR] [thresholds] [--json] [--format github]
// [--junit FILE]`: judge a Locust run against limits and the baseline. Exit 0 pass, 1 fail, 2 bad input.
import { writeFileSync } from 'node:fs';
import { trackerCriteria } from '../core/checks/criteria';
import { evaluateGate, gateRunFromStats, gateRunFromSummary, type GateResult, type GateRun } from '../core/gate/gate';
import { formatGateTable, formatGithub, formatJunit, gateJson } from '../core/gate/format';
import { GateInputError, parseQuantity, parseRegression, trackerLimits, type GateMetric, type Limit, type RegressionLimit } from '../core/gate/limits';
import type { Comparator, Dimension } from '../core/tracker/thresholds';
import { badInput, loadTracker, openWorkspace, pinnedBaseline, resolveRun, type ResolvedRun, type Tracker, type Workspace } from './runInputs';

export const GATE_USAGE = `gate NEW [--baseline BASE] [--tracker FILE] [--workspace DIR] [thresholds] [--json] [--format github] [--junit FILE]
    judges a run (a _stats.csv, an --html report, or a run id/version of the workspace) against thresholds and the
    baseline (default: the one pinned in the workspace); exit 0 pass, 1 fail, 2 bad input. Thresholds:
    --max-p50|--max-p95|--max-p99|--max-avg 500ms  --max-failure-rate 1%  --min-rps 25  --min-success-rate 99%
    --max-regression p95=10%,rps=5%  --endpoint NAME (the flags' thresholds apply to that endpoint)
    --no-tracker (ignore the tracker's criteria)  --no-baseline (ignore the pinned baseline)`;

const LIMIT_FLAGS: Record<string, { metric: GateMetric; op: Comparator; dimension: Dimension }> = {
  '--max-p50': { metric: 'p50', op: '<=', dimension: 'time' },
  '--max-p95': { metric: 'p95', op: '<=', dimension: 'time' },
  '--max-p99': { metric: 'p99', op: '<=', dimension: 'time' },
  '--max-avg': { metric: 'avg', op: '<=', dimension: 'time' },
  '--max-failure-rate': { metric: 'failureRate', op: '<=', dimension: 'percent' },
  '--min-success-rate': { metric: 'successRate', op: '>=', dimension: 'percent' },
  '--min-rps': { metric: 'rps', op: '>=', dimension: 'rate' },
};

interface GateArgs {
  run: string;
  baseline?: string;
  tracker?: string;
  noTracker: boolean;
  noBaseline: boolean;
  workspace?: string;
  json: boolean;
  github: boolean;
  junit?: string;
  endpoint?: string;
  limits: Array<Omit<Limit, 'endpoint'>>;
  regressions: Array<Omit<RegressionLimit, 'endpoint'>>;
}

function parseArgs(args: readonly string[]): GateArgs {
  const positional: string[] = [];
  const parsed: GateArgs = { run: '', noTracker: false, noBaseline: false, json: false, github: false, limits: [], regressions: [] };
  for (let i = 0; i < args.length; i++) {
    const eq = args[i].startsWith('--') ? args[i].indexOf('=') : -1;
    const flag = eq > 0 ? args[i].slice(0, eq) : args[i];
    const value = (): string => {
      const v = eq > 0 ? args[i].slice(eq + 1) : args[++i];
      if (v === undefined || v === '' || (eq < 0 && v.startsWith('--'))) throw badInput(`gate: ${flag} needs a value (usage: ${GATE_USAGE.split('\n')[0]})`);
      return v;
    };
    const limit = LIMIT_FLAGS[flag];
    if (limit) {
      parsed.limits.push({ metric: limit.metric, op: limit.op, value: parseQuantity(flag, value(), limit.dimension), source: { kind: 'flag', flag } });
      continue;
    }
    switch (flag) {
      case '--baseline': parsed.baseline = value(); break;
      case '--tracker': parsed.tracker = value(); break;
      case '--no-tracker': parsed.noTracker = true; break;
      case '--no-baseline': parsed.noBaseline = true; break;
      case '--workspace': parsed.workspace = value(); break;
      case '--json': parsed.json = true; break;
      case '--junit': parsed.junit = value(); break;
      case '--endpoint': parsed.endpoint = value(); break;
      case '--max-regression': parsed.regressions.push(...parseRegression(flag, value())); break;
      case '--format': {
        const format = value();
        if (format !== 'github' && format !== 'table') throw badInput(`gate: --format ${JSON.stringify(format)}: expected github (or table)`);
        parsed.github = format === 'github';
        break;
      }
      default:
        if (flag.startsWith('-')) throw badInput(`gate: unknown option ${JSON.stringify(flag.slice(0, 60))} (usage: ${GATE_USAGE.split('\n')[0]})`);
        positional.push(args[i]);
    }
  }
  if (positional.length !== 1) throw badInput(`gate: expected exactly one run NEW, got ${positional.length} (usage: ${GATE_USAGE.split('\n')[0]})`);
  if (parsed.json && parsed.github) throw badInput('gate: choose one of --json and --format github');
  parsed.run = positional[0];
  return parsed;
}

const toGateRun = (resolved: ResolvedRun): GateRun =>
  resolved.kind === 'csv' ? gateRunFromStats(resolved.label, resolved.data.stats!) : gateRunFromSummary(resolved.label, resolved.summary);

export function gateCommand(args: readonly string[], write: (text: string) => void): number {
  try {
    return gate(parseArgs(args), write);
  } catch (error) {
    if (error instanceof GateInputError) throw badInput(`gate: ${error.message}`);
    throw error;
  }
}

function gate(options: GateArgs, write: (text: string) => void): number {
  let ws: Workspace | undefined;
  const workspace = () => (ws ??= openWorkspace(options.workspace ?? '.'));
  let tracker: Tracker | undefined | null = null;
  const getTracker = () => (tracker === null ? (tracker = options.noTracker && !options.tracker ? undefined : loadTracker(options.tracker, workspace)) : tracker);
  const run = resolveRun(options.run, 'NEW', workspace, getTracker);
  const baselineId = options.noBaseline ? undefined : (options.baseline ?? pinnedBaseline(workspace()));
  const baseline = baselineId === undefined ? undefined : resolveRun(baselineId, options.baseline ? '--baseline' : 'pinned baseline', workspace, getTracker);
  const t = options.noTracker ? undefined : getTracker();
  const limits: Limit[] = [...options.limits.map((l) => ({ ...l, endpoint: options.endpoint })), ...(t ? trackerLimits(trackerCriteria(t.lines, t.model)) : [])];
  const result: GateResult = evaluateGate({
    run: toGateRun(run),
    baseline: baseline ? toGateRun(baseline) : undefined,
    limits,
    regressions: options.regressions.map((r) => ({ ...r, endpoint: options.endpoint })),
  });
  if (options.junit) {
    try {
      writeFileSync(options.junit, formatJunit(result, t?.display));
    } catch (error) {
      throw badInput(`gate: --junit ${options.junit}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  write(options.json ? JSON.stringify(gateJson(result), null, 2) : options.github ? formatGithub(result, t?.display) : formatGateTable(result, t?.display));
  return result.pass ? 0 : 1;
}
