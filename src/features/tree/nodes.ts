// Turns one tracker's model into the tree's nodes: file -> sections and weeks -> days and sub-headings -> tasks.
// Built eagerly (a tracker has hundreds of nodes, not millions) so getParent and reveal are plain lookups.
import type { Finding, RuleId } from '../../core/checks/types';
import type { Heading, TaskItem, TrackerModel, Week } from '../../core/tracker/model';
import type { TrackerEntry } from '../../services/trackerEntry';

interface NodeBase {
  readonly id: string;
  readonly entry: TrackerEntry;
  readonly parent: TrackerNode | undefined;
  readonly children: TrackerNode[];
}

export interface FileNode extends NodeBase {
  readonly kind: 'file';
}

export interface HeadingNode extends NodeBase {
  readonly kind: 'heading';
  readonly heading: Heading;
  readonly headingIndex: number;
  /** Set when the heading is a milestone week. */
  readonly week: Week | undefined;
  readonly isCurrentWeek: boolean;
  /** Open at first sight: the current week's headings that still have open tasks (any such heading when the file has no weeks). */
  readonly startExpanded: boolean;
}

export interface TaskNode extends NodeBase {
  readonly kind: 'task';
  readonly task: TaskItem;
  readonly taskIndex: number;
  /** A criterion on this task's line that fails against its measured value. */
  readonly failedCriterion: Finding | undefined;
}

/** The tracker's check findings: a summary node, then one node per rule, then the findings. */
export interface FindingsNode extends NodeBase {
  readonly kind: 'findings';
  readonly findings: readonly Finding[];
}

export interface RuleNode extends NodeBase {
  readonly kind: 'rule';
  readonly rule: RuleId;
  readonly findings: readonly Finding[];
}

export interface FindingNode extends NodeBase {
  readonly kind: 'finding';
  readonly finding: Finding;
}

export type TrackerNode = FileNode | HeadingNode | TaskNode | FindingsNode | RuleNode | FindingNode;

export interface TreeFilter {
  readonly hideCompleted: boolean;
  /** Only the open tasks of the current week. */
  readonly currentWeekOnly: boolean;
}

export interface BuiltTracker {
  readonly root: FileNode;
  readonly currentWeek: Week | undefined;
  /** Visible nodes by task index and heading index, for reveal. */
  readonly taskNodes: ReadonlyMap<number, TaskNode>;
  readonly headingNodes: ReadonlyMap<number, HeadingNode>;
}

/** The current week: the first week, in file order, with open counted tasks. */
export function currentWeekOf(model: TrackerModel): Week | undefined {
  return model.weeks.find((week) => week.progress.done < week.progress.total);
}

type Item = { readonly kind: 'heading'; readonly index: number } | { readonly kind: 'task'; readonly index: number };

/** Precomputed outline facts, indexed like model.headings / model.tasks. */
class Outline {
  /** Children of heading i (key -1: the file) in line order: sub-headings and top-level tasks. */
  readonly headingItems = new Map<number, Item[]>();
  readonly subTasks = new Map<number, number[]>();
  readonly containsWeek: boolean[];
  readonly directTasks: number[];
  readonly weekByHeading = new Map<number, Week>();

  constructor(readonly model: TrackerModel) {
    const lineOf = (item: Item) => (item.kind === 'heading' ? model.headings[item.index].line : model.tasks[item.index].line);
    model.headings.forEach((heading, index) => push(this.headingItems, heading.parentIndex, { kind: 'heading', index }));
    this.directTasks = model.headings.map(() => 0);
    model.tasks.forEach((task, index) => {
      if (task.parentTaskIndex >= 0) {
        push(this.subTasks, task.parentTaskIndex, index);
        return;
      }
      push(this.headingItems, task.headingIndex, { kind: 'task', index });
      if (task.headingIndex >= 0) this.directTasks[task.headingIndex] += 1;
    });
    for (const items of this.headingItems.values()) items.sort((a, b) => lineOf(a) - lineOf(b));
    for (const week of model.weeks) this.weekByHeading.set(week.headingIndex, week);

    // Parents come before their children in the heading list, so one backwards pass rolls "has a week" up.
    this.containsWeek = model.headings.map(() => false);
    for (let index = model.headings.length - 1; index >= 0; index--) {
      const parent = model.headings[index].parentIndex;
      if (parent >= 0 && (this.containsWeek[index] || this.weekByHeading.has(index))) this.containsWeek[parent] = true;
    }
  }

  /**
   * Items as shown: a heading that only groups weeks (like "WEEKLY MILESTONES") is see-through, so the weeks sit
   * at the top; a heading with no tasks at all in its scope (overview prose, tables) is left out.
   */
  visibleItems(parent: number): Item[] {
    const result: Item[] = [];
    for (const item of this.headingItems.get(parent) ?? []) {
      if (item.kind === 'task') {
        result.push(item);
        continue;
      }
      const heading = this.model.headings[item.index];
      const isWeek = this.weekByHeading.has(item.index);
      if (!isWeek && this.containsWeek[item.index] && this.directTasks[item.index] === 0) {
        result.push(...this.visibleItems(item.index));
      } else if (isWeek || heading.allTasks.total > 0) {
        result.push(item);
      }
    }
    return result;
  }

