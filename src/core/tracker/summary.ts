// The tracker summary the CLI prints (and CI consumes): stable JSON shape, 1-based lines, null for unknowns.
import type { RunNumbers, RunSummary, TrackerModel } from './model';
import { percent } from './progress';

export interface TrackerSummary {
  readonly file: string;
  readonly tasks: { readonly total: number; readonly done: number };
  readonly counted: { readonly total: number; readonly done: number };
  readonly weeks: ReadonlyArray<{
    readonly number: number;
    readonly title: string;
    readonly line: number;
    readonly status: string;
    readonly statusLine: { readonly line: number; readonly status: string } | null;
    readonly tasks: { readonly total: number; readonly done: number };
  }>;
  readonly evidence: ReadonlyArray<{ readonly ref: string; readonly line: number }>;
  readonly runs: ReadonlyArray<Pick<RunSummary, 'label' | 'line'> & RunNumbers>;
}

export function summarizeTracker(file: string, model: TrackerModel): TrackerSummary {
  return {
    file,
    tasks: { total: model.allTasks.total, done: model.allTasks.done },
    counted: { total: model.counted.total, done: model.counted.done },
    weeks: model.weeks.map((week) => ({
      number: week.number,
      title: week.title,
      line: week.line + 1,
      status: week.status,
      statusLine: week.statusLine ? { line: week.statusLine.line + 1, status: week.statusLine.status } : null,
      tasks: { total: week.progress.total, done: week.progress.done },
    })),
    evidence: model.evidence.map((ref) => ({ ref: ref.ref, line: ref.line + 1 })),
    runs: model.runs.map((run) => ({
      label: run.label,
      line: run.line + 1,
      requests: run.requests,
      failures: run.failures,
      failureRate: run.failureRate,
      p95Ms: run.p95Ms,
      p99Ms: run.p99Ms,
      rps: run.rps,
    })),
  };
}

/** Plain-text outline: one line for the file, one per week, then counts of evidence and runs. */
export function formatSummary(summary: TrackerSummary): string {
  const { done, total } = summary.counted;
  const out = [`${summary.file}: ${done}/${total} tasks done (${percent({ done, total })}%)` + (summary.tasks.total !== total ? `, ${summary.tasks.total} in the file` : '')];
  const width = Math.max(0, ...summary.weeks.map((w) => w.title.length));
  for (const week of summary.weeks) {
    const counts = `${week.tasks.done}/${week.tasks.total}`.padStart(7);
    out.push(`  ${week.title.padEnd(width)} ${counts}  ${week.status}  (line ${week.line})`);
  }
  out.push(`${summary.evidence.length} evidence references, ${summary.runs.length} run summaries`);
  return out.join('\n');
}
