// Sections -> TrackerModel: what needs the whole file (heading scopes and parents, template exclusion, progress
// counts, week status lines) is computed here, in time proportional to the headings and tasks, not the text. A
// section whose lines and indexes have not moved since it was parsed gives its task, evidence and run objects as
// they are; a moved one is rebased (new objects, shifted), so earlier models are never mutated.
import type { Heading, TrackerModel, Week } from './model';
import type { Section, StatusLine } from './sections';

export interface Assembled {
  readonly model: TrackerModel;
  /** The sections, rebased where they moved (their objects then match the model's). */
  readonly sections: readonly Section[];
}

export function assemble(input: readonly Section[], excludeTemplates: boolean, previous?: Assembled): Assembled {
  // Headings first: their scopes, parents and exclusion decide the tasks'.
  const levels: number[] = [];
  const parents: number[] = [];
  const excluded: boolean[] = [];
  const endLines: number[] = [];
  const stack: number[] = [];
  let lineCount = 0;
  let crlf = false;
  for (const section of input) {
    const shift = lineCount - section.baseLine;
    for (const heading of section.headings) {
      const line = heading.line + shift;
      while (stack.length && levels[stack[stack.length - 1]] >= heading.level) endLines[stack.pop()!] = line;
      const parentIndex = stack.length ? stack[stack.length - 1] : -1;
      stack.push(levels.length);
      parents.push(parentIndex);
      excluded.push((parentIndex >= 0 && excluded[parentIndex]) || heading.template);
      levels.push(heading.level);
      endLines.push(-1);
    }
    lineCount += section.lineCount;
    crlf ||= section.crlf;
  }
  for (let h = 0; h < endLines.length; h++) if (endLines[h] < 0) endLines[h] = lineCount;

  // Progress per heading: its own tasks plus its sub-headings', summed bottom-up (sub-headings come after).
  const count = levels.length;
  const allDone = new Float64Array(count);
  const allTotal = new Float64Array(count);
  const done = new Float64Array(count);
  const total = new Float64Array(count);
  const sections: Section[] = new Array(input.length);
  const statusLines = new Map<number, StatusLine[]>();
  let line = 0;
  let headingBase = 0;
  let taskBase = 0;
  let topDone = 0;
  let topTotal = 0;
  for (let s = 0; s < input.length; s++) {
    const rebased = rebase(input[s], line, headingBase, taskBase, excluded, excludeTemplates);
    sections[s] = rebased;
    const own = rebased.headings.length;
    for (let i = 0; i < own; i++) {
      const h = headingBase + i;
      allDone[h] = rebased.ownDone[i];
      allTotal[h] = rebased.ownTotal[i];
      if (!(excludeTemplates && excluded[h])) {
        done[h] = rebased.ownDone[i];
        total[h] = rebased.ownTotal[i];
      }
    }
    topDone += rebased.ownDone[own];
    topTotal += rebased.ownTotal[own];
    for (const status of rebased.statusLines) {
      const list = statusLines.get(status.week);
      if (list) list.push(status);
      else statusLines.set(status.week, [status]);
    }
    line += rebased.lineCount;
    headingBase += own;
    taskBase += rebased.tasks.length;
  }
  let doneAll = topDone;
  let countedDone = topDone;
  let counted = topTotal;
  for (let h = count - 1; h >= 0; h--) {
    if (parents[h] >= 0) {
      allDone[parents[h]] += allDone[h];
      allTotal[parents[h]] += allTotal[h];
      done[parents[h]] += done[h];
      total[parents[h]] += total[h];
    } else {
      doneAll += allDone[h];
      countedDone += done[h];
      counted += total[h];
    }
  }

  const headings: Heading[] = [];
  for (const section of sections) {
    for (const source of section.headings) {
      const h = headings.length;
      const heading: { -readonly [K in keyof Heading]: Heading[K] } = {
        level: source.level,
        text: source.text,
        title: source.title,
        line: source.line,
        endLine: endLines[h],
        status: source.status,
        parentIndex: parents[h],
        progress: { done: done[h], total: total[h] },
        allTasks: { done: allDone[h], total: allTotal[h] },
        excluded: excluded[h],
      };
      if (source.week !== undefined) heading.week = source.week;
      if (source.day !== undefined) heading.day = source.day;
      headings.push(heading);
    }
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
      ...(statusLine ? { statusLine: { line: statusLine.line, text: statusLine.text, status: statusLine.status } } : {}),
      progress: heading.progress,
    });
  });

  const join = joiner(sections, previous);
  const tasks = join((section) => section.tasks, previous?.model.tasks);
  const model: TrackerModel = {
    lineCount,
    eol: crlf ? '\r\n' : '\n',
    headings,
    tasks,
    weeks,
    evidence: join((section) => section.evidence, previous?.model.evidence),
    runs: join((section) => section.runs, previous?.model.runs),
    allTasks: { done: doneAll, total: tasks.length },
    counted: { done: countedDone, total: counted },
  };
  return { model, sections };
}

