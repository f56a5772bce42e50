// Sections -> TrackerModel. What needs the whole file (heading scopes and parents, template exclusion, progress
// counts, week status lines) is computed here over typed arrays (the Layout: one entry per section and per
// heading), so a refresh of a 100x tracker walks a few thousand numbers, not a few thousand objects. The model's
// lists are the previous model's, spliced: the sections before the edit are copied in one native slice, the
// re-parsed ones put in, and the ones after copied too, or rebuilt shifted when the edit moved their lines or
// indexes. A heading object is reused when none of its fields changed. Earlier models are never mutated.
import type { ClaimedStatus, Heading, TaskItem, TrackerModel, Week } from './model';
import type { Parsed } from './sections';

/** Per section and per heading, what the next refresh needs to find and join sections without the objects. */
export interface Layout {
  /** Per section: its lines, chars, CRLF, and how many headings, tasks, evidence, runs and status lines it has. */
  readonly sectionLines: Int32Array;
  readonly sectionLength: Int32Array;
  readonly sectionCrlf: Uint8Array;
  readonly sectionHeadings: Int32Array;
  readonly sectionTasks: Int32Array;
  readonly sectionEvidence: Int32Array;
  readonly sectionRuns: Int32Array;
  readonly sectionStatus: Int32Array;
  /** Per heading, as its own line says: level, line, TEMPLATE, week (NaN: none), its own tasks (done, all). */
  readonly level: Uint8Array;
  readonly line: Int32Array;
  readonly template: Uint8Array;
  readonly week: Float64Array;
  readonly ownDone: Int32Array;
  readonly ownTotal: Int32Array;
  /** Per heading, what the whole file made of it (compared on the next refresh to reuse unchanged objects). */
  readonly parent: Int32Array;
  readonly endLine: Int32Array;
  readonly excluded: Uint8Array;
  readonly done: Float64Array;
  readonly total: Float64Array;
  readonly allDone: Float64Array;
  readonly allTotal: Float64Array;
  /** Tasks above the file's first heading (in the first section only). */
  readonly topDone: number;
  readonly topTotal: number;
  /** `**Week N Status**:` lines in file order: week, line, and what they say. */
  readonly statusWeek: Float64Array;
  readonly statusLine: Int32Array;
  readonly statusInfo: readonly StatusInfo[];
}

interface StatusInfo {
  readonly text: string;
  readonly status: ClaimedStatus;
}

export interface Assembled {
  readonly model: TrackerModel;
  readonly layout: Layout;
}

/** The previous result, whose sections [first, kept) the `middle` sections replace. */
export interface Splice {
  readonly model: TrackerModel;
  readonly layout: Layout;
  readonly first: number;
  readonly kept: number;
}

const NONE = Float64Array.of();
const EMPTY: Splice = {
  model: { lineCount: 0, eol: '\n', headings: [], tasks: [], weeks: [], evidence: [], runs: [], allTasks: { done: 0, total: 0 }, counted: { done: 0, total: 0 } },
  layout: {
    sectionLines: new Int32Array(0), sectionLength: new Int32Array(0), sectionCrlf: new Uint8Array(0), sectionHeadings: new Int32Array(0), sectionTasks: new Int32Array(0),
    sectionEvidence: new Int32Array(0), sectionRuns: new Int32Array(0), sectionStatus: new Int32Array(0), level: new Uint8Array(0), line: new Int32Array(0),
    template: new Uint8Array(0), week: NONE, ownDone: new Int32Array(0), ownTotal: new Int32Array(0), parent: new Int32Array(0), endLine: new Int32Array(0),
    excluded: new Uint8Array(0), done: NONE, total: NONE, allDone: NONE, allTotal: NONE, topDone: 0, topTotal: 0, statusWeek: NONE, statusLine: new Int32Array(0), statusInfo: [],
  },
  first: 0,
  kept: 0,
};

/** Sum of `counts` over [from, to). */
function sum(counts: Int32Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += counts[i];
  return total;
}

type Numbers = Int32Array | Uint8Array | Float64Array;

