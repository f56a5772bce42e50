// Evidence the tracker cites: files that do not exist, and run summaries that disagree with their CSV.
import * as l10n from '@vscode/l10n';
import { nearestName } from '../text/nearest';
import type { RunSummary } from '../tracker/model';
import type { AggregatedNumbers, CheckInput, EvidenceAccess, RawFinding } from './types';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extension(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1).toLowerCase();
}

export function checkMissingEvidence({ model, evidence }: CheckInput): RawFinding[] {
  if (!evidence) return [];
  const findings: RawFinding[] = [];
  const resolved = new Map<string, boolean>();
  let names: string[] | undefined;
  for (const ref of model.evidence) {
    if (!resolved.has(ref.ref)) resolved.set(ref.ref, evidence.resolve(ref.ref) !== undefined);
    if (resolved.get(ref.ref)) continue;
    names ??= [...new Set(evidence.fileNames().map(baseName))];
    const sameKind = names.filter((n) => extension(n) === extension(ref.ref));
    const nearest = nearestName(baseName(ref.ref), sameKind);
    findings.push({
      rule: 'evidence-missing',
      line: ref.line,
      startColumn: ref.startColumn,
      endColumn: ref.endColumn,
      message: nearest ? l10n.t('Evidence file "{0}" is not in the workspace. Did you mean "{1}"?', ref.ref, nearest) : l10n.t('Evidence file "{0}" is not in the workspace.', ref.ref),
      ...(nearest ? { fixes: [{ title: l10n.t('Change to "{0}"', nearest), edits: [{ line: ref.line, startColumn: ref.startColumn, endColumn: ref.endColumn, newText: ref.ref.slice(0, ref.ref.length - baseName(ref.ref).length) + nearest }] }] } : {}),
    });
  }
  return findings;
}

/** Relative tolerances: Locust's _stats.csv lags the console by a few seconds, so counts drift a little. */
export const DRIFT_TOLERANCE = { requests: 0.02, failures: 0.02, p95Ms: 0.1, p99Ms: 0.1, rps: 0.05 } as const;

const BLOCK_END = /^\s*(?:$|#|---|\*\*[^*]+\*\*\s*:\s*$)/;

const isStats = (ref: string) => /_stats\.csv$/i.test(ref);

/**
 * The stats CSVs a run summary cites: on its own line, or in the lines of its block. A block that names a CSV
 * and then its numbers, and then another CSV with other numbers ("Single-user CSV: … 66 requests",
 * "Multi-user CSV: … 50 requests"), describes two runs: the summary's numbers belong to the first.
 */
function citedStats(lines: readonly string[], run: RunSummary, refsByLine: Map<number, string[]>): string[] {
  const cited = (refsByLine.get(run.line) ?? []).filter(isStats);
  for (let line = run.line + 1; line < lines.length && !BLOCK_END.test(lines[line]); line++) {
    if (/^\s*[-*+]\s+v\d/.test(lines[line])) continue;
    cited.push(...(refsByLine.get(line) ?? []).filter(isStats));
    if (cited.length > 0 && /\d[\d,]*\s+requests\b/i.test(lines[line])) break;
  }
  return cited;
}

function drifts(run: RunSummary, csv: AggregatedNumbers): string[] {
  const out: string[] = [];
  const compare = (key: keyof typeof DRIFT_TOLERANCE, claimed: number | null, actual: number | null, unit = '') => {
    if (claimed === null || actual === null) return;
    const tolerance = Math.max(DRIFT_TOLERANCE[key] * Math.abs(actual), key === 'failures' ? 1 : 0);
    if (Math.abs(claimed - actual) > tolerance) out.push(`${key} ${claimed.toLocaleString('en-US')}${unit} vs ${actual.toLocaleString('en-US')}${unit}`);
  };
  compare('requests', run.requests, csv.requests);
  compare('failures', run.failures, csv.failures);
  compare('p95Ms', run.p95Ms, csv.p95Ms, ' ms');
  compare('p99Ms', run.p99Ms, csv.p99Ms, ' ms');
  compare('rps', run.rps, csv.rps === null ? null : Math.round(csv.rps * 100) / 100);
  return out;
}

export function checkEvidenceDrift({ lines, model, evidence }: CheckInput): RawFinding[] {
  if (!evidence?.aggregated) return [];
  const refsByLine = new Map<number, string[]>();
  for (const ref of model.evidence) refsByLine.set(ref.line, [...(refsByLine.get(ref.line) ?? []), ref.ref]);
  const findings: RawFinding[] = [];
  for (const run of model.runs) {
    for (const ref of citedStats(lines, run, refsByLine)) {
      const path = evidence.resolve(ref);
      const csv = path ? (evidence as Required<EvidenceAccess>).aggregated(path) : undefined;
      if (!csv) continue;
      const differences = drifts(run, csv);
      if (differences.length === 0) continue;
      findings.push({
        rule: 'evidence-drift',
        line: run.line,
        startColumn: 0,
        endColumn: lines[run.line].length,
        message: run.label
          ? l10n.t('{0} summary disagrees with {1} (text vs CSV): {2}.', run.label, ref, differences.join('; '))
          : l10n.t('This run summary disagrees with {0} (text vs CSV): {1}.', ref, differences.join('; ')),
      });
    }
  }
  return findings;
}
