// The tracker parser as it was before sections and incremental refresh (issue 14), kept only as the reference of
// the differential tests: the new parser must give the same model, whole or after any edit.
// markdown-it -> TrackerModel. Only block parsing runs: headings, lists and code are block structure, and the
// raw inline text is on each inline token already, so skipping inline parsing keeps the model cheaper than a
// full markdown-it parse() of the same text. See model.ts for what each field means.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { findEvidenceOnLine } from '../../../../src/core/tracker/evidence';
import type { EvidenceRef, Heading, ParseOptions, TaskItem, TrackerModel, Week } from '../../../../src/core/tracker/model';
import { findRunSummaries } from '../../../../src/core/tracker/runs';
import { claimedStatus, titleWithoutStatus } from '../../../../src/core/tracker/status';

let blockParser: MarkdownIt | undefined;

function parser(): MarkdownIt {
  if (!blockParser) {
    blockParser = new MarkdownIt('default', { html: true });
    blockParser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  }
  return blockParser;
}

const TASK_MARK = /^\[([ xX])\](?=\s)/;
const WEEK = /^WEEK\s+(\d+)\s*(?::|[-–—]|$)/i;
const DAY = /^(Day\s+\d+(?:\s*[-–]\s*\d+)?)\b/i;
const WEEK_STATUS_LINE = /^\s*(?:[-*+]\s+)?\*\*Week\s+(\d+)\s+Status\*\*\s*:(.*)$/i;

// "DAILY STANDUP TEMPLATE" or "Weekly review template" is a template; "Template System Tests" is real work.
function isTemplateHeading(text: string): boolean {
  return /\bTEMPLATE\b/.test(text) || /\btemplate[^\p{L}\p{N}]*$/iu.test(text);
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

interface MutableHeading {
  level: number;
  text: string;
  line: number;
  endLine: number;
  parentIndex: number;
  excluded: boolean;
  done: number;
  total: number;
  allDone: number;
  allTotal: number;
}

export function parseTracker(text: string, options: ParseOptions = {}): TrackerModel {
  const excludeTemplates = options.excludeTemplates ?? true;
  const lines = splitLines(text);
  const tokens = parser().parse(text, {});
  const headings: MutableHeading[] = [];
  const tasks: TaskItem[] = [];
  const codeLines: Array<[number, number]> = [];
  const headingStack: number[] = [];
  // One entry per open list item: the task index it holds, or -1.
  const listItems: number[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'heading_open': {
        const level = Number(token.tag.slice(1));
        while (headingStack.length && headings[headingStack[headingStack.length - 1]].level >= level) {
          headings[headingStack.pop()!].endLine = token.map![0];
        }
        const parentIndex = headingStack.length ? headingStack[headingStack.length - 1] : -1;
        const content = tokens[i + 1].content.trim();
        const excluded = (parentIndex >= 0 && headings[parentIndex].excluded) || isTemplateHeading(content);
        headingStack.push(headings.length);
        headings.push({ level, text: content, line: token.map![0], endLine: lines.length, parentIndex, excluded, done: 0, total: 0, allDone: 0, allTotal: 0 });
        break;
      }
      case 'list_item_open':
        listItems.push(readTask(tokens, i, lines, headings, listItems, tasks, excludeTemplates));
        break;
      case 'list_item_close':
        listItems.pop();
        break;
      case 'fence':
      case 'code_block':
        codeLines.push([token.map![0], token.map![1]]);
        break;
    }
  }
  countTasks(tasks, headings);
  return buildModel(text, lines, headings, tasks, codeLines);
}

