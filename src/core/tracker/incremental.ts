// A tracker parse that can follow edits: the text is kept as top-level sections (sections.ts), and after an edit
// only the sections the edit touched are parsed again, then joined with the rest (assemble.ts). A keystroke in a
// tracker 100x the seed costs a few sections' parse, not the file's. The result equals a full parse of the new
// text; the differential unit test checks that on random edit sequences.
import { assemble, type Layout } from './assemble';
import type { ParseOptions, TrackerModel } from './model';
import { ATX_CANDIDATE, emptyParsed, lineOffsets, parseRun, splitLines, type Parsed } from './sections';

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
 * Parses the text from `startOffset` (line `startLine`) to its end into sections added to `into`, in runs of
 * about RUN_LINES lines cut at top-level headings. A cut that the parse refutes (the heading was inside an unclosed
 * fence) is retried with a run twice as long, so even a file that is one big code block costs a bounded number of
 * parses. Each run splits only its own lines: an array of every line (3 MB for a 100x tracker) would live through
 * the whole parse, moved by each young collection meanwhile.
 */
function parseLines(into: Parsed, text: string, startOffset: number, startLine: number): Parsed {
  // Lone CRs (old Mac files) need every char looked at; LF and CRLF texts are cut at each '\n' by indexOf.
  const loneCr = text.includes('\r') && /\r(?!\n)/.test(text);
  let start = startLine;
  let offset = startOffset;
  for (let atEnd = false; !atEnd; ) {
    for (let span = RUN_LINES; ; span *= 2) {
      const { lines, offsets, cut } = readRun(text, offset, span, loneCr);
      if (!parseRun(into, text, lines, offsets, start, start, start + cut)) continue;
      atEnd = cut === lines.length;
      start += cut;
      offset = offsets[cut];
      break;
    }
  }
  return into;
}

/**
 * The lines from `offset` (and their start offsets, then the offset after the last) up to and including the first
 * top-level heading candidate at least `span` lines on, which is `cut`; without one, to the text's end, and `cut`
 * is the line count. Splits as splitLines does.
 */
function readRun(text: string, offset: number, span: number, loneCr: boolean): { lines: string[]; offsets: Int32Array; cut: number } {
  const lines: string[] = [];
  const starts: number[] = [];
  for (let at = offset; ; ) {
    const brk = loneCr ? anyBreak(text, at) : text.indexOf('\n', at);
    const end = brk < 0 ? text.length : !loneCr && brk > at && text.charCodeAt(brk - 1) === 13 ? brk - 1 : brk;
    const line = text.slice(at, end);
    starts.push(at);
    lines.push(line);
    const next = brk < 0 ? text.length : loneCr && text.charCodeAt(brk) === 13 && text.charCodeAt(brk + 1) === 10 ? brk + 2 : brk + 1;
    const c = line.charCodeAt(0);
    if (lines.length > span && (c === 35 || c === 32) && ATX_CANDIDATE.test(line)) {
      starts.push(next);
      return { lines, offsets: Int32Array.from(starts), cut: lines.length - 1 };
    }
    if (brk < 0) {
      starts.push(text.length);
      return { lines, offsets: Int32Array.from(starts), cut: lines.length };
    }
    at = next;
  }
}

/** The first CR or LF at or after `from`, or -1. */
function anyBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

export function parseTrackerText(text: string, options: ParseOptions = {}): TrackerParse {
  const excludeTemplates = options.excludeTemplates ?? true;
  return { ...assemble(parseLines(emptyParsed(0, 0), text, 0, 0), excludeTemplates), text, excludeTemplates };
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
  const reparsed = emptyParsed(headingBase, taskBase);
  let done = false;
  for (; kept < count && !done; kept += done ? 0 : 1) {
    // Lines from startLine through the kept section's heading line, which the parse must still see as a heading.
    const cutOffset = offsets[kept] + charDelta;
    const slice = text.slice(startOffset, lineEnd(text, cutOffset));
    const lines = splitLines(slice);
    if (lines.length > 1 && lines[lines.length - 1] === '' && slice.length > 0) lines.pop();
    const lineStarts = lineOffsets(slice, lines).map((offset) => offset + startOffset);
    done = parseRun(reparsed, text, lines, lineStarts, startLine, startLine, starts[kept] + delta);
  }
  // The edit swallowed every later heading (an unclosed fence): the rest of the file is parsed again.
  if (!done) parseLines(reparsed, text, startOffset, startLine);
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
