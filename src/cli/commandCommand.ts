// `command locust|compose|pytest [options] [--json]`: the exact argv a task would run, from the same builders
// the extension uses. Options are the task definition's properties in kebab-case (`--spawn-rate 4`), read
// from the task-type descriptor (src/core/launch/taskTypes.ts), so a new property is a new flag; a bad value
// exits 1 with one line naming the option.
import {
  formatCommandLine,
  isTaskType,
  LaunchInputError,
  parseComposeSetting,
  parseLocustVersion,
  planDistributed,
  splitArgs,
  TASK_TYPE_NAMES,
  TASK_TYPES,
  type Binaries,
  type CommandLine,
  type DistributedPlan,
  type TaskType,
} from '../core/launch';
import { CliError } from './io';

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const spelled = `${TASK_TYPE_NAMES.slice(0, -1).join(', ')} or ${TASK_TYPE_NAMES[TASK_TYPE_NAMES.length - 1]}`;

function usageOf(type: TaskType): string {
  const { properties, cli } = TASK_TYPES[type];
  const words: string[] = [];
  if (cli.positional) words.push(String(properties[cli.positional]?.value ?? cli.positional.toUpperCase()));
  for (const [name, property] of Object.entries(properties)) {
    if (!property.flag || name === cli.positional || name === cli.rest) continue;
    words.push(property.flag === 'bool' ? `--${kebab(name)}` : `--${kebab(name)} ${property.value ?? 'VALUE'}`);
  }
  if (cli.rest) words.push(`[-- ${cli.rest.toUpperCase()}...]`);
  if (cli.usageExtra) words.push(cli.usageExtra);
  // Wrapped at about 110 columns under the type's name.
  const lines: string[] = [];
  let line = `    ${`${type}:`.padEnd(9)}`;
  for (const word of words) {
    if (line.trim().length > 9 && line.length + word.length > 110) {
      lines.push(line.trimEnd());
      line = ' '.repeat(13);
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

export const COMMAND_USAGE = [
  `command ${TASK_TYPE_NAMES.join('|')} [options] [--json]`,
  `    prints the exact argv a task runs ({"command", "args"} with --json); options are the task definition's properties:`,
  ...TASK_TYPE_NAMES.map(usageOf),
  `    --compose-command "docker compose"|docker-compose|"CMD ...": the compose program (default docker compose);`,
  `             also for --compose-service runs, whose exec gets -T (no terminal in CI)`,
].join('\n');

interface Parsed {
  definition: Record<string, unknown>;
  json: boolean;
  locustVersion?: string;
  composeCommand?: string;
  locustCommand?: string[];
}

function parse(type: TaskType, args: readonly string[]): Parsed {
  const { properties, cli } = TASK_TYPES[type];
  const byFlag = new Map<string, string>(Object.entries(properties).flatMap(([name, property]) => (property.flag ? [[`--${kebab(name)}`, name] as const] : [])));
  const definition: Record<string, unknown> = {};
  let json = false;
  let locustVersion: string | undefined;
  let composeCommand: string | undefined;
  let locustCommand: string[] | undefined;
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      if (!cli.rest) throw new CliError(`command ${type}: "--" is only for pytest arguments`);
      definition[cli.rest] = args.slice(i + 1);
      break;
    }
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (cli.positional && !arg.startsWith('-') && definition[cli.positional] === undefined) {
      definition[cli.positional] = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (type === 'locust' && flag === '--locust-version') {
      locustVersion = inline ?? args[++i];
      if (locustVersion === undefined) throw new CliError('command locust: --locust-version needs a value (e.g. 2.12.1, or "" for an empty version)');
      continue;
    }
    // Of the plan, not of any one task: how many of the workers run here.
    if (type === 'locust' && flag === '--local-workers') {
      const value = inline ?? args[++i];
      if (value === undefined) throw new CliError('command locust: --local-workers needs a value');
      definition.localWorkers = value;
      continue;
    }
    if (type === 'locust' && flag === '--locust-command') {
      const value = inline ?? args[++i];
      if (value === undefined) throw new CliError('command locust: --locust-command needs a value (a path, or a command with arguments)');
      locustCommand = splitArgs(value);
      continue;
    }
    if (flag === '--compose-command') {
      composeCommand = inline ?? args[++i];
      if (composeCommand === undefined) throw new CliError(`command ${type}: --compose-command needs a value ("docker compose" or docker-compose)`);
      continue;
    }
    const name = byFlag.get(flag);
    if (!name) throw new CliError(`command ${type}: unknown option ${JSON.stringify(arg.slice(0, 60))} (see --help)`);
    const kind = properties[name].flag!;
    if (kind === 'bool') {
      definition[name] = inline ?? true;
      continue;
    }
    // `--coverage` alone means true; `--coverage myapp` names the package.
    if (kind === 'optional' && inline === undefined && (args[i + 1] === undefined || args[i + 1].startsWith('-'))) {
      definition[name] = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new CliError(`command ${type}: ${flag} needs a value`);
    switch (kind) {
      case 'text':
      case 'optional':
        definition[name] = value;
        break;
      case 'list':
        (lists[name] ??= []).push(value);
        break;
      case 'paths':
        (lists[name] ??= []).push(...value.split(','));
        break;
      case 'pairs': {
        const sep = value.indexOf('=');
        if (sep <= 0) throw new CliError(`command ${type}: ${flag} expects NAME=VALUE, got ${JSON.stringify(value.slice(0, 60))}`);
        const target = (definition[name] ??= {}) as Record<string, unknown>;
        target[value.slice(0, sep)] = value.slice(sep + 1);
        break;
      }
      default: {
        const never: never = kind;
        throw new Error(`unhandled flag kind ${String(never)}`);
      }
    }
  }
  Object.assign(definition, lists);
  for (const [name, value] of Object.entries(cli.defaults ?? {})) if (!(name in definition)) definition[name] = value;
  return { definition, json, locustVersion, composeCommand, locustCommand };
}

/** The plan as a POSIX shell script that runs it: every process in the background, then `wait`. */
function planScript(plan: DistributedPlan): string {
  const lines = plan.mode === 'processes' ? [formatCommandLine(plan.master)] : [`${formatCommandLine(plan.master)} &`, ...plan.workers.map((w) => `${formatCommandLine(w)} &`), 'wait'];
  if (plan.remoteWorker) {
    const others = plan.expectedWorkers - plan.workers.length;
    lines.push(`# on the other machines, ${others} worker(s) in all, each: ${formatCommandLine(plan.remoteWorker)}`);
  }
  return lines.join('\n');
}

function toJson(line: CommandLine): Record<string, unknown> {
  return line.env ? { command: line.command, args: line.args, env: line.env } : { command: line.command, args: line.args };
}

export function commandCommand(args: readonly string[], write: (text: string) => void): number {
  const [type, ...rest] = args;
  if (!isTaskType(type)) throw new CliError(`command: expected ${spelled} (usage: ${COMMAND_USAGE.split('\n')[0]})`);
  const { definition, json, locustVersion, composeCommand, locustCommand } = parse(type, rest);
  try {
    // No terminal where the printed line runs (CI): `exec` gets -T. "auto" means the default, docker compose.
    const binaries: Binaries = { compose: parseComposeSetting('composeCommand', composeCommand), tty: false, ...(locustCommand ? { locust: locustCommand } : {}) };
    if (type === 'locust' && locustVersion !== undefined && definition.role === undefined) {
      const plan = planDistributed(definition, parseLocustVersion(`locust ${locustVersion}`), binaries);
      const remote = plan.remoteWorker ? { remoteWorker: toJson(plan.remoteWorker), remoteWorkers: plan.expectedWorkers - plan.workers.length } : {};
      if (json) write(JSON.stringify({ ...toJson(plan.master), mode: plan.mode, expectWorkers: plan.expectedWorkers, workers: plan.workers.map(toJson), ...remote }, null, 2));
      else write(planScript(plan));
      return 0;
    }
    const line = TASK_TYPES[type].build(definition, { binaries });
    write(json ? JSON.stringify(toJson(line), null, 2) : formatCommandLine(line));
    return 0;
  } catch (error) {
    if (error instanceof LaunchInputError) {
      const flag = error.field === 'locustPath' ? '--locust-command' : `--${kebab(error.field.split('.')[0])}`;
      throw new CliError(`command ${type}: ${flag}${error.field.includes('.') ? ` (${error.field.split('.').slice(1).join('.')})` : ''}: ${error.message.slice(error.field.length + 2)}`);
    }
    throw error;
  }
}
