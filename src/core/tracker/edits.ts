// Checkbox toggles computed as minimal text edits: one mark character per task, nothing else.
// Works from the line text alone so an edit never waits for a re-parse.

import type { TaskItem } from './model';

/** Replace the single mark character at (line, column) with `newMark`, if the line still reads `expectedLineText`. */
export interface MarkEdit {
  readonly line: number;
  readonly column: number;
  readonly oldMark: ' ' | 'x' | 'X';
  readonly newMark: ' ' | 'x' | 'X';
  /** The full line text the edit was computed against; the applier re-checks it. */
  readonly expectedLineText: string;
}

export interface ToggleTarget {
  readonly line: number;
  readonly markColumn: number;
  readonly lineText: string;
  readonly checked: boolean;
}

/** The task mark on a line as text: prefix, marker, space, `[`, mark, `]`, then space/tab or end. */
export function findMarkColumn(_lineText: string): number {
  throw new Error('not implemented');
}

/**
 * One target state for all: the first task decides (checked -> all unchecked, otherwise all checked).
 * Ticking writes `x`; a user's `X` stays when it is already ticked.
 */
export function planToggle(_targets: readonly ToggleTarget[], _forceState?: boolean): MarkEdit[] {
  throw new Error('not implemented');
}

export type Relocation = { readonly kind: 'ok'; readonly edit: MarkEdit } | { readonly kind: 'refused'; readonly reason: string };

/**
 * Re-check a computed edit against the current document lines. When the line moved (lines inserted or removed
 * above), find the same line text nearby, preferring the closest match; when it is gone or ambiguous, refuse.
 */
export function relocateEdit(_edit: MarkEdit, _lineAt: (line: number) => string | undefined, _lineCount: number): Relocation {
  throw new Error('not implemented');
}

export function targetFromTask(task: TaskItem, lineText: string): ToggleTarget {
  return { line: task.line, markColumn: task.markColumn, lineText, checked: task.checked };
}
