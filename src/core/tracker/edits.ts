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
  const found = relocateLine(edit.line, (text) => text === edit.expectedLineText, lineAt, lineCount);
  return found.kind === 'ok' ? { kind: 'ok', edit: found.line === edit.line ? edit : { ...edit, line: found.line } } : found;
}

export type LineRelocation = { readonly kind: 'ok'; readonly line: number } | { readonly kind: 'refused'; readonly reason: string };

/** The line nearest to `line` whose text `matches` (the line itself first); refused when none or two at one distance. */
export function relocateLine(line: number, matches: (text: string) => boolean, lineAt: (line: number) => string | undefined, lineCount: number): LineRelocation {
  const at = (index: number) => {
    const text = index >= 0 && index < lineCount ? lineAt(index) : undefined;
    return text !== undefined && matches(text);
  };
  if (at(line)) return { kind: 'ok', line };
  for (let distance = 1; distance < lineCount; distance++) {
    const above = line - distance;
    const below = line + distance;
    if (above < 0 && below >= lineCount) break;
    const aboveMatches = at(above);
    const belowMatches = at(below);
    if (aboveMatches && belowMatches) {
      return { kind: 'refused', reason: l10n.t('the task line now appears twice at the same distance, so it is ambiguous') };
    }
    if (aboveMatches || belowMatches) return { kind: 'ok', line: aboveMatches ? above : below };
  }
  return { kind: 'refused', reason: l10n.t('the task line was changed or removed since it was read') };
}

/**
 * The same task line apart from its mark: a line as rendered before a tick still names the task after it (a
 * click on a row the tree or preview had not re-rendered yet), and setting a state does not depend on the old one.
 */
export function sameTaskLine(text: string, rendered: string, markColumn: number): boolean {
  if (text === rendered) return true;
  return (
    markColumn >= 0 &&
    text.length === rendered.length &&
    /[ xX]/.test(text[markColumn] ?? '') &&
    text.slice(0, markColumn) === rendered.slice(0, markColumn) &&
    text.slice(markColumn + 1) === rendered.slice(markColumn + 1)
  );
}

/** The edit that puts the task on a line (read now) into the wanted state, or undefined when it already is. */
export function setMarkEdit(line: number, lineText: string, checked: boolean): MarkEdit | undefined {
  const column = findMarkColumn(lineText);
  if (column < 0) return undefined;
  const oldMark = lineText[column] as MarkEdit['oldMark'];
  if ((oldMark !== ' ') === checked) return undefined;
  return { line, column, oldMark, newMark: checked ? 'x' : ' ', expectedLineText: lineText };
}

/** The single-character replacement an applier performs, after `relocateEdit` said ok. */
export function applyMarkEditToLine(lineText: string, edit: MarkEdit): string {
  return lineText.slice(0, edit.column) + edit.newMark + lineText.slice(edit.column + 1);
}

export function targetFromTask(task: TaskItem, lineText: string): ToggleTarget {
  return { line: task.line, markColumn: task.markColumn, lineText, checked: task.checked };
}
