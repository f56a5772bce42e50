// What a node's icon says: done, under way, not started, or the heading claims something its tasks contradict.
import * as vscode from 'vscode';
import { claimContradiction, claimedStatusWord, describeContradiction } from '../../core/tracker/claims';
import type { ClaimedStatus, Progress } from '../../core/tracker/model';

export type NodeState = 'done' | 'in-progress' | 'not-started' | 'no-tasks' | 'blocked' | 'disagrees' | 'template';

export interface NodeStatus {
  readonly state: NodeState;
  readonly progress: Progress;
  /** Why the claimed status disagrees with the tasks, when it does. */
  readonly disagreement?: string;
}

export function progressState(progress: Progress): NodeState {
  if (progress.total === 0) return 'no-tasks';
  if (progress.done === progress.total) return 'done';
  return progress.done === 0 ? 'not-started' : 'in-progress';
}

/**
 * Compares a heading's claimed status (✅, IN PROGRESS, PENDING …) with its own tasks; for a week, its
 * "**Week N Status**:" line too, which may claim what the heading does not.
 */
export function headingStatus(claimed: ClaimedStatus, progress: Progress, excluded: boolean, statusLine?: StatusLineClaim): NodeStatus {
  if (excluded) return { state: 'template', progress };
  const disagreement = claimDisagreement(claimed, progress) ?? statusLineDisagreement(claimed, progress, statusLine);
  if (disagreement) return { state: 'disagrees', progress, disagreement };
  const state = progressState(progress);
  if (claimed === 'blocked' && state !== 'done') return { state: 'blocked', progress };
  return { state, progress };
}

export interface StatusLineClaim {
  readonly line: number;
  readonly status: ClaimedStatus;
}

function statusLineDisagreement(claimed: ClaimedStatus, progress: Progress, statusLine: StatusLineClaim | undefined): string | undefined {
  if (!statusLine || statusLine.status === 'unknown') return undefined;
  const own = claimDisagreement(statusLine.status, progress);
  if (own) return vscode.l10n.t('Status line {0}: {1}', statusLine.line + 1, own);
  if (claimed !== 'unknown' && claimed !== statusLine.status) {
    return vscode.l10n.t('The heading says {0}, but its status line {1} says {2}.', claimedStatusLabel(claimed) ?? claimed, statusLine.line + 1, claimedStatusLabel(statusLine.status) ?? statusLine.status);
  }
  return undefined;
}

/** The core's wording (the same as the status-claim finding), as a sentence. */
function claimDisagreement(claimed: ClaimedStatus, progress: Progress): string | undefined {
  const found = claimContradiction(claimed, progress);
  if (!found) return undefined;
  const text = describeContradiction(found);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function statusIcon(state: NodeState): vscode.ThemeIcon {
  switch (state) {
    case 'done':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'in-progress':
      return new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('charts.yellow'));
    case 'not-started':
      return new vscode.ThemeIcon('circle-large-outline');
    case 'no-tasks':
      return new vscode.ThemeIcon('dash');
    case 'blocked':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.errorForeground'));
    case 'disagrees':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'template':
      return new vscode.ThemeIcon('note', new vscode.ThemeColor('disabledForeground'));
  }
}

/** A claimed status as a word, or undefined when nothing is claimed. */
export function claimedStatusLabel(claimed: ClaimedStatus): string | undefined {
  return claimed === 'unknown' ? undefined : claimedStatusWord(claimed);
}

export function stateLabel(state: NodeState): string {
  switch (state) {
    case 'done':
      return vscode.l10n.t('All tasks done');
    case 'in-progress':
      return vscode.l10n.t('In progress');
    case 'not-started':
      return vscode.l10n.t('Not started');
    case 'no-tasks':
      return vscode.l10n.t('No tasks');
    case 'blocked':
      return vscode.l10n.t('Blocked');
    case 'disagrees':
      return vscode.l10n.t('Claimed status disagrees with the tasks');
    case 'template':
      return vscode.l10n.t('Template, not counted');
  }
}
