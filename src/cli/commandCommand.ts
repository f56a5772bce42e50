// `command locust|compose|pytest [options] [--json]`: the exact argv a task would run, from the same builders
// the extension uses. Options are the task definition's properties in kebab-case (`--spawn-rate 4`); a bad
// value exits 1 with one line naming the option.
import {
  buildComposeCommand,
  buildLocustCommand,
  buildPytestCommand,
  formatCommandLine,
  LaunchInputError,
  parseComposeSetting,
  parseLocustVersion,
  planDistributed,
  splitArgs,
  type Binaries,
  type CommandLine,
  type DistributedPlan,
} from '../core/launch';
import { CliError } from './io';

type Kind = 'text' | 'bool' | 'optional' | 'list' | 'env' | 'scale';

// Property -> how its flag value is read. Lists take repeated flags and/or commas; the builders validate.
const PROPERTIES: Record<string, Record<string, Kind>> = {
  locust: {
    locustfile: 'text', host: 'text', users: 'text', spawnRate: 'text', runTime: 'text', tags: 'list', excludeTags: 'list', userClasses: 'list',
    csvPrefix: 'text', fullHistory: 'bool', html: 'optional', env: 'env', composeService: 'text', composeFiles: 'list', composeProfiles: 'list',
    composeEnvFile: 'text', workers: 'text', role: 'text', masterPort: 'text', masterBindHost: 'text', masterHost: 'text', localWorkers: 'text',
    workersWait: 'text', logFile: 'text',
  },
  compose: { action: 'text', files: 'list', profiles: 'list', services: 'list', build: 'bool', detached: 'bool', envFile: 'text', scale: 'scale' },
  pytest: { args: 'text', coverage: 'optional', composeService: 'text', composeFiles: 'list', composeProfiles: 'list', composeEnvFile: 'text' },
};

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const COMMAND_USAGE = `command locust|compose|pytest [options] [--json]
    prints the exact argv a task runs ({"command", "args"} with --json); options are the task definition's properties:
    locust:  --locustfile F --host URL --users N --spawn-rate R --run-time 10m --tags a,b --exclude-tags c
             --user-classes C --csv-prefix P --full-history --html FILE|true --env NAME=VALUE --workers N
             --role master|worker --master-port P --master-bind-host ADDR --master-host ADDR --workers-wait S
             --log-file F --compose-service S --compose-files a.yml,b.yml
             --locust-command CMD (the program, or a command with arguments: "python3 wrapper.py")
             --locust-version V (with --workers: plan the distributed run for that installed version; a shell
             script: master and workers in the background, then wait; --local-workers N runs N of them here and
             prints the command for the other machines; their --master-host follows --master-bind-host)
    compose: up|down|restart|stop|start|logs --files a.yml,b.yml --profiles p --services s --build
             --detached=false --env-file F --scale SERVICE=N
    --compose-command "docker compose"|docker-compose|"CMD ...": the compose program (default docker compose);
             also for --compose-service runs, whose exec gets -T (no terminal in CI)
    pytest:  --coverage [true|PACKAGE] --compose-service S --compose-files F [-- PYTEST ARGS...]`;

interface Parsed {
  definition: Record<string, unknown>;
  json: boolean;
  locustVersion?: string;
  locustCommand?: string[];
  composeCommand?: string;
}

