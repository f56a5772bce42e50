// Checkbox toggles computed as minimal text edits: one mark character per task, nothing else.
// Works from the line text alone so an edit never waits for a re-parse.
import * as l10n from '@vscode/l10n';

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
export function findMarkColumn(lineText: string): number {
  const match = TASK_LINE.exec(lineText);
  return match ? match[1].length + 1 : -1;
}

// Blockquote markers and list markers (any number, any order: "> - 1. [ ] x"), then the checkbox, then a space
// or tab. Group 1 is everything before `[`.
const TASK_LINE = /^((?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+[ \t]*)\[[ xX]\](?=[ \t])/;

/**
 * One target state for all: the first task decides (checked -> all unchecked, otherwise all checked).
 * Ticking writes `x`; a user's `X` stays when it is already ticked.
 */
export function planToggle(targets: readonly ToggleTarget[], forceState?: boolean): MarkEdit[] {
  if (targets.length === 0) return [];
  const check = forceState ?? !targets[0].checked;
  const edits: MarkEdit[] = [];
  const seen = new Set<number>();
  for (const target of targets) {
    if (seen.has(target.line) || target.checked === check) continue;
    seen.add(target.line);
    const oldMark = target.lineText[target.markColumn] as MarkEdit['oldMark'];
    edits.push({ line: target.line, column: target.markColumn, oldMark, newMark: check ? 'x' : ' ', expectedLineText: target.lineText });
  }
  return edits;
}

export type Relocation = { readonly kind: 'ok'; readonly edit: MarkEdit } | { readonly kind: 'refused'; readonly reason: string };

/**
 * Re-check a computed edit against the current document lines. When the line moved (lines inserted or removed
 * above), find the same line text nearby, preferring the closest match; when it is gone or ambiguous, refuse.
 */
export function relocateEdit(edit: MarkEdit, lineAt: (line: number) => string | undefined, lineCount: number): Relocation {
  if (lineAt(edit.line) === edit.expectedLineText) return { kind: 'ok', edit };
  for (let distance = 1; distance < lineCount; distance++) {
    const above = edit.line - distance;
    const below = edit.line + distance;
    if (above < 0 && below >= lineCount) break;
    const aboveMatches = above >= 0 && lineAt(above) === edit.expectedLineText;
    const belowMatches = below < lineCount && lineAt(below) === edit.expectedLineText;
    if (aboveMatches && belowMatches) {
      return { kind: 'refused', reason: l10n.t('the task line now appears twice at the same distance, so it is ambiguous') };
    }
    if (aboveMatches || belowMatches) return { kind: 'ok', edit: { ...edit, line: aboveMatches ? above : below } };
  }
  return { kind: 'refused', reason: l10n.t('the task line was changed or removed since it was read') };
}

/** The single-character replacement an applier performs, after `relocateEdit` said ok. */
export function applyMarkEditToLine(lineText: string, edit: MarkEdit): string {
  return lineText.slice(0, edit.column) + edit.newMark + lineText.slice(edit.column + 1);
}

export function targetFromTask(task: TaskItem, lineText: string): ToggleTarget {
  return { line: task.line, markColumn: task.markColumn, lineText, checked: task.checked };
}
