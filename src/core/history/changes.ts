// What changed in the tasks between two versions of a tracker: ticked, unticked, added and removed. Tasks are
// matched by their text (whitespace collapsed), duplicates in order, so a task that moved to another line or
// week is the same task; a task whose text was edited shows as removed and added.
import { parseTracker } from '../tracker/parse';
import type { TrackerModel } from '../tracker/model';

export type TaskChangeKind = 'ticked' | 'unticked' | 'added' | 'removed';

export interface TaskChange {
  readonly kind: TaskChangeKind;
  readonly text: string;
  /** 0-based line in the newer version (the older one for a removed task). */
  readonly line: number;
  /** Week number the task sits in (in the version `line` refers to), or null outside any week. */
  readonly week: number | null;
}

export interface TaskChanges {
  readonly ticked: readonly TaskChange[];
  readonly unticked: readonly TaskChange[];
  readonly added: readonly TaskChange[];
  readonly removed: readonly TaskChange[];
}

interface Flat {
  readonly key: string;
  readonly text: string;
  readonly line: number;
  readonly checked: boolean;
  readonly week: number | null;
}

const keyOf = (text: string): string => text.replace(/\s+/g, ' ').trim();

function flatten(model: TrackerModel): Flat[] {
  const weekOfHeading = new Map<number, number>();
  for (const week of model.weeks) weekOfHeading.set(week.headingIndex, week.number);
  const weekOf = (headingIndex: number): number | null => {
    for (let index = headingIndex; index >= 0; index = model.headings[index].parentIndex) {
      const week = weekOfHeading.get(index);
      if (week !== undefined) return week;
    }
    return null;
  };
  return model.tasks.map((task) => ({ key: keyOf(task.text), text: task.text, line: task.line, checked: task.checked, week: weekOf(task.headingIndex) }));
}

/** `before` null: everything in `after` was added (the range starts with the file's first commit). */
export function diffTasks(before: string | null, after: string): TaskChanges {
  const newer = flatten(parseTracker(after));
  const older = before === null ? [] : flatten(parseTracker(before));
  const pending = new Map<string, Flat[]>();
  for (const task of older) {
    const list = pending.get(task.key);
    if (list) list.push(task);
    else pending.set(task.key, [task]);
  }
  const out: { [K in TaskChangeKind]: TaskChange[] } = { ticked: [], unticked: [], added: [], removed: [] };
  const change = (kind: TaskChangeKind, task: Flat) => out[kind].push({ kind, text: task.text, line: task.line, week: task.week });
  for (const task of newer) {
    const match = pending.get(task.key)?.shift();
    if (!match) change('added', task);
    else if (task.checked && !match.checked) change('ticked', task);
    else if (!task.checked && match.checked) change('unticked', task);
  }
  for (const list of pending.values()) for (const task of list) change('removed', task);
  out.removed.sort((a, b) => a.line - b.line);
  return out;
}