  /** The file's top level; a single heading around everything (a document title) is unwrapped. */
  rootItems(): Item[] {
    let items = this.visibleItems(-1);
    for (;;) {
      const [only] = items;
      if (items.length !== 1 || only.kind !== 'heading' || this.weekByHeading.has(only.index)) break;
      items = this.visibleItems(only.index);
    }
    return items;
  }
}

export function buildTracker(entry: TrackerEntry, filter: TreeFilter, findings: readonly Finding[] = []): BuiltTracker {
  const model = entry.model;
  const outline = new Outline(model);
  const currentWeek = currentWeekOf(model);
  const base = entry.uri.toString();
  const taskNodes = new Map<number, TaskNode>();
  const headingNodes = new Map<number, HeadingNode>();
  const hideCompleted = filter.hideCompleted || filter.currentWeekOnly;
  const headingIds = occurrenceIds(model.headings.map((heading) => `h${heading.level}:${heading.text}`));
  const taskIds = occurrenceIds(model.tasks.map((task) => `t:${task.text}`));
  const failedCriteria = new Map(findings.filter((f) => f.rule === 'criteria').map((f) => [f.line, f]));

  const makeTask = (index: number, parent: TrackerNode): TaskNode | undefined => {
    const task = model.tasks[index];
    const node: TaskNode = {
      kind: 'task',
      id: `${base}#${taskIds[index]}`,
      entry,
      parent,
      children: [],
      task,
      taskIndex: index,
      failedCriterion: failedCriteria.get(task.line),
    };
    for (const child of outline.subTasks.get(index) ?? []) {
      const childNode = makeTask(child, node);
      if (childNode) node.children.push(childNode);
    }
    // A done task stays visible while it still has open subtasks under it.
    if (hideCompleted && task.checked && node.children.length === 0) return undefined;
    taskNodes.set(index, node);
    return node;
  };

  // Without milestone weeks there is no current week: then every heading with open tasks starts open.
  const inFocus = (heading: Heading) =>
    currentWeek ? heading.line >= currentWeek.line && heading.line < currentWeek.endLine : model.weeks.length === 0;

  const makeHeading = (index: number, parent: TrackerNode): HeadingNode | undefined => {
    const week = outline.weekByHeading.get(index);
    const heading = model.headings[index];
    const node: HeadingNode = {
      kind: 'heading',
      id: `${base}#${headingIds[index]}`,
      entry,
      parent,
      children: [],
      heading,
      headingIndex: index,
      week,
      isCurrentWeek: week !== undefined && week === currentWeek,
      startExpanded: inFocus(heading) && heading.progress.done < heading.progress.total,
    };
    node.children.push(...makeItems(outline.visibleItems(index), node));
    if (hideCompleted && node.children.length === 0) return undefined;
    headingNodes.set(index, node);
    return node;
  };

  const makeItems = (items: readonly Item[], parent: TrackerNode): TrackerNode[] =>
    items.flatMap((item) => (item.kind === 'task' ? makeTask(item.index, parent) : makeHeading(item.index, parent)) ?? []);

  const root: FileNode = { kind: 'file', id: `file:${base}`, entry, parent: undefined, children: [] };
  if (findings.length > 0) root.children.push(findingsNode(root, findings));
  if (filter.currentWeekOnly) {
    const week = currentWeek && makeHeading(currentWeek.headingIndex, root);
    if (week) root.children.push(week);
  } else {
    root.children.push(...makeItems(outline.rootItems(), root));
  }
  return { root, currentWeek, taskNodes, headingNodes };
}

function findingsNode(root: FileNode, findings: readonly Finding[]): FindingsNode {
  const base = root.entry.uri.toString();
  const node: FindingsNode = { kind: 'findings', id: `${base}#findings`, entry: root.entry, parent: root, children: [], findings };
  const byRule = new Map<RuleId, Finding[]>();
  for (const finding of findings) push(byRule, finding.rule, finding);
  for (const [rule, ruleFindings] of byRule) {
    const ruleNode: RuleNode = { kind: 'rule', id: `${base}#findings/${rule}`, entry: root.entry, parent: node, children: [], rule, findings: ruleFindings };
    // Ids name the message, not the line, so expansion survives edits above a finding.
    const ids = occurrenceIds(ruleFindings.map((f) => f.message));
    ruleFindings.forEach((finding, i) => ruleNode.children.push({ kind: 'finding', id: `${ruleNode.id}/${ids[i]}`, entry: root.entry, parent: ruleNode, children: [], finding }));
    node.children.push(ruleNode);
  }
  return node;
}

/** The innermost heading whose scope holds the line, or -1. */
export function headingAtLine(model: TrackerModel, line: number): number {
  let found = -1;
  model.headings.forEach((heading, index) => {
    if (heading.line <= line && line < heading.endLine) found = index;
  });
  return found;
}

// Ids stay stable across edits elsewhere in the file (they name the text, not the line), so the tree keeps
// its expansion state while the user types; repeated texts get an occurrence number.
function occurrenceIds(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    return count === 0 ? key : `${key}~${count}`;
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
