// Criteria written in prose ("<2s P99", ">99% auth", "P95 Response Time: <150ms", "Error Rate: <0.05%") as
// thresholds, and measured values ("2.1s", "1.18%") in the same units, so the two can be compared.

export type MetricKey = 'p50' | 'p95' | 'p99' | 'avg' | 'errorRate' | 'successRate' | 'rps' | 'coverage';
export type Dimension = 'time' | 'percent' | 'rate';
export type Comparator = '<' | '<=' | '>' | '>=';

export interface Quantity {
  readonly value: number;
  readonly dimension: Dimension;
  /** Where the number starts and ends in the text it was read from. */
  readonly start: number;
  readonly end: number;
}

export interface Threshold extends Quantity {
  readonly op: Comparator;
  readonly metric: MetricKey | undefined;
  /** Words naming what is measured beyond the metric ("V2 endpoints", "Dashboard"); undefined for the whole run. */
  readonly qualifier: string | undefined;
  readonly text: string;
}

const QUANTITY = String.raw`(\d+(?:[.,]\d+)?)\s*(ms|s|sec|seconds?|%|req/s|rps)(?![\w/])`;
const THRESHOLD = new RegExp(String.raw`(<=|>=|≤|≥|<|>)\s*${QUANTITY}`, 'gi');
const MEASURED = new RegExp(String.raw`(?<![<>≤≥\d.,])${QUANTITY}`, 'gi');

const METRIC_WORDS: ReadonlyArray<readonly [RegExp, MetricKey]> = [
  [/\bP50\b|\bmedian\b/i, 'p50'],
  [/\bP95\b/i, 'p95'],
  [/\bP99\b/i, 'p99'],
  [/\bavg\b|\baverage\b/i, 'avg'],
  [/\berror\b|\bfailure/i, 'errorRate'],
  [/\bauth\b|\bsuccess\b/i, 'successRate'],
  [/\bthroughput\b|\brps\b|req\/s/i, 'rps'],
  [/\bcoverage\b/i, 'coverage'],
];

// Words that describe a metric rather than what it is measured on.
const GENERIC_WORDS = /\b(?:response|time|times|rate|target|targets|criteria|metrics?|exit|success|auth|error|failure|failures|p\d\d|median|avg|average|throughput|rps|req\/s|coverage|under|below|above|over|all|overall|aggregated|and|with|of|the|is|be|must|should|loads?|fast|ms|s)\b/gi;

function unitDimension(unit: string): Dimension {
  const u = unit.toLowerCase();
  if (u === '%') return 'percent';
  if (u === 'req/s' || u === 'rps') return 'rate';
  return 'time';
}

function toValue(number: string, unit: string): number {
  const value = Number(number.replace(',', '.'));
  const u = unit.toLowerCase();
  return u === 'ms' || unitDimension(u) !== 'time' ? value : value * 1000;
}

function metricIn(text: string): MetricKey | undefined {
  return METRIC_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

function normaliseOp(op: string): Comparator {
  return op === '≤' ? '<=' : op === '≥' ? '>=' : (op as Comparator);
}

/** Thresholds in one line. Each is read within its clause (text between commas, semicolons or brackets). */
export function findThresholds(text: string): Threshold[] {
  const thresholds: Threshold[] = [];
  for (const match of text.matchAll(THRESHOLD)) {
    const clauseStart = Math.max(text.lastIndexOf(',', match.index), text.lastIndexOf(';', match.index), text.lastIndexOf('(', match.index)) + 1;
    const after = text.slice(match.index + match[0].length);
    const clauseEndRel = after.search(/[,;)]|\s-\s|✅|❌/u);
    const clause = text.slice(clauseStart, match.index + match[0].length + (clauseEndRel < 0 ? after.length : clauseEndRel));
    const dimension = unitDimension(match[3]);
    let metric = metricIn(clause);
    if (!metric && dimension === 'rate') metric = 'rps';
    const qualifierWords = clause
      .replace(match[0], ' ')
      .replace(/\*\*|`|-\s*\[[ xX]\]|^[\s\-*+]+/g, ' ')
      .replace(GENERIC_WORDS, ' ')
      .replace(/[^\p{L}\p{N}/ -]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    thresholds.push({
      op: normaliseOp(match[1]),
      value: toValue(match[2], match[3]),
      dimension,
      metric,
      qualifier: qualifierWords.length > 0 ? qualifierWords : undefined,
      text: clause.replace(/\*\*/g, '').trim(),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return thresholds;
}

/** Measured quantities (no comparator in front) in `text`, with the metric word nearest before each, if any. */
export function findMeasured(text: string): Array<Quantity & { metric: MetricKey | undefined }> {
  const found: Array<Quantity & { metric: MetricKey | undefined }> = [];
  for (const match of text.matchAll(MEASURED)) {
    const before = text.slice(Math.max(0, match.index - 24), match.index);
    const words = before.split(/[,;(]/).pop() ?? '';
    // "0% failures" names its metric after the number; "P95 250ms" before it.
    const next = /^\s*([A-Za-z/]+)/.exec(text.slice(match.index + match[0].length))?.[1] ?? '';
    const metric = metricIn(next) ?? metricIn(words);
    found.push({ value: toValue(match[1], match[2]), dimension: unitDimension(match[2]), metric, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

export function passes(threshold: Pick<Threshold, 'op' | 'value'>, measured: number): boolean {
  switch (threshold.op) {
    case '<':
      return measured < threshold.value;
    case '<=':
      return measured <= threshold.value;
    case '>':
      return measured > threshold.value;
    case '>=':
      return measured >= threshold.value;
  }
}

export function formatQuantity(value: number, dimension: Dimension): string {
  if (dimension === 'percent') return `${value}%`;
  if (dimension === 'rate') return `${value} req/s`;
  return value >= 1000 && value % 100 === 0 ? `${value / 1000}s` : `${value}ms`;
}
