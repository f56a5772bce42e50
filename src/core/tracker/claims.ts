// When a claimed status (✅, IN PROGRESS, PENDING, BLOCKED) contradicts the checkboxes it covers.
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

/** English wording for the CLI and the core's findings; the editor localises its own. */
export function describeContradiction(c: Contradiction): string {
  switch (c.kind) {
    case 'complete-with-open':
      return `claims complete but ${c.open} of ${c.total} tasks are open`;
    case 'in-progress-all-done':
      return `claims in progress but all ${c.total} tasks are done`;
    case 'pending-all-done':
      return `claims pending but all ${c.total} tasks are done`;
    case 'pending-started':
      return `claims pending but ${c.done} of ${c.total} tasks are already done`;
    case 'blocked-all-done':
      return `claims blocked but all ${c.total} tasks are done`;
  }
}
