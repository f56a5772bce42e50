// Criteria marked met (ticked, ✅, "ALL CRITERIA MET") whose measured value fails them. Three sources of the
// measured value: the same line ("P99 <2s - ✅ 2.1s"), the "Current Metrics" block beside a "Target Metrics"
// block, and the runs a "Final Status" line cites under "Exit Criteria".
import * as l10n from '@vscode/l10n';
import { repairMacRoman } from '../text/macRoman';
import type { RunSummary, TrackerModel } from '../tracker/model';
import { findMeasured, findThresholds, formatQuantity, passes, type MetricKey, type Threshold } from '../tracker/thresholds';
import type { CheckInput, RawFinding } from './types';

const TICK = /✅|✔|☑/u;

function claimedMet(model: TrackerModel, line: number, text: string, after: number): boolean {
  const task = model.tasks.find((t) => t.line === line);
  return (task?.checked ?? false) || TICK.test(repairMacRoman(text.slice(after)));
}

function readable(text: string): string {
  return repairMacRoman(text).replace(/[✅❌✔☑]|-\s*\[[ xX]\]/gu, '').replace(/\s+/g, ' ').trim();
}

function failure(line: number, threshold: Threshold, measured: string, where: string): RawFinding {
  return {
    rule: 'criteria',
    line,
    startColumn: threshold.start,
    endColumn: threshold.end,
    message: l10n.t('"{0}" is marked met, but {1} {2}.', readable(threshold.text), where, measured),
  };
}

function sameLineCriteria(lines: readonly string[], model: TrackerModel, skip: Set<number>): RawFinding[] {
  const findings: RawFinding[] = [];
  lines.forEach((text, line) => {
    if (skip.has(line) || !/[<>≤≥]/.test(text)) return;
    for (const threshold of findThresholds(text)) {
      if (!threshold.metric) continue;
      const measured = findMeasured(text).find(
        (m) => m.start >= threshold.end && m.dimension === threshold.dimension && (m.metric === undefined || m.metric === threshold.metric),
      );
      if (!measured || passes(threshold, measured.value) || !claimedMet(model, line, text, threshold.end)) continue;
      findings.push(failure(line, threshold, formatQuantity(measured.value, measured.dimension), l10n.t('the value beside it is')));
    }
  });
  return findings;
}

const KEY_VALUE = /^\s*(?:[-*+]\s+)?\**([A-Za-z][A-Za-z0-9 /]*?)\**\s*:\s*(.+)$/;

function linesUnder(model: TrackerModel, title: RegExp): number[] {
  const heading = model.headings.find((h) => title.test(h.title));
  if (!heading) return [];
  return Array.from({ length: heading.endLine - heading.line - 1 }, (_, i) => heading.line + 1 + i);
}

/** "Target Metrics" lines against the "Current Metrics" lines with the same key. */
function targetCriteria(lines: readonly string[], model: TrackerModel, checked: Set<number>): RawFinding[] {
  const current = new Map<string, { line: number; value: number; dimension: string }>();
  for (const line of linesUnder(model, /\bcurrent metrics\b/i)) {
    const kv = KEY_VALUE.exec(lines[line]);
    const measured = kv && !/[<>≤≥]/.test(kv[2]) ? findMeasured(kv[2])[0] : undefined;
    if (kv && measured) current.set(kv[1].trim().toLowerCase(), { line, value: measured.value, dimension: measured.dimension });
  }
  const findings: RawFinding[] = [];
  for (const line of linesUnder(model, /\btarget metrics\b/i)) {
    checked.add(line);
    const kv = KEY_VALUE.exec(lines[line]);
    if (!kv) continue;
    const now = current.get(kv[1].trim().toLowerCase());
    const offset = lines[line].indexOf(kv[2]);
    const threshold = findThresholds(kv[2])[0];
    if (!now || !threshold || now.dimension !== threshold.dimension) continue;
    if (passes(threshold, now.value) || !TICK.test(repairMacRoman(kv[2]))) continue;
    const located = { ...threshold, start: threshold.start + offset, end: threshold.end + offset, text: `${kv[1].trim()} ${threshold.text}` };
    findings.push(failure(line, located, l10n.t('{0} (line {1})', formatQuantity(now.value, threshold.dimension), now.line + 1), l10n.t('the current value is')));
  }
  return findings;
}

