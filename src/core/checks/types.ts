// Findings: where a tracker contradicts itself or its evidence. Positions are 0-based; the CLI prints 1-based.
import * as l10n from '@vscode/l10n';
import type { TrackerModel } from '../tracker/model';

/** What `executionTracker.checks.rules` accepts per rule (the manifest's enum is checked against this). */
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
export type Severity = Exclude<SeveritySetting, 'off'>;

// Titles are functions so that they are looked up in the display language when shown, not at import.
export const RULES = {
  'progress-claim': { severity: 'error', title: () => l10n.t('Progress claim disagrees with the checkboxes') },
  'status-claim': { severity: 'warning', title: () => l10n.t('Status claim disagrees with the checkboxes') },
  'criteria': { severity: 'error', title: () => l10n.t('A criterion marked met fails against the measured value') },
  'evidence-drift': { severity: 'warning', title: () => l10n.t('Run summary disagrees with the CSV it cites') },
  'evidence-missing': { severity: 'warning', title: () => l10n.t('Referenced evidence file is missing') },
  'encoding': { severity: 'warning', title: () => l10n.t('Text was mis-decoded (UTF-8 read as Mac Roman)') },
  'duplicate-row': { severity: 'warning', title: () => l10n.t('Duplicated table row') },
  'comma-tags': { severity: 'error', title: () => l10n.t('Locust tags joined with commas') },
} as const satisfies Record<string, { severity: Severity; title: () => string }>;

export type RuleId = keyof typeof RULES;

/** Replace [start, end) on one line, or from (line, startColumn) to (endLine, endColumn). */
export interface TextEdit {
  readonly line: number;
  readonly startColumn: number;
  readonly endLine?: number;
  readonly endColumn: number;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly line: number;
  readonly startColumn: number;
  readonly endColumn: number;
  readonly message: string;
  readonly fixes?: readonly QuickFix[];
}

/** A finding before the configured severity is applied. */
export type RawFinding = Omit<Finding, 'severity'>;

/** What a rule can look at beyond the text: the workspace's files and the Locust results they hold. */
export interface EvidenceAccess {
  /** Resolves a reference as written to a workspace file, or undefined when none exists. */
  resolve(ref: string): string | undefined;
  /** Every file name in the workspace (for "did you mean"). */
  fileNames(): readonly string[];
  /** The aggregated row of a Locust stats file, or undefined when it cannot be read. */
  aggregated?(path: string): AggregatedNumbers | undefined;
}

export interface AggregatedNumbers {
  readonly requests: number;
  readonly failures: number;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly rps: number | null;
}

export interface CheckInput {
  readonly text: string;
  readonly lines: readonly string[];
  readonly model: TrackerModel;
  readonly evidence?: EvidenceAccess;
}

export type Rule = (input: CheckInput) => RawFinding[];
