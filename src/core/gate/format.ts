// The gate's verdict as text: a table for people, JSON for scripts, GitHub workflow annotations on the
// criterion's own tracker line, and JUnit XML (one testcase per check) for CI test reports.
import { formatQuantity } from '../tracker/thresholds';
import type { GateCheck, GateResult } from './gate';
import { DIMENSION, type GateMetric } from './limits';

const METRIC_LABEL: Record<GateMetric, string> = { p50: 'P50', p95: 'P95', p99: 'P99', avg: 'Avg', failureRate: 'Failure rate', successRate: 'Success rate', rps: 'RPS' };

export const metricLabel = (metric: GateMetric): string => METRIC_LABEL[metric];

const round = (value: number): number => Math.round(value * 100) / 100;
export const formatValue = (metric: GateMetric, value: number | null): string => (value === null ? '-' : formatQuantity(round(value), DIMENSION[metric]));

export function limitText(check: GateCheck): string {
  const limit = `${check.op} ${formatValue(check.metric, check.limit)}`;
  return check.kind === 'regression' ? `${limit} (baseline ${check.op === '<=' ? '+' : '−'}${check.percent}%)` : limit;
}

export function sourceText(check: GateCheck, tracker?: string): string {
  const source = check.source;
  if (source.kind === 'tracker') return `${tracker ?? 'tracker'}:${source.line + 1} "${source.text}"`;
  return source.flag;
}

/** One sentence per check: what was measured against what, and where the limit comes from. */
export function describeCheck(check: GateCheck, tracker?: string): string {
  const measured = check.value === null ? 'not measured' : formatValue(check.metric, check.value);
  const base = check.baseline === null ? '' : `, baseline ${formatValue(check.metric, check.baseline)}`;
  return `${METRIC_LABEL[check.metric]} of ${check.endpoint} is ${measured}, limit ${limitText(check)}${base} (${sourceText(check, tracker)})`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

export function formatGateTable(result: GateResult, tracker?: string): string {
  const head = `gate: ${result.run}${result.baseline ? ` against baseline ${result.baseline}` : ''}`;
  if (!result.checks.length) return `${head}\nno checks: give thresholds (--max-p95 500ms, ...) or a tracker with criteria (--tracker FILE)\nPASS`;
  const rows = [
    ['', 'Metric', 'Endpoint', 'Value', 'Limit', 'Baseline', 'From'],
    ...result.checks.map((c) => [c.pass ? 'ok' : 'FAIL', METRIC_LABEL[c.metric], c.endpoint, formatValue(c.metric, c.value), limitText(c), formatValue(c.metric, c.baseline), sourceText(c, tracker)]),
  ];
  const failed = result.checks.filter((c) => !c.pass).length;
  const out = [head, table(rows)];
  for (const skipped of result.notApplicable) out.push(`not judged: ${tracker ?? 'tracker'}:${skipped.line + 1} "${skipped.text}" names no endpoint of this run`);
  out.push(result.pass ? `PASS: ${result.checks.length} checks` : `FAIL: ${failed} of ${result.checks.length} checks failed`);
  return out.join('\n');
}

export function gateJson(result: GateResult): unknown {
  return {
    pass: result.pass,
    run: result.run,
    baseline: result.baseline,
    checks: result.checks.map((c) => ({
      metric: c.metric,
      endpoint: c.endpoint,
      value: c.value,
      limit: c.limit,
      baseline: c.baseline,
      pass: c.pass,
      op: c.op,
      kind: c.kind,
      ...(c.source.kind === 'tracker' ? { line: c.source.line + 1, criterion: c.source.text } : { flag: c.source.flag }),
    })),
  };
}

/** Workflow commands escape %, CR and LF in the message, and also : and , in properties. */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(result: GateResult, tracker?: string): string {
  const lines = result.checks
    .filter((c) => !c.pass)
    .map((c) => {
      const message = escapeData(`Gate failed: ${describeCheck(c, tracker)}`);
      if (c.source.kind === 'tracker' && tracker) return `::error file=${escapeProperty(tracker)},line=${c.source.line + 1},col=${c.source.column + 1}::${message}`;
      return `::error title=${escapeProperty('Load test gate')}::${message}`;
    });
  lines.push(result.pass ? `::notice::${escapeData(`Gate passed: ${result.checks.length} checks on ${result.run}`)}` : `::notice::${escapeData(`Gate failed: ${result.checks.filter((c) => !c.pass).length} of ${result.checks.length} checks on ${result.run}`)}`);
  return lines.join('\n');
}

const xml = (text: string): string =>
  // Characters XML 1.0 cannot hold at all are dropped; the rest escaped.
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function formatJunit(result: GateResult, tracker?: string): string {
  const failures = result.checks.filter((c) => !c.pass).length;
  const cases = result.checks.map((c) => {
    const name = xml(`${METRIC_LABEL[c.metric]} ${c.endpoint} ${limitText(c)}`);
    const body = c.pass ? '' : `\n      <failure message="${xml(describeCheck(c, tracker))}" type="gate"/>\n    `;
    return `    <testcase classname="${xml(`gate.${result.run}`)}" name="${name}">${body}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="execution-tracker gate" tests="${result.checks.length}" failures="${failures}">`,
    `  <testsuite name="${xml(`gate ${result.run}${result.baseline ? ` vs ${result.baseline}` : ''}`)}" tests="${result.checks.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