const RUN_METRIC: Partial<Record<MetricKey, (run: RunSummary) => number | null>> = {
  p95: (run) => run.p95Ms,
  p99: (run) => run.p99Ms,
  errorRate: (run) => run.failureRate,
  rps: (run) => run.rps,
};

/** "**Exit Criteria**: <2s P99" judged on the runs its "**Final Status**: ✅ ALL CRITERIA MET (v26b/v27b)" cites. */
function exitCriteria(lines: readonly string[], model: TrackerModel, checked: Set<number>): RawFinding[] {
  const findings: RawFinding[] = [];
  lines.forEach((text, line) => {
    if (!/\*\*Exit Criteria\*\*/i.test(text)) return;
    checked.add(line);
    const statusLine = lines.findIndex((l, i) => i > line && i < line + 4 && /\*\*Final Status\*\*/i.test(l));
    if (statusLine < 0) return;
    const status = repairMacRoman(lines[statusLine]);
    if (!TICK.test(status) && !/\bMET\b/.test(status)) return;
    const cited = [...status.matchAll(/(?<![\w-])(v\d+[a-z]?)(?![\w-])/g)].map((m) => m[1]);
    for (const threshold of findThresholds(text)) {
      const read = threshold.metric && !threshold.qualifier ? RUN_METRIC[threshold.metric] : undefined;
      if (!read) continue;
      const failing = cited.flatMap((label) => {
        const run = model.runs.find((r) => r.label === label);
        const value = run ? read(run) : null;
        return value !== null && !passes(threshold, value) ? [l10n.t('{0} (line {1})', `${label} ${formatQuantity(value, threshold.dimension)}`, run!.line + 1)] : [];
      });
      if (failing.length) findings.push(failure(line, threshold, failing.join(', '), l10n.t('line {0} cites runs that fail it:', statusLine + 1)));
    }
  });
  return findings;
}

/** A criterion the tracker states for its runs: a threshold on a "**Exit Criteria**" or "Target Metrics" line. */
export interface TrackerCriterion {
  readonly line: number;
  /** Columns on that line (start/end of the threshold), and the words it was read from. */
  readonly threshold: Threshold;
}

/**
 * The thresholds of the lines checkCriteria judges as criteria (Target Metrics block, Exit Criteria lines), for
 * the CI gate: the same reading, so the gate and the checks never disagree on what the tracker asks for.
 */
export function trackerCriteria(lines: readonly string[], model: TrackerModel): TrackerCriterion[] {
  const out: TrackerCriterion[] = [];
  // Mis-decoded ticks are repaired first (they would read as words); columns are those of the repaired text.
  // Read whole, so that the key ("P95 Response Time:") names the metric of the value after it.
  for (const line of linesUnder(model, /\btarget metrics\b/i)) {
    const threshold = KEY_VALUE.test(lines[line]) ? findThresholds(repairMacRoman(lines[line]))[0] : undefined;
    if (threshold) out.push({ line, threshold });
  }
  lines.forEach((text, line) => {
    if (!/\*\*Exit Criteria\*\*/i.test(text)) return;
    for (const threshold of findThresholds(repairMacRoman(text))) out.push({ line, threshold });
  });
  return out.sort((a, b) => a.line - b.line || a.threshold.start - b.threshold.start);
}

export function checkCriteria({ lines, model }: CheckInput): RawFinding[] {
  const handled = new Set<number>();
  const findings = [...targetCriteria(lines, model, handled), ...exitCriteria(lines, model, handled)];
  return [...findings, ...sameLineCriteria(lines, model, handled)].sort((a, b) => a.line - b.line);
}
