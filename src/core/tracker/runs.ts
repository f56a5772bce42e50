// Run summaries in tracker prose: labelled blocks ("**v39 ... Results**:" + metric lines) and inline run lines
// ("- v26b (r4) core-only: 8,962 requests, 0 failures, P95 600ms, ...").
import { emptyMetrics, fillMissing, hasAnyMetric, readMetrics, type Metrics } from './metrics';
import type { RunSummary } from './model';

const BLOCK_LABEL = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*:\s*$/;
const INLINE_RUN = /^\s*(?:>\s*)*[-*+]\s+(v\d+[a-z]?)\b[^:]*:/;
const RUN_ID = /(?<![\w-])(v\d+[a-z]?)(?![\w-])/;
// Lines that state one whole-run metric by name ("- Failure Rate: 3.80%"), as opposed to an endpoint's numbers.
const WHOLE_RUN_METRIC_LINE = /^\s*[-*+]?\s*(?:Total Requests|Failure Rate|Error Rate|P\d\d(?: Response(?: Time)?)?|Avg(?: Response)?|Throughput|RPS)\s*:/i;
const BLOCK_END = /^\s*(?:$|#|---|\*\*[^*]+\*\*\s*:)/;

function summary(label: string | null, source: string, line: number, metrics: Metrics): RunSummary {
  let failureRate = metrics.failureRate;
  if (failureRate === null && metrics.failures !== null && metrics.requests) {
    failureRate = Math.round((metrics.failures / metrics.requests) * 10000) / 100;
  }
  return { label, source, line, ...metrics, failureRate };
}

function inlineRun(lines: readonly string[], index: number): RunSummary | undefined {
  const match = INLINE_RUN.exec(lines[index]);
  if (!match) return undefined;
  const metrics = readMetrics(lines[index]);
  if (metrics.requests === null) return undefined;
  return summary(match[1], lines[index].trim(), index, metrics);
}

/** Scans `lines` (skipping the ones in `skip`, such as code blocks) for run summaries, in line order. */
export function findRunSummaries(lines: readonly string[], skip: (line: number) => boolean = () => false): RunSummary[] {
  const runs: RunSummary[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (skip(index)) continue;
    const text = lines[index];
    // Cheap substring tests first: most lines are neither a run line nor a bold label.
    const inline = text.includes('requests') ? inlineRun(lines, index) : undefined;
    if (inline) {
      runs.push(inline);
      continue;
    }
    const label = text.includes('**') ? BLOCK_LABEL.exec(text) : null;
    if (!label) continue;
    const block = readBlock(lines, index + 1, skip);
    if (!block) continue;
    // The block's numbers come from an inline run line, which stands as its own summary.
    if (block.primaryLine >= 0 && inlineRun(lines, block.primaryLine)) continue;
    runs.push(summary(RUN_ID.exec(label[1])?.[1] ?? null, label[1].trim(), index, block.metrics));
  }
  return runs;
}

function readBlock(lines: readonly string[], start: number, skip: (line: number) => boolean) {
  let primaryLine = -1;
  let primaryIsAggregated = false;
  const metrics = emptyMetrics();
  const named = emptyMetrics();
  for (let index = start; index < lines.length && !BLOCK_END.test(lines[index]); index++) {
    if (skip(index) || !/\d/.test(lines[index])) continue;
    const lineMetrics = readMetrics(lines[index]);
    const aggregated = /\bAggregated\b/i.test(lines[index]);
    if (lineMetrics.requests !== null && (primaryLine < 0 || (aggregated && !primaryIsAggregated))) {
      primaryLine = index;
      primaryIsAggregated = aggregated;
      Object.assign(metrics, lineMetrics);
    } else if (WHOLE_RUN_METRIC_LINE.test(lines[index])) {
      fillMissing(named, lineMetrics);
    }
  }
  fillMissing(metrics, named);
  if (primaryLine < 0 && !hasAnyMetric(named)) return undefined;
  if (metrics.requests === null) return undefined;
  return { primaryLine, metrics };
}