/**
 * Joins one list of every section into the model's list. Sections the previous result had, as the same objects,
 * at its start or its end hold the same items at the same places there: those runs are copied from the previous
 * model's list in one native slice, and only the sections between are joined item by item.
 */
function joiner(sections: readonly Section[], previous: Assembled | undefined) {
  let head = 0;
  let tail = 0;
  if (previous) {
    const old = previous.sections;
    while (head < sections.length && head < old.length && sections[head] === old[head]) head++;
    while (tail < sections.length - head && tail < old.length - head && sections[sections.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
  }
  return <T>(items: (section: Section) => readonly T[], before: readonly T[] | undefined): T[] => {
    if (!before || head + tail === 0) return flatten(sections.map(items));
    let headItems = 0;
    for (let s = 0; s < head; s++) headItems += items(sections[s]).length;
    let tailItems = 0;
    for (let s = sections.length - tail; s < sections.length; s++) tailItems += items(sections[s]).length;
    const middle = flatten(sections.slice(head, sections.length - tail).map(items));
    return before.slice(0, headItems).concat(middle, before.slice(before.length - tailItems));
  };
}

/** One array of many, allocated once at its final size (measured: twice as fast as pushing, 10x flat()). */
function flatten<T>(parts: ReadonlyArray<readonly T[]>): T[] {
  let size = 0;
  for (const part of parts) size += part.length;
  const out = new Array<T>(size);
  let at = 0;
  for (const part of parts) for (let i = 0; i < part.length; i++) out[at++] = part[i];
  return out;
}

/** The section with its objects at `line`, `headingBase` and `taskBase`, and exclusion as the headings say. */
function rebase(section: Section, line: number, headingBase: number, taskBase: number, excluded: readonly boolean[], excludeTemplates: boolean): Section {
  const dl = line - section.baseLine;
  const dh = headingBase - section.baseHeading;
  const dt = taskBase - section.baseTask;
  const isExcluded = (headingIndex: number) => excludeTemplates && headingIndex >= 0 && excluded[headingIndex];
  // A TEMPLATE heading edited above can change the exclusion of tasks in an unmoved section.
  let same = dl === 0 && dh === 0 && dt === 0;
  for (let i = 0; same && i < section.headings.length; i++) same = section.excludedUnder[i] === isExcluded(headingBase + i);
  if (same) return section;
  const tasks = section.tasks.map((task) => {
    // -1: a task above the file's first heading (only in the first section, whose heading base is 0).
    const headingIndex = task.headingIndex < 0 ? -1 : task.headingIndex + dh;
    return { ...task, line: task.line + dl, headingIndex, parentTaskIndex: task.parentTaskIndex < 0 ? -1 : task.parentTaskIndex + dt, excluded: isExcluded(headingIndex) };
  });
  return {
    ...section,
    excludedUnder: section.headings.map((_, i) => isExcluded(headingBase + i)),
    baseLine: line,
    baseHeading: headingBase,
    baseTask: taskBase,
    headings: dl === 0 ? section.headings : section.headings.map((h) => ({ ...h, line: h.line + dl })),
    tasks,
    evidence: dl === 0 ? section.evidence : section.evidence.map((ref) => ({ ...ref, line: ref.line + dl })),
    runs: dl === 0 ? section.runs : section.runs.map((run) => ({ ...run, line: run.line + dl })),
    statusLines: dl === 0 ? section.statusLines : section.statusLines.map((s) => ({ ...s, line: s.line + dl })),
  };
}
