// A tracker parse that can follow edits: the text is kept as top-level sections (sections.ts), and after an edit
// only the sections the edit touched are parsed again, then joined with the rest (assemble.ts). A keystroke in a
// tracker 100x the seed costs a few sections' parse, not the file's. The result equals a full parse of the new
// text; the differential unit test checks that on random edit sequences.
import { assemble, type Layout } from './assemble';
import type { ParseOptions, TrackerModel } from './model';
import { ATX_CANDIDATE, lineOffsets, parseRun, splitLines, type Section } from './sections';

export interface TrackerParse {
  readonly model: TrackerModel;
  readonly text: string;
  readonly excludeTemplates: boolean;
  /** The sections' and headings' counts and positions, for the next update (assemble.ts). */
  readonly layout: Layout;
}

/** Lines [startLine, oldEndLine) of the previous text became lines [startLine, newEndLine) of the new one. */
export interface LineChange {
  readonly startLine: number;
  readonly oldEndLine: number;
  readonly newEndLine: number;
}

/** Lines per parse run of a full parse: big enough to amortise a parse call, small enough for young tokens. */
const RUN_LINES = 400;

/**
 * Parses lines [from, last) of `text` into sections, in runs of about RUN_LINES lines cut at top-level
 * headings. A cut that the parse refutes (the heading was inside an unclosed fence) is retried with a run twice as
 * long, so even a file that is one big code block costs a bounded number of parses.
 */
function parseLines(text: string, lines: readonly string[], offsets: Int32Array, lineBase: number, from: number, headingBase: number, taskBase: number): Section[] {
  const last = lineBase + lines.length;
  const sections: Section[] = [];
  let start = from;
  let headings = headingBase;
  let tasks = taskBase;
  while (start < last) {
    let span = RUN_LINES;
    for (;;) {
      const to = nextCandidate(lines, lineBase, start + span, last);
      const run = parseRun(text, lines, offsets, lineBase, start, to, headings, tasks);
      if (run) {
        for (const section of run) {
          sections.push(section);
          headings += section.headings.length;
          tasks += section.tasks.length;
        }
        start = to;
        break;
      }
      span *= 2;
    }
  }
  return sections;
}

function nextCandidate(lines: readonly string[], lineBase: number, from: number, last: number): number {
  for (let line = from; line < last; line++) {
    const text = lines[line - lineBase];
    const c = text.charCodeAt(0);
    if ((c === 35 || c === 32) && ATX_CANDIDATE.test(text)) return line;
  }
  return last;
}

export function parseTrackerText(text: string, options: ParseOptions = {}): TrackerParse {
  const excludeTemplates = options.excludeTemplates ?? true;
  const lines = splitLines(text);
  const sections = parseLines(text, lines, lineOffsets(text, lines), 0, 0, 0, 0);
  return { ...assemble(sections, excludeTemplates), text, excludeTemplates };
}

/**
 * The parse of `text`, which is `previous.text` with the lines of `change` replaced. Only the sections from the
 * one holding the line before the edit to the first top-level heading after it are parsed; the rest are reused.
 */
export function updateTrackerParse(previous: TrackerParse, text: string, change: LineChange, options: ParseOptions = {}): TrackerParse {
  const excludeTemplates = options.excludeTemplates ?? true;
  const { sectionLines, sectionLength, sectionHeadings, sectionTasks } = previous.layout;
  const count = sectionLines.length;
  if (excludeTemplates !== previous.excludeTemplates || count === 0) return parseTrackerText(text, options);
  const delta = change.newEndLine - change.oldEndLine;
  const charDelta = text.length - previous.text.length;
  // An edited heading line can join its section to the one above, so start with the section holding the line
  // before the edit; keep the sections that start after the edited lines.
  const anchor = Math.max(0, change.startLine - 1);
  // Where each old section starts (line and offset): sums of the ones before it.
  const starts = new Int32Array(count + 1);
  const offsets = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) {
    starts[s + 1] = starts[s] + sectionLines[s];
    offsets[s + 1] = offsets[s] + sectionLength[s];
  }
  let first = count - 1;
  while (first > 0 && starts[first] > anchor) first--;
  let kept = first + 1;
  while (kept < count && starts[kept] < change.oldEndLine) kept++;
  let headingBase = 0;
  let taskBase = 0;
  for (let s = 0; s < first; s++) {
    headingBase += sectionHeadings[s];
    taskBase += sectionTasks[s];
  }
  const startLine = starts[first];
  const startOffset = offsets[first];
  let reparsed: Section[] | undefined;
  for (; kept < count && !reparsed; kept += reparsed ? 0 : 1) {
    // Lines from startLine through the kept section's heading line, which the parse must still see as a heading.
    const cutOffset = offsets[kept] + charDelta;
    const slice = text.slice(startOffset, lineEnd(text, cutOffset));
    const lines = splitLines(slice);
    if (lines.length > 1 && lines[lines.length - 1] === '' && slice.length > 0) lines.pop();
    const lineStarts = lineOffsets(slice, lines).map((offset) => offset + startOffset);
    reparsed = parseRun(text, lines, lineStarts, startLine, startLine, starts[kept] + delta, headingBase, taskBase);
  }
  if (!reparsed) {
    // The edit swallowed every later heading (an unclosed fence): the rest of the file is parsed again.
    const slice = text.slice(startOffset);
    const lines = splitLines(slice);
    reparsed = parseLines(text, lines, lineOffsets(slice, lines).map((offset) => offset + startOffset), startLine, startLine, headingBase, taskBase);
  }
  return { ...assemble(reparsed, excludeTemplates, { model: previous.model, layout: previous.layout, first, kept }), text, excludeTemplates };
}

/** The offset just past the line break ending the line that starts at `offset` (or the text's end). */
function lineEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}
