// `stats FILE [--json] [--series]`: any Locust result file as a readable table or as JSON for CI pipelines.
import { LocustReadError, readLocustFileSync, type EndpointStats, type LocustResult, type LocustStats } from '../core/locust';
import { CliError } from './io';

const OPTIONS = new Set(['--json', '--series']);

export function statsCommand(args: readonly string[], write: (text: string) => void): number {
  const unknown = args.find((arg) => arg.startsWith('--') && !OPTIONS.has(arg));
  if (unknown) throw new CliError(`stats: unknown option ${unknown}`);
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (files.length !== 1) throw new CliError('stats: expected exactly one FILE (usage: stats FILE [--json] [--series])');
  let result: LocustResult;
  try {
    result = readLocustFileSync(files[0]);
  } catch (error) {
    if (error instanceof LocustReadError) throw new CliError(error.message.replace(/\s*\n\s*/g, ' '));
    throw error;
  }
  write(args.includes('--json') ? JSON.stringify(toJson(result, args.includes('--series')), null, 2) : formatResult(result));
  return 0;
}

/** The history's downsampled series are large; CI wants the summary unless it asks for them. */
export function toJson(result: LocustResult, withSeries = false): unknown {
  if (result.kind !== 'history' || withSeries) return result;
  const summary: Partial<typeof result> = { ...result };
  delete summary.series;
  return summary;
}

const fixed = (value: number | null, digits = 0) => (value === null ? '-' : value.toFixed(digits));

/** Columns listed in `left` are text (left-aligned); the rest are numbers. */
function table(rows: string[][], left: readonly number[] = [0, 1]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (left.includes(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}

function statsTable(stats: LocustStats): string {
  const line = (e: EndpointStats): string[] => [
    e.type,
    e.name,
    String(e.requests),
    e.requests ? `${((100 * e.failures) / e.requests).toFixed(2)}%` : '-',
    fixed(e.medianMs),
    fixed(e.percentiles['95'] ?? null),
    fixed(e.percentiles['99'] ?? null),
    fixed(e.maxMs),
    fixed(e.rps, 2),
  ];
  const rows = [['Type', 'Name', 'Requests', 'Fail%', 'Median', 'P95', 'P99', 'Max', 'RPS'], ...stats.endpoints.map(line)];
  if (stats.aggregated) rows.push(line({ ...stats.aggregated, type: '' }));
  return table(rows);
}

export function formatResult(result: LocustResult): string {
  const out: string[] = [];
  switch (result.kind) {
    case 'stats':
      out.push(`${result.file}: Locust stats (${result.era}), times in ms`, statsTable(result));
      break;
    case 'html':
      out.push(`${result.file}: Locust HTML report (${result.era})${result.startTime ? `, ${result.startTime} - ${result.endTime}` : ''}, times in ms`, statsTable(result.stats));
      if (result.failures.length) out.push(`${result.failures.length} failure kinds, ${result.exceptions.length} exception kinds`);
      break;
    case 'history':
      out.push(
        `${result.file}: Locust history (${result.era})`,
        `ticks ${result.points}, rows ${result.rows}, duration ${result.durationS} s, peak users ${result.peakUsers ?? '-'}`,
        `final requests ${result.finalRequests ?? '-'}, failures ${result.finalFailures ?? '-'}`,
        `endpoints: ${result.endpoints.length ? result.endpoints.join(', ') : '(Aggregated only)'}`,
      );
      break;
    case 'failures':
      out.push(`${result.file}: Locust failures, ${result.failures.length} kinds`);
      if (result.failures.length) out.push(table([['Count', 'Method', 'Name', 'Error'], ...result.failures.map((f) => [String(f.occurrences), f.method, f.name, f.error])], [1, 2, 3]));
      break;
    case 'exceptions':
      out.push(`${result.file}: Locust exceptions, ${result.exceptions.length} kinds`);
      for (const e of result.exceptions) out.push(`${String(e.count).padStart(6)}  ${e.message}  [${e.nodes.join(', ')}]`);
      break;
    case 'distribution':
      out.push(`${result.file}: Locust 0.x response time distribution`);
      out.push(table([['Name', 'Requests', ...Object.keys(result.rows[0]?.percentiles ?? {}).map((p) => `${p}%`)], ...result.rows.map((r) => [r.name, String(r.requests), ...Object.values(r.percentiles).map((v) => fixed(v))])], [0]));
      break;
  }
  for (const note of result.notes) out.push(`note: ${note}`);
  return out.join('\n');
}
