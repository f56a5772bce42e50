// A tracker as top-level sections: runs of lines from one top-level ATX heading (`## ...` outside any list, quote
// or code) to the next. markdown-it's block parse of such a run does not depend on the text around it: blocks
// before the heading end at it, and the heading starts afresh. So the text is parsed in chunks of sections (bounded
// memory: the tokens of a chunk die young, which keeps a 100x tracker as cheap per line as the seed), and an edit
// re-parses only the sections it touched (incremental.ts). Each section holds what its lines say, with absolute
// line numbers; assemble.ts joins the sections into the TrackerModel.
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
  readonly week?: number;
  readonly day?: string;
}

export interface StatusLine {
  readonly week: number;
  readonly line: number;
  readonly text: string;
  readonly status: ClaimedStatus;
}

export interface Section {
  /** Lines that start in it (the last section also owns the text after the last break) and its length in chars.
   * Where it starts is the sum of the sections before it (assemble.ts keeps the counts, incremental.ts sums them).
   * The line numbers and the tasks' heading and parent indexes below are absolute, as of the parse. */
  readonly lineCount: number;
  readonly length: number;
  readonly crlf: boolean;
  readonly headings: readonly SectionHeading[];
  readonly tasks: readonly TaskItem[];
  readonly evidence: readonly EvidenceRef[];
  readonly runs: readonly RunSummary[];
  readonly statusLines: readonly StatusLine[];
  /** Per heading of the section: its own tasks (not its sub-headings'), checked and all; then the tasks above
   * the file's first heading (first section only), so progress is summed per heading, not per task. */
  readonly ownDone: readonly number[];
  readonly ownTotal: readonly number[];
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
 * into sections, when line `to` (if any) is a top-level heading in that parse. Returns undefined when it is not
 * (an unclosed fence or an HTML block swallowed it), so the caller takes a longer run.
 */
export function parseRun(text: string, lines: readonly string[], offsets: Int32Array, lineBase: number, from: number, to: number, headingBase: number, taskBase: number): Section[] | undefined {
  const last = lineBase + lines.length;
  const end = to < last ? offsets[to + 1 - lineBase] : text.length;
  const tokens = parser().parse(text.slice(offsets[from - lineBase], end), {});
  if (to < last) {
    const closing = tokens[tokens.length - 3];
    if (!closing || closing.type !== 'heading_open' || closing.level !== 0 || closing.map![0] !== to - from) return undefined;
    tokens.length -= 3;
  }
  const sections: Section[] = [];
  let first = 0;
  let headingCount = headingBase;
  let sectionEnd = from;
  let taskCount = taskBase;
  for (let i = 0; i <= tokens.length; i++) {
    const token = tokens[i];
    const boundary = token === undefined ? to : token.type === 'heading_open' && token.level === 0 && i > 0 && ATX_CANDIDATE.test(lines[from + token.map![0] - lineBase]) ? from + token.map![0] : -1;
    if (boundary < 0) continue;
    const startLine = sections.length ? sectionEnd : from;
    const section = buildSection(text, lines, offsets, lineBase, tokens, first, i, startLine, boundary, from, headingCount, taskCount);
    sections.push(section);
    sectionEnd = boundary;
    headingCount += section.headings.length;
    taskCount += section.tasks.length;
    first = i;
  }
  return sections;
}

function buildSection(text: string, lines: readonly string[], offsets: Int32Array, lineBase: number, tokens: Token[], first: number, stop: number, startLine: number, endLine: number, runStart: number, baseHeading: number, baseTask: number): Section {
  const own = lines.slice(startLine - lineBase, endLine - lineBase);
  const headings: SectionHeading[] = [];
  const tasks: TaskItem[] = [];
  const codeLines = new Set<number>();
  // One entry per open list item: the (section) index of the task it holds, or -1.
  const listItems: number[] = [];
  for (let i = first; i < stop; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'heading_open': {
        const content = onLine(own[runStart + token.map![0] - startLine], tokens[i + 1].content.trim());
        const title = titleWithoutStatus(content);
        const week = WEEK.exec(title.replace(/^[^\p{L}\p{N}]+/u, ''));
        const day = DAY.exec(title);
        headings.push({ level: Number(token.tag.slice(1)), text: content, title, line: runStart + token.map![0], status: claimedStatus(content), template: isTemplateHeading(content), ...(week ? { week: Number(week[1]) } : {}), ...(day ? { day: day[1] } : {}) });
        break;
      }
      case 'list_item_open':
        listItems.push(readTask(tokens, i, own, startLine, runStart, headings.length ? baseHeading + headings.length - 1 : baseHeading - 1, baseTask, listItems, tasks));
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
  const evidence: EvidenceRef[] = [];
  const statusLines: StatusLine[] = [];
  for (let line = 0; line < own.length; line++) {
    for (const ref of findEvidenceOnLine(own[line], startLine + line)) evidence.push(ref);
    const match = own[line].includes('Status**') ? WEEK_STATUS_LINE.exec(own[line]) : null;
    if (match && !codeLines.has(line)) statusLines.push({ week: Number(match[1]), line: startLine + line, text: match[2].trim(), status: claimedStatus(match[2].trim()) });
  }
  const runs = findRunSummaries(own, (line) => codeLines.has(line)).map((run) => ({ ...run, line: run.line + startLine }));
  const startOffset = offsets[startLine - lineBase];
  const endOffset = endLine - lineBase < lines.length ? offsets[endLine - lineBase] : text.length;
  const body = text.slice(startOffset, endOffset);
  const ownDone = new Array<number>(headings.length + 1).fill(0);
  const ownTotal = new Array<number>(headings.length + 1).fill(0);
  for (const task of tasks) {
    const local = task.headingIndex < baseHeading ? headings.length : task.headingIndex - baseHeading;
    ownTotal[local]++;
    if (task.checked) ownDone[local]++;
  }
  return { lineCount: own.length, length: endOffset - startOffset, crlf: body.includes('\r\n'), headings, tasks, evidence, runs, statusLines, ownDone, ownTotal };
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

/** Adds the task held by the list item opened at `tokens[index]`, if any, and returns its section index or -1. */
function readTask(tokens: Token[], index: number, own: readonly string[], startLine: number, runStart: number, headingIndex: number, baseTask: number, listItems: number[], tasks: TaskItem[]): number {
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
    parentTaskIndex: parentTaskIndex < 0 ? -1 : baseTask + parentTaskIndex,
    // Set in assemble.ts, which knows whether an enclosing heading (maybe in an earlier section) is a template.
    excluded: false,
  });
  return tasks.length - 1;
}