function parse(kind: string, args: readonly string[]): Parsed {
  const properties = PROPERTIES[kind];
  const byFlag = new Map(Object.keys(properties).map((name) => [`--${kebab(name)}`, name]));
  const definition: Record<string, unknown> = {};
  let json = false;
  let locustVersion: string | undefined;
  let locustCommand: string[] | undefined;
  let composeCommand: string | undefined;
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      if (kind !== 'pytest') throw new CliError(`command ${kind}: "--" is only for pytest arguments`);
      definition.args = args.slice(i + 1);
      break;
    }
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (kind === 'compose' && !arg.startsWith('-') && definition.action === undefined) {
      definition.action = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (kind === 'locust' && flag === '--locust-version') {
      locustVersion = inline ?? args[++i];
      if (locustVersion === undefined) throw new CliError('command locust: --locust-version needs a value (e.g. 2.12.1, or "" for an empty version)');
      continue;
    }
    if (kind === 'locust' && flag === '--locust-command') {
      const value = inline ?? args[++i];
      if (value === undefined) throw new CliError('command locust: --locust-command needs a value (a path, or a command with arguments)');
      locustCommand = splitArgs(value);
      continue;
    }
    if (flag === '--compose-command') {
      composeCommand = inline ?? args[++i];
      if (composeCommand === undefined) throw new CliError(`command ${kind}: --compose-command needs a value ("docker compose" or docker-compose)`);
      continue;
    }
    const name = byFlag.get(flag);
    if (!name) throw new CliError(`command ${kind}: unknown option ${JSON.stringify(arg.slice(0, 60))} (see --help)`);
    const type = properties[name];
    if (type === 'bool') {
      definition[name] = inline ?? true;
      continue;
    }
    // `--coverage` alone means true; `--coverage myapp` names the package.
    if (type === 'optional' && inline === undefined && (args[i + 1] === undefined || args[i + 1].startsWith('-'))) {
      definition[name] = true;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new CliError(`command ${kind}: ${flag} needs a value`);
    if (type === 'text' || type === 'optional') definition[name] = value;
    else if (type === 'list') (lists[name] ??= []).push(...(name.endsWith('Files') || name === 'files' ? value.split(',') : [value]));
    else {
      const sep = value.indexOf('=');
      if (sep <= 0) throw new CliError(`command ${kind}: ${flag} expects NAME=VALUE, got ${JSON.stringify(value.slice(0, 60))}`);
      const target = (definition[name] ??= {}) as Record<string, unknown>;
      target[value.slice(0, sep)] = value.slice(sep + 1);
    }
  }
  Object.assign(definition, lists);
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
  const [kind, ...rest] = args;
  if (!kind || !(kind in PROPERTIES)) throw new CliError(`command: expected locust, compose or pytest (usage: ${COMMAND_USAGE.split('\n')[0]})`);
  const { definition, json, locustVersion, composeCommand, locustCommand } = parse(kind, rest);
  // Without --locustfile, Locust itself looks for ./locustfile.py; naming it keeps the printed command exact.
  if (kind === 'locust' && !('locustfile' in definition)) definition.locustfile = 'locustfile.py';
  try {
    // No terminal where the printed line runs (CI): `exec` gets -T. "auto" means the default, docker compose.
    const binaries: Binaries = { compose: parseComposeSetting('composeCommand', composeCommand), tty: false, ...(locustCommand ? { locust: locustCommand } : {}) };
    if (kind === 'locust' && locustVersion !== undefined && definition.role === undefined) {
      const plan = planDistributed(definition, parseLocustVersion(`locust ${locustVersion}`), binaries);
      const remote = plan.remoteWorker ? { remoteWorker: toJson(plan.remoteWorker), remoteWorkers: plan.expectedWorkers - plan.workers.length } : {};
      if (json) write(JSON.stringify({ ...toJson(plan.master), mode: plan.mode, expectWorkers: plan.expectedWorkers, workers: plan.workers.map(toJson), ...remote }, null, 2));
      else write(planScript(plan));
      return 0;
    }
    const line = kind === 'locust' ? buildLocustCommand(definition, binaries) : kind === 'compose' ? buildComposeCommand(definition, binaries) : buildPytestCommand(definition, binaries);
    write(json ? JSON.stringify(toJson(line), null, 2) : formatCommandLine(line));
    return 0;
  } catch (error) {
    if (error instanceof LaunchInputError) {
      const flag = error.field === 'locustPath' ? '--locust-command' : `--${kebab(error.field.split('.')[0])}`;
      throw new CliError(`command ${kind}: ${flag}${error.field.includes('.') ? ` (${error.field.split('.').slice(1).join('.')})` : ''}: ${error.message.slice(error.field.length + 2)}`);
    }
    throw error;
  }
}
