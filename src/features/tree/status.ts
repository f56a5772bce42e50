// What a node's icon says: done, under way, not started, or the heading claims something its tasks contradict.
import * as vscode from 'vscode';
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

/** Compares a heading's claimed status (✅, IN PROGRESS, PENDING …) with its own tasks. */
export function headingStatus(claimed: ClaimedStatus, progress: Progress, excluded: boolean): NodeStatus {
  if (excluded) return { state: 'template', progress };
  const disagreement = claimDisagreement(claimed, progress);
  if (disagreement) return { state: 'disagrees', progress, disagreement };
  const state = progressState(progress);
  if (claimed === 'blocked' && state !== 'done') return { state: 'blocked', progress };
  return { state, progress };
}

function claimDisagreement(claimed: ClaimedStatus, { done, total }: Progress): string | undefined {
  if (total === 0) return undefined;
  const open = total - done;
  switch (claimed) {
    case 'complete':
      return open > 0 ? vscode.l10n.t('Claims complete, but {0} of {1} tasks are still open.', open, total) : undefined;
    case 'in-progress':
      return open === 0 ? vscode.l10n.t('Claims in progress, but all {0} tasks are done.', total) : undefined;
    case 'pending':
      if (open === 0) return vscode.l10n.t('Claims pending, but all {0} tasks are done.', total);
      return done > 0 ? vscode.l10n.t('Claims pending, but {0} of {1} tasks are already done.', done, total) : undefined;
    case 'blocked':
      return open === 0 ? vscode.l10n.t('Claims blocked, but all {0} tasks are done.', total) : undefined;
    default:
      return undefined;
  }
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

export function claimedStatusLabel(claimed: ClaimedStatus): string | undefined {
  switch (claimed) {
    case 'complete':
      return vscode.l10n.t('complete');
    case 'in-progress':
      return vscode.l10n.t('in progress');
    case 'pending':
      return vscode.l10n.t('pending');
    case 'blocked':
      return vscode.l10n.t('blocked');
    default:
      return undefined;
  }
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
