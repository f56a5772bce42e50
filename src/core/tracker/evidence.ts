// Evidence references: file names or relative paths with the extensions a tracker cites as evidence.
import type { EvidenceRef } from './model';

export const EVIDENCE_EXTENSIONS = ['csv', 'log', 'md', 'html', 'json', 'py', 'yml', 'yaml', 'txt'] as const;

// A path segment is letters, digits, `_`, `-`, `.`; the reference must not be glued to a word, a URL or a path
// on its left, and must end at a non-word character so `report.mdx` or `a.csv2` are not taken.
const EVIDENCE_PATTERN = new RegExp(
  String.raw`(?<![\w./:\\-])((?:\.{1,2}/)?(?:[\w-][\w.-]*/)*[\w-][\w.-]*\.(?:${EVIDENCE_EXTENSIONS.join('|')}))(?![\w-]|\.\w)`,
  'gi',
);

const HAS_EXTENSION = new RegExp(String.raw`\.(?:${EVIDENCE_EXTENSIONS.join('|')})\b`, 'i');

/** References on one line; `line` is the 0-based line number stamped on the results. */
export function findEvidenceOnLine(text: string, line: number): EvidenceRef[] {
  if (!text.includes('.') || !HAS_EXTENSION.test(text)) return [];
  const refs: EvidenceRef[] = [];
  // exec on the one global pattern: matchAll would copy the RegExp for every line that names a file.
  EVIDENCE_PATTERN.lastIndex = 0;
  for (let match = EVIDENCE_PATTERN.exec(text); match !== null; match = EVIDENCE_PATTERN.exec(text)) {
    const start = match.index;
    // Skip the host and path of a URL: "http://x/y.html".
    if (text.includes('://') && /[a-z][\w+.-]*:\/\/\S*$/i.test(text.slice(0, start))) continue;
    refs.push({ ref: match[1], line, startColumn: start, endColumn: start + match[1].length });
  }
  return refs;
}
