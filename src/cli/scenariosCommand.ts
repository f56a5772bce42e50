// `scenarios LOCUSTFILE [--json] [--python PATH]`: the User classes and tasks of a locustfile, read statically
// (the file is parsed by Python's ast, never imported or run), for CI and for checking what a tag selects.
import { readFileSync, statSync } from 'node:fs';
import { formatProblem, pythonForLocust, readScenariosSync, type LocustScenarios, type ScenarioTask } from '../core/scenarios';
import { CliError } from './io';

export const SCENARIOS_USAGE = 'scenarios LOCUSTFILE [--json] [--python PATH] User classes and tasks of a locustfile, read statically; exit 1 on a syntax error';

function readBytes(path: string): Buffer {
  try {
    if (statSync(path).isDirectory()) throw new CliError(`${path}: is a directory, expected a locustfile`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: cannot read file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}

export function scenariosCommand(args: readonly string[], write: (text: string) => void): number {
  const rest = [...args];
  let python: string | undefined;
  const at = rest.indexOf('--python');
  if (at !== -1) {
    python = rest[at + 1];
    if (!python || python.startsWith('--') || python.includes('${')) throw new CliError('scenarios: --python needs the path of a Python interpreter');
    rest.splice(at, 2);
  }
  const unknown = rest.find((arg) => arg.startsWith('--') && arg !== '--json');
  if (unknown) throw new CliError(`scenarios: unknown option ${unknown}`);
  const files = rest.filter((arg) => !arg.startsWith('--'));
  if (files.length !== 1) throw new CliError(`scenarios: expected exactly one LOCUSTFILE (usage: ${SCENARIOS_USAGE.split(' User')[0]})`);
  const file = files[0];
  const result = readScenariosSync(file, readBytes(file), python ?? pythonForLocust('locust'));
  write(rest.includes('--json') ? JSON.stringify(toJson(result), null, 2) : formatScenarios(result));
  return result.syntaxError ? 1 : 0;
}

function taskJson(task: ScenarioTask): unknown {
  return { name: task.name, line: task.line, weight: task.weight, tags: task.tagsDynamic ? [...task.tags, 'dynamic'] : task.tags, kind: task.kind, ...(task.inherited ? { inherited: task.inherited } : {}), ...(task.tasks.length ? { tasks: task.tasks.map(taskJson) } : {}) };
}

export function toJson(result: LocustScenarios): unknown {
  return {
    file: result.file,
    users: result.users.map((u) => ({ name: u.name, line: u.line, weight: u.weight, fixedCount: u.fixedCount, waitTime: u.waitTime, host: u.host, abstract: u.abstract, tasks: u.tasks.map(taskJson) })),
    problems: [...(result.syntaxError ? [result.syntaxError] : []), ...result.problems],
  };
}

function formatTasks(tasks: readonly ScenarioTask[], indent: string): string[] {
  return tasks.flatMap((task) => {
    const tags = task.tagsDynamic ? [...task.tags, 'dynamic'] : task.tags;
    const head = `${indent}${task.kind === 'taskset' ? 'TaskSet ' : ''}${task.name}  weight ${task.weight ?? '?'}${tags.length ? `  tags ${tags.join(' ')}` : ''}  line ${task.line}`;
    return [head, ...formatTasks(task.tasks, `${indent}  `)];
  });
}

export function formatScenarios(result: LocustScenarios): string {
  const lines: string[] = [];
  if (result.syntaxError) lines.push(formatProblem(result.file, result.syntaxError));
  for (const user of result.users) {
    const facts = [`weight ${user.weight ?? '?'}`, user.fixedCount !== null ? `fixed_count ${user.fixedCount}` : '', user.waitTime ? `wait_time ${user.waitTime}` : '', user.host ? `host ${user.host}` : '', user.abstract ? 'abstract' : ''].filter(Boolean);
    lines.push(`${user.name}  ${facts.join('  ')}  line ${user.line}`, ...formatTasks(user.tasks, '  '));
  }
  lines.push(...result.problems.map((p) => formatProblem(result.file, p)));
  return lines.join('\n');
}
