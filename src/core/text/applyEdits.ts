// Applies line/column text edits to a string, keeping every line ending as it was (CRLF, LF or CR).
import type { TextEdit } from '../checks/types';

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(match.index + match[0].length);
  const offset = (line: number, column: number) => (line >= lineStarts.length ? text.length : lineStarts[line] + column);
  const ranges = edits
    .map((e) => ({ start: offset(e.line, e.startColumn), end: offset(e.endLine ?? e.line, e.endColumn), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const range of ranges) result = result.slice(0, range.start) + range.text + result.slice(range.end);
  return result;
}
