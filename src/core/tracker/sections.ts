// A tracker as top-level sections: runs of lines from one top-level ATX heading (`## ...` outside any list, quote
// or code) to the next. markdown-it's block parse of such a run does not depend on the text around it: blocks
// before the heading end at it, and the heading starts afresh. So the text is parsed in chunks of sections (bounded
// memory: the tokens of a chunk die young, which keeps a 100x tracker as cheap per line as the seed), and an edit
// re-parses only the sections it touched (incremental.ts). What the sections' lines say is gathered in one Parsed,
// with absolute line numbers; assemble.ts joins it with the rest into the TrackerModel.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { findEvidenceOnLine } from './evidence';
import type { ClaimedStatus, EvidenceRef, RunSummary, TaskItem } from './model';
import { findRunSummaries } from './runs';
import { claimedStatus, titleWithoutStatus } from './status';
import { TASK_MARK } from './taskMark';

let blockParser: MarkdownIt | undefined;

/** Only block parsing runs: the raw inline text is on each inline token already. */
function parser(): MarkdownIt {
  if (!blockParser) {
    blockParser = new MarkdownIt('default', { html: true });
    blockParser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  }
  return blockParser;
}

const WEEK = /^WEEK\s+(\d+)\s*(?::|[-–—]|$)/i;
const DAY = /^(Day\s+\d+(?:\s*[-–]\s*\d+)?)\b/i;
const WEEK_STATUS_LINE = /^\s*(?:[-*+]\s+)?\*\*Week\s+(\d+)\s+Status\*\*\s*:(.*)$/i;
/** A line that may open an ATX heading; markdown-it's tokens decide whether it does. */
export const ATX_CANDIDATE = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/** A heading as its own line says it: everything but the parts that depend on the rest of the file. */
export interface SectionHeading {
  readonly level: number;
  readonly text: string;
  readonly title: string;
  readonly line: number;
  readonly status: ClaimedStatus;
  readonly template: boolean;
  /** Always present (undefined when none), so every heading has one shape. */
  readonly week: number | undefined;
  readonly day: string | undefined;
}

export interface StatusLine {
  readonly week: number;
  readonly line: number;
  readonly text: string;
  readonly status: ClaimedStatus;
}

/**
 * What a parse of consecutive sections found, in file order: one list per kind for all of them, and per section
 * only its counts (lines, chars, CRLF, and how many of each kind it holds). Per-section lists were 7 small arrays
 * for each of a 100x tracker's 6,000 sections, all alive through the parse and the join; shared lists become the
 * model's as they are. Line numbers and heading and task indexes are absolute: `headingBase` and `taskBase` are
 * the headings and tasks before the first of these sections.
 */
export interface Parsed {
  readonly headingBase: number;
  readonly taskBase: number;
  readonly headings: SectionHeading[];
  readonly tasks: TaskItem[];
  readonly evidence: EvidenceRef[];
  readonly runs: RunSummary[];
  readonly statusLines: StatusLine[];
  readonly sectionLines: number[];
  readonly sectionLength: number[];
  readonly sectionCrlf: number[];
  readonly sectionHeadings: number[];
  readonly sectionTasks: number[];
  readonly sectionEvidence: number[];
  readonly sectionRuns: number[];
  readonly sectionStatus: number[];
}

export function emptyParsed(headingBase: number, taskBase: number): Parsed {
  return { headingBase, taskBase, headings: [], tasks: [], evidence: [], runs: [], statusLines: [], sectionLines: [], sectionLength: [], sectionCrlf: [], sectionHeadings: [], sectionTasks: [], sectionEvidence: [], sectionRuns: [], sectionStatus: [] };
}

// "DAILY STANDUP TEMPLATE" or "Weekly review template" is a template; "Template System Tests" is real work.
function isTemplateHeading(text: string): boolean {
  return /\bTEMPLATE\b/.test(text) || /\btemplate[^\p{L}\p{N}]*$/iu.test(text);
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Start offsets of `lines` (from splitLines of `text`), plus the text's length at the end. */
export function lineOffsets(text: string, lines: readonly string[]): Int32Array {
  const offsets = new Int32Array(lines.length + 1);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    offsets[i] = at;
    at += lines[i].length;
    if (i < lines.length - 1) at += text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
  }
  offsets[lines.length] = text.length;
  return offsets;
}

/**
 * Parses lines [from, to) of the text (absolute numbers; `lines` and `offsets` cover the text from `lineBase`)
 * into sections added to `into`, when line `to` (if any) is a top-level heading in that parse. Returns false, and
 * adds nothing, when it is not (an unclosed fence or an HTML block swallowed it), so the caller takes a longer run.
 */
export function parseRun(into: Parsed, text: string, lines: readonly string[], offsets: Int32Array, lineBase: number, from: number, to: number): boolean {
  const last = lineBase + lines.length;
  const end = to < last ? offsets[to + 1 - lineBase] : text.length;
  const tokens = parser().parse(text.slice(offsets[from - lineBase], end), {});
  if (to < last) {
    const closing = tokens[tokens.length - 3];
    if (!closing || closing.type !== 'heading_open' || closing.level !== 0 || closing.map![0] !== to - from) return false;
    tokens.length -= 3;
  }
  let first = 0;
  let sectionStart = from;
  for (let i = 0; i <= tokens.length; i++) {
    const token = tokens[i];
    const boundary = token === undefined ? to : token.type === 'heading_open' && token.level === 0 && i > 0 && ATX_CANDIDATE.test(lines[from + token.map![0] - lineBase]) ? from + token.map![0] : -1;
    if (boundary < 0) continue;
    buildSection(into, text, lines, offsets, lineBase, tokens, first, i, sectionStart, boundary, from);
    sectionStart = boundary;
    first = i;
  }
  return true;
}

