// Evidence blocks in the tracker's own style, and where and how one is inserted:
//
//   **v49 Load Test Results (200 users)**:
//   - CSV: `hasil_test_v49_200u_r4_stats.csv`
//   - Aggregated: 9,166 requests, 0 failures (0.00%), P95 170ms, P99 2.0s, RPS 30.64
//
// The numbers are written so that the tracker's own run-summary parser (runs.ts, metrics.ts) reads back exactly
// the values given. The insertion is one pure text edit; line endings follow the file, nothing else changes.
import type { TextEdit } from '../checks/types';
import type { TrackerModel } from './model';

export interface LoadTestEvidence {
  /** Bold label without the `**` and colon, e.g. "v49 Load Test Results (200 users)". */
  readonly label: string;
  /** The stats file name as it should be cited. */
  readonly csvFile: string;
  readonly requests: number;
  readonly failures: number;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly rps: number | null;
}

export interface PytestEvidence {
  readonly label: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly errors: number;
  readonly coveragePercent: number | null;
  /** A report file to cite (the JUnit XML), if any. */
  readonly reportFile?: string;
}

const thousands = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * A response time as the tracker writes them: under a second in ms ("170ms"), from a second on in seconds with
 * one decimal ("2.0s") when that is exact, otherwise in ms so nothing is lost ("1234ms").
 */
export function formatMs(ms: number): string {
  const rounded = Math.round(ms);
  if (rounded >= 1000 && rounded % 100 === 0) return `${(rounded / 1000).toFixed(1)}s`;
  return `${rounded}ms`;
}

/** Failure rate in percent with two decimals, as the parser computes it (0 when there were no requests). */
export function failurePercent(requests: number, failures: number): number {
  return requests > 0 ? Math.round((failures / requests) * 10000) / 100 : 0;
}

// A label must stay one bold span: no `*`, no line breaks; the colon after it is ours.
const cleanLabel = (label: string): string => label.replace(/[*\r\n]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/:+$/, '');
// Inline code cannot contain a backtick.
const cleanCode = (text: string): string => text.replace(/[`\r\n]+/g, '');

/** The numbers part of the `Aggregated:` line, also used for notifications: "9,166 requests, 0 failures (0.00%), ...". */
export function formatAggregated(evidence: Omit<LoadTestEvidence, 'label' | 'csvFile'>): string {
  const parts = [
    `${thousands(evidence.requests)} requests`,
    `${thousands(evidence.failures)} failures (${failurePercent(evidence.requests, evidence.failures).toFixed(2)}%)`,
  ];
  if (evidence.p95Ms !== null) parts.push(`P95 ${formatMs(evidence.p95Ms)}`);
  if (evidence.p99Ms !== null) parts.push(`P99 ${formatMs(evidence.p99Ms)}`);
  if (evidence.rps !== null) parts.push(`RPS ${evidence.rps.toFixed(2)}`);
  return parts.join(', ');
}

export function formatLoadTestEvidence(evidence: LoadTestEvidence): string[] {
  return [`**${cleanLabel(evidence.label)}**:`, `- CSV: \`${cleanCode(evidence.csvFile)}\``, `- Aggregated: ${formatAggregated(evidence)}`];
}

export function formatPytestEvidence(evidence: PytestEvidence): string[] {
  const lines = [
    `**${cleanLabel(evidence.label)}**:`,
    `- Tests: ${evidence.passed} passed, ${evidence.failed} failed, ${evidence.skipped} skipped, ${evidence.errors} errors`,
  ];
  if (evidence.coveragePercent !== null) lines.push(`- Coverage: ${evidence.coveragePercent.toFixed(2)}%`);
  if (evidence.reportFile) lines.push(`- Report: \`${cleanCode(evidence.reportFile)}\``);
  return lines;
}

/** Where a block goes under a heading (week or day): after the last non-blank line of its own text, before any sub-heading's. */
export function insertionLineUnderHeading(model: TrackerModel, lines: readonly string[], headingIndex: number): number {
  const heading = model.headings[headingIndex];
  if (!heading) throw new RangeError(`no heading ${headingIndex}`);
  // The heading's own part ends where its first sub-heading starts; a block there belongs to the heading itself.
  const firstChild = model.headings.find((h, i) => i > headingIndex && h.parentIndex === headingIndex);
  const end = Math.min(firstChild ? firstChild.line : heading.endLine, lines.length);
  let last = heading.line;
  for (let line = heading.line + 1; line < end; line++) if (lines[line].trim() !== '') last = line;
  return last + 1;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * The edit that inserts `block` (lines without line breaks) before 0-based line `atLine` (`lineCount` = at the end),
 * separated from neighbouring text by one blank line on each side, using the file's line ending.
 */
export function insertEvidenceBlock(text: string, block: readonly string[], atLine: number): TextEdit {
  const lines = text.split(LINE_BREAK);
  const eol = /\r\n/.test(text) ? '\r\n' : /\n/.test(text) ? '\n' : /\r/.test(text) ? '\r' : '\n';
  const endsWithBreak = lines.length > 1 && lines[lines.length - 1] === '';
  // Lines of content: a final line break does not start another line.
  const count = endsWithBreak ? lines.length - 1 : lines.length;
  const at = Math.max(0, Math.min(atLine, count));
  const before = at > 0 ? lines[at - 1] : undefined;
  const after = at < count ? lines[at] : undefined;
  const body = block.join(eol);
  if (at === count && !endsWithBreak) {
    // After a last line without a line break: end that line, leave a blank line, and keep the file without a
    // final line break as it was.
    const lastText = lines[count - 1];
    if (text === '') return { line: 0, startColumn: 0, endColumn: 0, newText: body };
    const lead = lastText.trim() === '' ? eol : eol + eol;
    return { line: count - 1, startColumn: lastText.length, endColumn: lastText.length, newText: `${lead}${body}` };
  }
  const lead = before !== undefined && before.trim() !== '' ? eol : '';
  const trail = after !== undefined && after.trim() !== '' ? eol : '';
  return { line: at, startColumn: 0, endColumn: 0, newText: `${lead}${body}${eol}${trail}` };
}
