// Duplicated rows in markdown tables (the seed repeats "| 6 (Tier 3 Testing) | ...").
import * as l10n from '@vscode/l10n';
import type { CheckInput, RawFinding } from './types';

const ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function normaliseRow(text: string): string {
  return text.trim().split('|').map((cell) => cell.trim()).join('|');
}

export function checkDuplicateRows({ lines }: CheckInput): RawFinding[] {
  const findings: RawFinding[] = [];
  let seen = new Map<string, number>();
  lines.forEach((text, line) => {
    if (!ROW.test(text)) {
      seen = new Map();
      return;
    }
    if (SEPARATOR.test(text)) return;
    const key = normaliseRow(text);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, line);
      return;
    }
    findings.push({
      rule: 'duplicate-row',
      line,
      startColumn: 0,
      endColumn: text.length,
      message: l10n.t('This table row repeats line {0}.', first + 1),
      fixes: [{ title: l10n.t('Delete the duplicated row'), edits: [{ line, startColumn: 0, endLine: line + 1, endColumn: 0, newText: '' }] }],
    });
  });
  return findings;
}
