// The criteria each tracker states (Target Metrics, Exit Criteria) as gate limits, for the Runs view's verdicts
// and the thresholds the compare chart draws: the same limits `gate RUN --workspace DIR` applies.
import type * as vscode from 'vscode';
import { trackerCriteria } from '../core/checks/criteria';
import { trackerLimits, type Limit } from '../core/gate/limits';
import type { TrackerEntry } from './trackerEntry';

export interface TrackerLimits {
  readonly uri: vscode.Uri;
  readonly limits: readonly Limit[];
}

export function limitsOf(trackers: readonly TrackerEntry[]): TrackerLimits[] {
  return trackers.map((entry) => {
    const lines = Array.from({ length: entry.model.lineCount }, (_, i) => entry.lineAt(i) ?? '');
    return { uri: entry.uri, limits: trackerLimits(trackerCriteria(lines, entry.model)) };
  });
}
