// UTF-8 text mis-decoded as Mac Roman: one finding per file, with a fix that repairs every run at once.
import * as l10n from '@vscode/l10n';
import { findMacRomanMojibake } from '../text/macRoman';
import type { CheckInput, RawFinding, TextEdit } from './types';

export function checkEncoding({ lines }: CheckInput): RawFinding[] {
  const edits: TextEdit[] = [];
  lines.forEach((text, line) => {
    for (const repair of findMacRomanMojibake(text)) {
      edits.push({ line, startColumn: repair.start, endColumn: repair.end, newText: repair.repaired });
    }
  });
  if (edits.length === 0) return [];
  const first = edits[0];
  const affectedLines = new Set(edits.map((e) => e.line)).size;
  const example = `${lines[first.line].slice(first.startColumn, first.endColumn)} → ${first.newText}`;
  return [
    {
      rule: 'encoding',
      line: first.line,
      startColumn: first.startColumn,
      endColumn: first.endColumn,
      message: l10n.t('{0} mis-encoded sequences on {1} lines: UTF-8 text was read as Mac Roman (for example {2}).', edits.length, affectedLines, example),
      fixes: [{ title: l10n.t('Repair encoding (whole file)'), edits }],
    },
  ];
}
