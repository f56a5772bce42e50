// What a locustfile offers to run, as the static reader saw it: User classes and their tasks (nested TaskSets
// included), plus problems worded here from the reader's codes. The reader's JSON is checked field by field:
// it comes from another process, so nothing in it is trusted to have the expected shape.
import * as l10n from '@vscode/l10n';

export interface ScenarioTask {
  readonly name: string;
  readonly line: number;
  /** null: the weight is an expression the reader does not evaluate. */
  readonly weight: number | null;
  readonly tags: readonly string[];
  /** A `@tag(...)` argument that is not a string literal: the tags are not known without running the file. */
  readonly tagsDynamic: boolean;
  readonly kind: 'task' | 'taskset';
  /** A TaskSet's own tasks. */
  readonly tasks: readonly ScenarioTask[];
  /** The base class this task comes from, when inherited. */
  readonly inherited?: string;
}

export interface ScenarioUser {
  readonly name: string;
  readonly line: number;
  readonly weight: number | null;
  readonly fixedCount: number | null;
  /** The wait_time expression as written ("between(1, 3)"), or null when not set. */
  readonly waitTime: string | null;
  readonly host: string | null;
  /** `abstract = True`: Locust never runs it; it only lends its tasks to subclasses. */
  readonly abstract: boolean;
  readonly tasks: readonly ScenarioTask[];
}

export interface ScenarioProblem {
  readonly line: number | null;
  readonly message: string;
}

export interface LocustScenarios {
  readonly file: string;
  readonly users: readonly ScenarioUser[];
  readonly problems: readonly ScenarioProblem[];
  /** Set when the file does not parse; users is then empty. */
  readonly syntaxError?: ScenarioProblem;
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const line = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 1);

class ReaderOutputError extends Error {}

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new ReaderOutputError(what);
  return value;
}

function toTask(raw: unknown, depth: number): ScenarioTask {
  if (!isRecord(raw) || depth > 50) throw new ReaderOutputError('task');
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [];
  const inherited = str(raw.inherited);
  return {
    name: need(str(raw.name), 'task name'),
    line: line(raw.line),
    weight: num(raw.weight),
    tags,
    tagsDynamic: raw.tagsDynamic === true,
    kind: raw.kind === 'taskset' ? 'taskset' : 'task',
    tasks: Array.isArray(raw.tasks) ? raw.tasks.map((t) => toTask(t, depth + 1)) : [],
    ...(inherited ? { inherited } : {}),
  };
}

function toUser(raw: unknown): ScenarioUser {
  if (!isRecord(raw)) throw new ReaderOutputError('user');
  return {
    name: need(str(raw.name), 'user name'),
    line: line(raw.line),
    weight: num(raw.weight),
    fixedCount: num(raw.fixedCount),
    waitTime: str(raw.waitTime),
    host: str(raw.host),
    abstract: raw.abstract === true,
    tasks: Array.isArray(raw.tasks) ? raw.tasks.map((t) => toTask(t, 0)) : [],
  };
}

/** The reader's problem codes in words; an unknown code is shown as it is rather than dropped. */
function problemText(raw: Raw): string {
  const name = str(raw.name) ?? '';
  const expr = str(raw.expr) ?? '';
  switch (raw.code) {
    case 'dynamicTag':
      return l10n.t('task {0}: @tag({1}) is not a string literal, so its tags are shown as "dynamic" (the file is never run to find them)', name, expr);
    case 'dynamicWeight':
      return l10n.t('task {0}: the weight {1} is an expression; it is not evaluated', name, expr);
    case 'dynamicTasks':
      return l10n.t('class {0}: tasks = {1} is not a list or dict literal; its tasks are not listed', name, expr);
    case 'noTasks':
      return l10n.t('User class {0} has no tasks (Locust refuses to run it)', name);
    case 'noUser':
      return l10n.t('no User class: define a class deriving from HttpUser, FastHttpUser or User');
    default:
      return String(raw.code);
  }
}

/** The reader's stdout as a model; a malformed answer becomes one problem, never an exception. */
export function scenariosFromReaderOutput(file: string, stdout: string): LocustScenarios {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return readerFailed(file, l10n.t('the locustfile reader printed no result ({0})', stdout.trim().slice(0, 120) || l10n.t('nothing')));
  }
  try {
    if (!isRecord(parsed)) throw new ReaderOutputError('result');
    if (isRecord(parsed.syntaxError)) {
      const at = num(parsed.syntaxError.line);
      const message = l10n.t('syntax error: {0}', str(parsed.syntaxError.message) ?? '?');
      return { file, users: [], problems: [], syntaxError: { line: at, message } };
    }
    const users = Array.isArray(parsed.users) ? parsed.users.map(toUser) : [];
    const problems = (Array.isArray(parsed.problems) ? parsed.problems : []).filter(isRecord).map((p) => ({ line: num(p.line), message: problemText(p) }));
    return { file, users, problems };
  } catch (error) {
    return readerFailed(file, l10n.t('the locustfile reader gave an unexpected result ({0})', error instanceof Error ? error.message : String(error)));
  }
}

export function readerFailed(file: string, message: string): LocustScenarios {
  return { file, users: [], problems: [{ line: null, message }] };
}

/** `file:line: message`, one line, as every bad-input message of the extension. */
export function formatProblem(file: string, problem: ScenarioProblem): string {
  return `${file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}

/** Every distinct literal tag of a task tree (a TaskSet's tags apply to its tasks, as in Locust). */
export function effectiveTags(task: ScenarioTask, inheritedTags: readonly string[] = []): string[] {
  return [...new Set([...inheritedTags, ...task.tags])];
}