/** Adds the task held by the list item opened at `tokens[index]`, if any, and returns its index or -1. */
function readTask(tokens: Token[], index: number, lines: string[], headings: MutableHeading[], listItems: number[], tasks: TaskItem[], excludeTemplates: boolean): number {
  const paragraph = tokens[index + 1];
  if (paragraph?.type !== 'paragraph_open') return -1;
  const content = tokens[index + 2].content;
  const mark = TASK_MARK.exec(content);
  if (!mark) return -1;
  const line = paragraph.map![0];
  const firstLine = content.slice(0, content.indexOf('\n') >>> 0);
  const found = lines[line].indexOf(firstLine);
  const markColumn = (found >= 0 ? found : lines[line].search(/\[[ xX]\]/)) + 1;
  const headingIndex = headings.length - 1;
  let parentTaskIndex = -1;
  for (let depth = listItems.length - 1; depth >= 0 && parentTaskIndex < 0; depth--) parentTaskIndex = listItems[depth];
  tasks.push({
    line,
    markColumn,
    mark: mark[1] as TaskItem['mark'],
    checked: mark[1] !== ' ',
    text: /[\n\t]/.test(content) ? content.slice(3).replace(/\s+/g, ' ').trim() : content.slice(3).trim(),
    depth: listItems.length,
    headingIndex,
    parentTaskIndex,
    excluded: excludeTemplates && headingIndex >= 0 && headings[headingIndex].excluded,
  });
  return tasks.length - 1;
}

function countTasks(tasks: readonly TaskItem[], headings: MutableHeading[]): void {
  for (const task of tasks) {
    for (let h = task.headingIndex; h >= 0; h = headings[h].parentIndex) {
      const heading = headings[h];
      heading.allTotal++;
      if (task.checked) heading.allDone++;
      if (!task.excluded) {
        heading.total++;
        if (task.checked) heading.done++;
      }
    }
  }
}

function buildModel(text: string, lines: string[], mutable: MutableHeading[], tasks: TaskItem[], codeLines: Array<[number, number]>): TrackerModel {
  const headings: Heading[] = mutable.map((h) => {
    const title = titleWithoutStatus(h.text);
    const week = WEEK.exec(title.replace(/^[^\p{L}\p{N}]+/u, ''));
    const day = DAY.exec(title);
    return {
      level: h.level,
      text: h.text,
      title,
      line: h.line,
      endLine: h.endLine,
      status: claimedStatus(h.text),
      parentIndex: h.parentIndex,
      progress: { done: h.done, total: h.total },
      allTasks: { done: h.allDone, total: h.allTotal },
      excluded: h.excluded,
      ...(week ? { week: Number(week[1]) } : {}),
      ...(day ? { day: day[1] } : {}),
    };
  });

  const inCode = codeLineTest(codeLines);
  const weeks = findWeeks(headings, lines, inCode);
  const evidence: EvidenceRef[] = [];
  for (let line = 0; line < lines.length; line++) {
    for (const ref of findEvidenceOnLine(lines[line], line)) evidence.push(ref);
  }
  const counted = tasks.filter((t) => !t.excluded);
  return {
    lineCount: lines.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    headings,
    tasks,
    weeks,
    evidence,
    runs: findRunSummaries(lines, inCode),
    allTasks: { done: tasks.filter((t) => t.checked).length, total: tasks.length },
    counted: { done: counted.filter((t) => t.checked).length, total: counted.length },
  };
}

function codeLineTest(ranges: Array<[number, number]>): (line: number) => boolean {
  const inCode = new Set<number>();
  for (const [start, end] of ranges) for (let line = start; line < end; line++) inCode.add(line);
  return (line) => inCode.has(line);
}

function findWeeks(headings: readonly Heading[], lines: readonly string[], inCode: (line: number) => boolean): Week[] {
  const statusLines = new Map<number, { line: number; text: string }[]>();
  for (let line = 0; line < lines.length; line++) {
    const match = lines[line].includes('Status**') ? WEEK_STATUS_LINE.exec(lines[line]) : null;
    if (!match || inCode(line)) continue;
    const number = Number(match[1]);
    statusLines.set(number, [...(statusLines.get(number) ?? []), { line, text: match[2].trim() }]);
  }
  const weeks: Week[] = [];
  headings.forEach((heading, headingIndex) => {
    if (heading.week === undefined) return;
    // The status line may follow the week's scope: "**Week 5 Status**: ..." above `---` is a setext heading.
    const statusLine = statusLines.get(heading.week)?.find((s) => s.line >= heading.line);
    weeks.push({
      number: heading.week,
      title: heading.title,
      line: heading.line,
      endLine: heading.endLine,
      headingIndex,
      status: heading.status,
      ...(statusLine ? { statusLine: { ...statusLine, status: claimedStatus(statusLine.text) } } : {}),
      progress: heading.progress,
    });
  });
  return weeks;
}
