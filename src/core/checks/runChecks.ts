// Runs every rule over one tracker and applies the configured severities ('off' drops a rule).
import { checkCommaTags } from './commaTags';
import { checkCriteria } from './criteria';
import { checkEncoding } from './encoding';
import { checkEvidenceDrift, checkMissingEvidence } from './evidence';
import { checkProgressClaims } from './progressClaims';
import { checkStatusClaims } from './statusClaims';
import { checkDuplicateRows } from './tables';
import { RULES, type CheckInput, type Finding, type Rule, type RuleId, type SeveritySetting } from './types';

const RULE_IMPLEMENTATIONS: Record<RuleId, Rule> = {
  'progress-claim': checkProgressClaims,
  'status-claim': checkStatusClaims,
  criteria: checkCriteria,
  'evidence-drift': checkEvidenceDrift,
  'evidence-missing': checkMissingEvidence,
  encoding: checkEncoding,
  'duplicate-row': checkDuplicateRows,
  'comma-tags': checkCommaTags,
};

export type SeverityOverrides = Partial<Record<string, SeveritySetting>>;

export function runChecks(input: CheckInput, overrides: SeverityOverrides = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of Object.keys(RULE_IMPLEMENTATIONS) as RuleId[]) {
    const severity = overrides[rule] ?? RULES[rule].severity;
    if (severity === 'off') continue;
    for (const raw of RULE_IMPLEMENTATIONS[rule](input)) findings.push({ ...raw, severity });
  }
  return findings.sort((a, b) => a.line - b.line || a.startColumn - b.startColumn);
}
