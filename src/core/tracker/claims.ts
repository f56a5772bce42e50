// When a claimed status (✅, IN PROGRESS, PENDING, BLOCKED) contradicts the checkboxes it covers.
import * as l10n from '@vscode/l10n';
import type { ClaimedStatus, Progress } from './model';

export type Contradiction =
  | { readonly kind: 'complete-with-open'; readonly open: number; readonly total: number }
  | { readonly kind: 'in-progress-all-done'; readonly total: number }
  | { readonly kind: 'pending-all-done'; readonly total: number }
  | { readonly kind: 'pending-started'; readonly done: number; readonly total: number }
  | { readonly kind: 'blocked-all-done'; readonly total: number };

export function claimContradiction(claimed: ClaimedStatus, { done, total }: Progress): Contradiction | undefined {
  if (total === 0) return undefined;
  const open = total - done;
  switch (claimed) {
    case 'complete':
      return open > 0 ? { kind: 'complete-with-open', open, total } : undefined;
    case 'in-progress':
      return open === 0 ? { kind: 'in-progress-all-done', total } : undefined;
    case 'pending':
      if (open === 0) return { kind: 'pending-all-done', total };
      return done > 0 ? { kind: 'pending-started', done, total } : undefined;
    case 'blocked':
      return open === 0 ? { kind: 'blocked-all-done', total } : undefined;
    default:
      return undefined;
  }
}

/** Wording for the core's findings (English in the CLI; the display language in the editor, see configureCoreL10n). */
export function describeContradiction(c: Contradiction): string {
  switch (c.kind) {
    case 'complete-with-open':
      return l10n.t('claims complete but {0} of {1} tasks are open', c.open, c.total);
    case 'in-progress-all-done':
      return l10n.t('claims in progress but all {0} tasks are done', c.total);
    case 'pending-all-done':
      return l10n.t('claims pending but all {0} tasks are done', c.total);
    case 'pending-started':
      return l10n.t('claims pending but {0} of {1} tasks are already done', c.done, c.total);
    case 'blocked-all-done':
      return l10n.t('claims blocked but all {0} tasks are done', c.total);
  }
}

/** A claimed status as a word of the display language (`in progress`), looked up when shown. */
export function claimedStatusWord(status: ClaimedStatus): string {
  switch (status) {
    case 'complete':
      return l10n.t('complete');
    case 'in-progress':
      return l10n.t('in progress');
    case 'pending':
      return l10n.t('pending');
    case 'blocked':
      return l10n.t('blocked');
    case 'unknown':
      return l10n.t('unknown');
  }
}