/** `old` with [from, to) replaced by `middle` and `shift` added to what follows (a new array). */
function splice<A extends Numbers>(old: A, from: number, to: number, middle: readonly number[], shift = 0): A {
  const out = new (old.constructor as new (length: number) => A)(from + middle.length + old.length - to);
  out.set(old.subarray(0, from));
  out.set(middle, from);
  if (shift === 0) out.set(old.subarray(to), from + middle.length);
  else for (let i = to, at = from + middle.length; i < old.length; i++, at++) out[at] = old[i] + shift;
  return out;
}

/** `old` with [from, to) replaced by `middle`; what follows copied, or passed through `move` when it moved. */
function spliceItems<T>(old: readonly T[], from: number, to: number, middle: T[], move: ((item: T) => T) | undefined): T[] {
  // A full parse: the middle list is this call's own, and the whole of it.
  if (from === 0 && to === old.length) return middle;
  if (!move && middle.length === to - from) {
    // A tick: as many items as before, so one copy with the middle written over it (not slice, slice, concat).
    const out = old.slice();
    for (let i = 0; i < middle.length; i++) out[from + i] = middle[i];
    return out;
  }
  const head = old.slice(0, from);
  if (!move) return head.concat(middle, old.slice(to));
  const tail = new Array<T>(old.length - to);
  for (let i = to; i < old.length; i++) tail[i - to] = move(old[i]);
  return head.concat(middle, tail);
}

