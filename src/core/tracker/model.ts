// The tracker model: what a markdown tracker says, with exact source positions (0-based lines and columns).

export type ClaimedStatus = 'complete' | 'in-progress' | 'pending' | 'blocked' | 'unknown';

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface TaskItem {
  /** 0-based line of the task's `[ ]` mark. */
  readonly line: number;
  /** 0-based column of the mark character (the space, `x` or `X` between the brackets). */
  readonly markColumn: number;
  readonly mark: ' ' | 'x' | 'X';
  readonly checked: boolean;
  /** Task text after the checkbox, trimmed. */
  readonly text: string;
  /** Nesting depth among task/list items, 0 for a top-level item. */
  readonly depth: number;
  /** Index into `TrackerModel.headings` of the closest heading above, or -1. */
  readonly headingIndex: number;
  /** Index into `TrackerModel.tasks` of the enclosing task, or -1. */
  readonly parentTaskIndex: number;
  /** True when the task sits in an excluded (template) section and does not count toward progress. */
  readonly excluded: boolean;
}

export interface Heading {
  readonly level: number;
  /** Heading text as written (inline markdown kept, trimmed). */
  readonly text: string;
  /** Text with status markers and status keywords in parentheses removed. */
  readonly title: string;
  /** 0-based first line and exclusive end line of the heading's scope (until the next heading of the same or a higher level). */
  readonly line: number;
  readonly endLine: number;
  readonly status: ClaimedStatus;
  /** Index of the enclosing heading, or -1. */
  readonly parentIndex: number;
  /** Counted tasks in the heading's scope (sub-headings included, excluded tasks not). */
  readonly progress: Progress;
  /** Every task in scope, excluded ones too. */
  readonly allTasks: Progress;
  /** Set when the heading is a milestone week. */
  readonly week?: number;
  /** True for a TEMPLATE section (and its sub-headings). */
  readonly excluded: boolean;
  /** Set for a day heading (`Day 3-5`, `Day 18 (2026-01-14)`). */
  readonly day?: string;
}

export interface Week {
  readonly number: number;
  readonly title: string;
  readonly line: number;
  readonly endLine: number;
  readonly headingIndex: number;
  readonly status: ClaimedStatus;
  /** A `**Week N Status**:` line inside the week's scope, if any. */
  readonly statusLine?: { readonly line: number; readonly status: ClaimedStatus; readonly text: string };
  readonly progress: Progress;
}

export interface EvidenceRef {
  /** The reference as written: a file name or a relative path. */
  readonly ref: string;
  readonly line: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

/** The whole-run numbers a summary states; null where the text does not say. */
export interface RunNumbers {
  readonly requests: number | null;
  readonly failures: number | null;
  readonly failureRate: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly rps: number | null;
}

export interface RunSummary extends RunNumbers {
  /** Run id such as `v39` or `v26b`, or null when the block names no run. */
  readonly label: string | null;
  /** The label text of the block or line the numbers come from. */
  readonly source: string;
  readonly line: number;
}

export interface TrackerModel {
  readonly lineCount: number;
  readonly eol: '\n' | '\r\n';
  readonly headings: readonly Heading[];
  readonly tasks: readonly TaskItem[];
  readonly weeks: readonly Week[];
  readonly evidence: readonly EvidenceRef[];
  readonly runs: readonly RunSummary[];
  /** Every task item in the file. */
  readonly allTasks: Progress;
  /** Tasks counted toward progress (template sections excluded). */
  readonly counted: Progress;
}

export interface ParseOptions {
  /** Exclude sections whose heading says TEMPLATE from progress. Default true. */
  readonly excludeTemplates?: boolean;
}
