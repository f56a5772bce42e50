// The Progress panel's part of the webview protocol (types only): the burn-up points, the week claims, and the
// task changes of the picked range. See protocol.ts for the union these join.
import type { HistoryRange } from '../core/history/range';
import type { TaskChangeKind } from '../core/history/changes';

export type { HistoryRange, TaskChangeKind };

export interface ProgressPoint {
  commit: string;
  /** ISO date of the commit. */
  date: string;
  subject: string;
  done: number;
  total: number;
  weeks: Array<{ number: number; done: number; total: number }>;
}

export interface ProgressClaim {
  week: number;
  commit: string;
  date: string;
  done: number;
  total: number;
}

export interface ProgressTask {
  kind: TaskChangeKind;
  text: string;
  /** 0-based line in the version compared against (the current file for all but removed tasks). */
  line: number;
  week: number | null;
}

export interface ProgressViewData {
  kind: 'progress';
  /** Workspace-relative path of the tracker. */
  file: string;
  points: ProgressPoint[];
  /** Week numbers and titles of the newest point, for the week picker. */
  weeks: Array<{ number: number; title: string }>;
  claims: ProgressClaim[];
  range: HistoryRange;
  /** What the range compares, in words ("Since 2026-01-12: 3f2a1b0c → 9e8d7c6b"). */
  rangeLabel: string;
  /** Null when the range could not be resolved (rangeError says why). */
  changes: ProgressTask[] | null;
  rangeError: string | null;
  shallow: boolean;
  /** One line per skipped commit: "2026-01-14 837d6543: the file is not valid UTF-8 at this commit". */
  skipped: string[];
  errors: string[];
}

export type ProgressMessage = { type: 'pickRange'; range: HistoryRange } | { type: 'openTask'; line: number; text: string; kind: TaskChangeKind };