export function assemble(middle: Parsed, excludeTemplates: boolean, previous: Splice = EMPTY): Assembled {
  const { layout: old, model: oldModel, first, kept } = previous;
  // Where the replaced sections start and end in each per-heading and per-item list.
  const hFrom = sum(old.sectionHeadings, 0, first);
  const hTo = hFrom + sum(old.sectionHeadings, first, kept);
  const tFrom = sum(old.sectionTasks, 0, first);
  const tTo = tFrom + sum(old.sectionTasks, first, kept);
  const eFrom = sum(old.sectionEvidence, 0, first);
  const eTo = eFrom + sum(old.sectionEvidence, first, kept);
  const rFrom = sum(old.sectionRuns, 0, first);
  const rTo = rFrom + sum(old.sectionRuns, first, kept);
  const sFrom = sum(old.sectionStatus, 0, first);
  const sTo = sFrom + sum(old.sectionStatus, first, kept);

  const { headings: midHeadings, tasks: midTasks, evidence: midEvidence, runs: midRuns, sectionLines: lines } = middle;
  const levels = midHeadings.map((heading) => heading.level);
  const headingLines = midHeadings.map((heading) => heading.line);
  const templates = midHeadings.map((heading) => (heading.template ? 1 : 0));
  const weeks = midHeadings.map((heading) => heading.week ?? NaN);
  // Each heading's own tasks (not its sub-headings'), checked and all, so progress is summed per heading; a task
  // with no heading above is in the first section, which is in the middle when it was parsed again.
  const ownDone = new Array<number>(levels.length).fill(0);
  const ownTotal = new Array<number>(levels.length).fill(0);
  let topDone = first === 0 ? 0 : old.topDone;
  let topTotal = first === 0 ? 0 : old.topTotal;
  for (const task of midTasks) {
    const local = task.headingIndex - hFrom;
    if (task.headingIndex < 0) {
      topTotal++;
      if (task.checked) topDone++;
    } else {
      ownTotal[local]++;
      if (task.checked) ownDone[local]++;
    }
  }
  const statusWeeks = middle.statusLines.map((status) => status.week);
  const statusLines = middle.statusLines.map((status) => status.line);
  const statusInfo = middle.statusLines.map((status): StatusInfo => ({ text: status.text, status: status.status }));
  let dl = -sum(old.sectionLines, first, kept);
  for (const count of lines) dl += count;
  const dh = levels.length - (hTo - hFrom);
  const dt = midTasks.length - (tTo - tFrom);

  const sectionLines = splice(old.sectionLines, first, kept, lines);
  const sectionCrlf = splice(old.sectionCrlf, first, kept, middle.sectionCrlf);
  const level = splice(old.level, hFrom, hTo, levels);
  const line = splice(old.line, hFrom, hTo, headingLines, dl);
  const template = splice(old.template, hFrom, hTo, templates);
  const own = { done: splice(old.ownDone, hFrom, hTo, ownDone), total: splice(old.ownTotal, hFrom, hTo, ownTotal) };
  let lineCount = 0;
  for (let s = 0; s < sectionLines.length; s++) lineCount += sectionLines[s];
  let crlf = false;
  for (let s = 0; s < sectionCrlf.length && !crlf; s++) crlf = sectionCrlf[s] === 1;

  // Headings first: their scopes, parents and exclusion decide the tasks'.
  const count = level.length;
  const parent = new Int32Array(count);
  const endLine = new Int32Array(count).fill(lineCount);
  const excluded = new Uint8Array(count);
  const stack: number[] = [];
  for (let h = 0; h < count; h++) {
    while (stack.length && level[stack[stack.length - 1]] >= level[h]) endLine[stack.pop()!] = line[h];
    const parentIndex = stack.length ? stack[stack.length - 1] : -1;
    stack.push(h);
    parent[h] = parentIndex;
    excluded[h] = (parentIndex >= 0 && excluded[parentIndex]) || template[h] ? 1 : 0;
  }
  // Progress per heading: its own tasks plus its sub-headings', summed bottom-up (sub-headings come after).
  const allDone = Float64Array.from(own.done);
  const allTotal = Float64Array.from(own.total);
  const done = new Float64Array(count);
  const total = new Float64Array(count);
  for (let h = 0; h < count; h++) {
    if (excludeTemplates && excluded[h]) continue;
    done[h] = own.done[h];
    total[h] = own.total[h];
  }
  let doneAll = topDone;
  let countedDone = topDone;
  let counted = topTotal;
  for (let h = count - 1; h >= 0; h--) {
    const p = parent[h];
    if (p >= 0) {
      allDone[p] += allDone[h];
      allTotal[p] += allTotal[h];
      done[p] += done[h];
      total[p] += total[h];
    } else {
      doneAll += allDone[h];
      countedDone += done[h];
      counted += total[h];
    }
  }

  // A heading before or after the replaced ones keeps its object when nothing about it changed.
  const midEnd = hFrom + levels.length;
  const headings = new Array<Heading>(count);
  let tailExclusionMoved = false;
  for (let h = 0; h < count; h++) {
    const was = h < hFrom ? h : h >= midEnd ? h - dh : -1;
    if (was >= 0 && h >= midEnd && excluded[h] !== old.excluded[was]) tailExclusionMoved = true;
    if (was >= 0 && line[h] === old.line[was] && endLine[h] === old.endLine[was] && parent[h] === old.parent[was] && excluded[h] === old.excluded[was] && done[h] === old.done[was] && total[h] === old.total[was] && allDone[h] === old.allDone[was] && allTotal[h] === old.allTotal[was]) {
      headings[h] = oldModel.headings[was];
      continue;
    }
    const source = was >= 0 ? oldModel.headings[was] : midHeadings[h - hFrom];
    const heading: { -readonly [K in keyof Heading]: Heading[K] } = {
      level: source.level,
      text: source.text,
      title: source.title,
      line: line[h],
      endLine: endLine[h],
      status: source.status,
      parentIndex: parent[h],
      progress: { done: done[h], total: total[h] },
      allTasks: { done: allDone[h], total: allTotal[h] },
      excluded: excluded[h] === 1,
    };
    if (source.week !== undefined) heading.week = source.week;
    if (source.day !== undefined) heading.day = source.day;
    headings[h] = heading;
  }

  const isExcluded = (headingIndex: number) => excludeTemplates && headingIndex >= 0 && excluded[headingIndex] === 1;
  // The re-parsed tasks are fresh objects of this call, in no model yet: their exclusion is set in place.
  for (const task of midTasks) (task as { excluded: boolean }).excluded = isExcluded(task.headingIndex);
  const moveTask = (task: TaskItem): TaskItem => {
    // -1: a task above the file's first heading (only in the first section, which is never after an edit).
    const headingIndex = task.headingIndex < 0 ? -1 : task.headingIndex + dh;
    return { line: task.line + dl, markColumn: task.markColumn, mark: task.mark, checked: task.checked, text: task.text, depth: task.depth, headingIndex, parentTaskIndex: task.parentTaskIndex < 0 ? -1 : task.parentTaskIndex + dt, excluded: isExcluded(headingIndex) };
  };
  // A TEMPLATE heading edited above can change the exclusion of tasks that did not move.
  const tasks = spliceItems(oldModel.tasks, tFrom, tTo, midTasks, dl !== 0 || dh !== 0 || dt !== 0 || (excludeTemplates && tailExclusionMoved) ? moveTask : undefined);
  const evidence = spliceItems(oldModel.evidence, eFrom, eTo, midEvidence, dl === 0 ? undefined : (ref) => ({ ref: ref.ref, line: ref.line + dl, startColumn: ref.startColumn, endColumn: ref.endColumn }));
  const runs = spliceItems(oldModel.runs, rFrom, rTo, midRuns, dl === 0 ? undefined : (run) => ({ ...run, line: run.line + dl }));

  const status = { week: splice(old.statusWeek, sFrom, sTo, statusWeeks), line: splice(old.statusLine, sFrom, sTo, statusLines, dl), info: spliceItems(old.statusInfo, sFrom, sTo, statusInfo, undefined) };
  const week = splice(old.week, hFrom, hTo, weeks);
  const model: TrackerModel = {
    lineCount,
    eol: crlf ? '\r\n' : '\n',
    headings,
    tasks,
    weeks: weeksOf(headings, week, status),
    evidence,
    runs,
    allTasks: { done: doneAll, total: tasks.length },
    counted: { done: countedDone, total: counted },
  };
  const layout: Layout = {
    sectionLines,
    sectionLength: splice(old.sectionLength, first, kept, middle.sectionLength),
    sectionCrlf,
    sectionHeadings: splice(old.sectionHeadings, first, kept, middle.sectionHeadings),
    sectionTasks: splice(old.sectionTasks, first, kept, middle.sectionTasks),
    sectionEvidence: splice(old.sectionEvidence, first, kept, middle.sectionEvidence),
    sectionRuns: splice(old.sectionRuns, first, kept, middle.sectionRuns),
    sectionStatus: splice(old.sectionStatus, first, kept, middle.sectionStatus),
    level,
    line,
    template,
    week,
    ownDone: own.done,
    ownTotal: own.total,
    parent,
    endLine,
    excluded,
    done,
    total,
    allDone,
    allTotal,
    topDone,
    topTotal,
    statusWeek: status.week,
    statusLine: status.line,
    statusInfo: status.info,
  };
  return { model, layout };
}

