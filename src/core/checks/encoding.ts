// UTF-8 text mis-decoded as Mac Roman: one finding per file, with a fix that repairs every run at once.
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
      message: `${edits.length} mis-encoded sequences on ${affectedLines} lines: UTF-8 text was read as Mac Roman (for example ${example}).`,
      fixes: [{ title: 'Repair encoding (whole file)', edits }],
    },
  ];
}
