// What a chart view shows, built from runs already read: the extension's panels (through the RunStore) and the
// CLI's `report` (from files) build the same data here, so a report says what the panel said.
import { compareRunStats, type LocustReadError, type LocustRunData } from '../locust';
import { namedBy } from '../gate/gate';
import type { Limit } from '../gate/limits';
import type { ChartThreshold, CompareRunData, CompareViewData, RunInfo, RunViewData } from '../../shared/protocol';

export type ErrorLine = (error: LocustReadError) => string;

/** The run's cross-file notes plus each file's own (deduplicated: several files can say the same thing). */
function allNotes(data: LocustRunData): string[] {
  const notes = [...data.notes, ...[data.stats, data.history, data.failures, data.exceptions, data.html].flatMap((r) => r?.notes ?? [])];
  return [...new Set(notes)];
}

export function runViewDataOf(data: LocustRunData, info: RunInfo, errorLine: ErrorLine): RunViewData {
  return {
    kind: 'run',
    run: info,
    stats: data.stats,
    history: data.history,
    failures: data.failures?.failures ?? data.html?.failures ?? [],
    exceptions: data.exceptions?.exceptions ?? data.html?.exceptions ?? [],
    notes: allNotes(data),
    errors: data.errors.map(errorLine),
  };
}

const CHARTED = new Set<Limit['metric']>(['p95', 'rps']);

/**
 * The limits the compare charts draw: P95 and RPS criteria, on the Aggregated row (endpoint null) or on the
 * compared endpoints a qualified criterion names ("Dashboard P95 <200ms").
 */
export function chartThresholds(limits: readonly Limit[], endpointNames: readonly string[]): ChartThreshold[] {
  const out: ChartThreshold[] = [];
  for (const limit of limits) {
    if (!CHARTED.has(limit.metric)) continue;
    const metric = limit.metric as ChartThreshold['metric'];
    const label = limit.source.kind === 'tracker' ? limit.source.text : `${limit.source.flag} ${limit.value}`;
    if (limit.qualifier === undefined && limit.endpoint === undefined) out.push({ metric, endpoint: null, value: limit.value, label });
    else for (const name of endpointNames.filter((n) => (limit.qualifier !== undefined ? namedBy(limit.qualifier, n) : n === limit.endpoint))) out.push({ metric, endpoint: name, value: limit.value, label });
  }
  return out;
}

export interface ComparedRun {
  readonly info: RunInfo;
  readonly data: LocustRunData;
}

export function compareViewDataOf(list: readonly ComparedRun[], thresholdPercent: number, limits: readonly Limit[], errorLine: ErrorLine): CompareViewData {
  const comparison = compareRunStats(
    list.map(({ info, data }) => ({ id: info.id, label: info.label, stats: data.stats })),
    { thresholdPercent },
  );
  const runs: CompareRunData[] = list.map(({ info, data }) => ({ ...info, history: data.history?.series.Aggregated ?? null, startS: data.history?.startS ?? null }));
  return {
    kind: 'compare',
    runs,
    comparison,
    thresholds: chartThresholds(limits, comparison.endpoints.map((e) => e.name)),
    notes: list.flatMap(({ info, data }) => data.notes.map((n) => `${info.label}: ${n}`)),
    errors: list.flatMap(({ data }) => data.errors.map(errorLine)),
  };
}