function weeksOf(headings: readonly Heading[], week: Float64Array, status: { week: Float64Array; line: Int32Array; info: readonly StatusInfo[] }): Week[] {
  // Status lines by week, in file order, each with a cursor: week headings come in line order too, so the first
  // status line at or after a heading only moves forward (one pass, not a search per week heading).
  const byWeek = new Map<number, { lines: number[]; next: number }>();
  for (let s = 0; s < status.week.length; s++) {
    const entry = byWeek.get(status.week[s]);
    if (entry) entry.lines.push(s);
    else byWeek.set(status.week[s], { lines: [s], next: 0 });
  }
  const weeks: Week[] = [];
  for (let h = 0; h < week.length; h++) {
    if (Number.isNaN(week[h])) continue;
    const heading = headings[h];
    // The status line may follow the week's scope: "**Week 5 Status**: ..." above `---` is a setext heading.
    const entry = byWeek.get(week[h]);
    while (entry && entry.next < entry.lines.length && status.line[entry.lines[entry.next]] < heading.line) entry.next++;
    const found = entry && entry.next < entry.lines.length ? entry.lines[entry.next] : -1;
    // Two literals, not a spread of an optional part: the keys keep the order a JSON export shows, at no copy.
    if (found < 0) weeks.push({ number: week[h], title: heading.title, line: heading.line, endLine: heading.endLine, headingIndex: h, status: heading.status, progress: heading.progress });
    else {
      const statusLine = { line: status.line[found], text: status.info[found].text, status: status.info[found].status };
      weeks.push({ number: week[h], title: heading.title, line: heading.line, endLine: heading.endLine, headingIndex: h, status: heading.status, statusLine, progress: heading.progress });
    }
  }
  return weeks;
}