/** Adds the section of lines [startLine, endLine) (tokens [first, stop) of the run from `runStart`) to `into`. */
function buildSection(into: Parsed, text: string, lines: readonly string[], offsets: Int32Array, lineBase: number, tokens: Token[], first: number, stop: number, startLine: number, endLine: number, runStart: number): void {
  const own = lines.slice(startLine - lineBase, endLine - lineBase);
  const counts = { headings: into.headings.length, tasks: into.tasks.length, evidence: into.evidence.length, runs: into.runs.length, status: into.statusLines.length };
  const codeLines = new Set<number>();
  // One entry per open list item: the (absolute) index of the task it holds, or -1.
  const listItems: number[] = [];
  for (let i = first; i < stop; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'heading_open': {
        const content = onLine(own[runStart + token.map![0] - startLine], tokens[i + 1].content.trim());
        const title = titleWithoutStatus(content);
        const week = WEEK.exec(title.replace(/^[^\p{L}\p{N}]+/u, ''));
        const day = DAY.exec(title);
        into.headings.push({ level: Number(token.tag.slice(1)), text: content, title, line: runStart + token.map![0], status: claimedStatus(content), template: isTemplateHeading(content), week: week ? Number(week[1]) : undefined, day: day ? day[1] : undefined });
        break;
      }
      case 'list_item_open':
        // The closest heading above: in this section, or (first section only) none.
        listItems.push(readTask(tokens, i, own, startLine, runStart, into.headingBase + into.headings.length - 1, into.taskBase, listItems, into.tasks));
        break;
      case 'list_item_close':
        listItems.pop();
        break;
      case 'fence':
      case 'code_block':
        for (let line = runStart + token.map![0]; line < runStart + token.map![1]; line++) codeLines.add(line - startLine);
        break;
    }
  }
  for (let line = 0; line < own.length; line++) {
    for (const ref of findEvidenceOnLine(own[line], startLine + line)) into.evidence.push(ref);
    const match = own[line].includes('Status**') ? WEEK_STATUS_LINE.exec(own[line]) : null;
    if (match && !codeLines.has(line)) into.statusLines.push({ week: Number(match[1]), line: startLine + line, text: match[2].trim(), status: claimedStatus(match[2].trim()) });
  }
  for (const run of findRunSummaries(own, (line) => codeLines.has(line))) into.runs.push({ ...run, line: run.line + startLine });
  const startOffset = offsets[startLine - lineBase];
  const endOffset = endLine - lineBase < lines.length ? offsets[endLine - lineBase] : text.length;
  into.sectionLines.push(own.length);
  into.sectionLength.push(endOffset - startOffset);
  into.sectionCrlf.push(text.slice(startOffset, endOffset).includes('\r\n') ? 1 : 0);
  into.sectionHeadings.push(into.headings.length - counts.headings);
  into.sectionTasks.push(into.tasks.length - counts.tasks);
  into.sectionEvidence.push(into.evidence.length - counts.evidence);
  into.sectionRuns.push(into.runs.length - counts.runs);
  into.sectionStatus.push(into.statusLines.length - counts.status);
}

/**
 * `content` (a token's text, found on `line`) as a slice of the line. markdown-it parses a normalised copy of each
 * run, and a string taken from a token keeps that whole copy alive: kept in the model, those copies doubled what a
 * parse retains (a 100x tracker: the 9 MB text twice), and every young collection during the parse moved them.
 * The lines are slices of the text the parse keeps anyway.
 */
function onLine(line: string, content: string): string {
  const at = line.indexOf(content);
  return at < 0 ? content : line.slice(at, at + content.length);
}

/** Adds the task held by the list item opened at `tokens[index]`, if any, and returns its absolute index or -1. */
function readTask(tokens: Token[], index: number, own: readonly string[], startLine: number, runStart: number, headingIndex: number, taskBase: number, listItems: number[], tasks: TaskItem[]): number {
  const paragraph = tokens[index + 1];
  if (paragraph?.type !== 'paragraph_open') return -1;
  const content = tokens[index + 2].content;
  const mark = TASK_MARK.exec(content);
  if (!mark) return -1;
  const line = runStart + paragraph.map![0];
  const text = own[line - startLine];
  const firstLine = content.slice(0, content.indexOf('\n') >>> 0);
  const found = text.indexOf(firstLine);
  const markColumn = (found >= 0 ? found : text.search(/\[[ xX]\]/)) + 1;
  let parentTaskIndex = -1;
  for (let depth = listItems.length - 1; depth >= 0 && parentTaskIndex < 0; depth--) parentTaskIndex = listItems[depth];
  tasks.push({
    line,
    markColumn,
    mark: mark[1] as TaskItem['mark'],
    checked: mark[1] !== ' ',
    text: /[\n\t]/.test(content) ? content.slice(3).replace(/\s+/g, ' ').trim() : (found >= 0 ? text.slice(found + 3, found + content.length) : content.slice(3)).trim(),
    depth: listItems.length,
    headingIndex,
    parentTaskIndex,
    // Set in assemble.ts, which knows whether an enclosing heading (maybe in an earlier section) is a template.
    excluded: false,
  });
  return taskBase + tasks.length - 1;
}
