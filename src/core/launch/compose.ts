// Compose command lines: the stack up/down/restart/stop/start/logs, and the prefix used to run a program inside
// a service (`docker compose -f a.yml exec SERVICE ...`). Order follows the team's own command:
// docker compose -f docker-compose.yml -f docker-compose-pgbouncer.yml --profile celery up -d --build
// The program is Compose v2 (`docker compose`) unless binaries.compose names v1 (`docker-compose`, no
// `compose` word) or a custom command line; the arguments after it are the same for all of them.
import * as l10n from '@vscode/l10n';
import { composeV2, type ComposeCommand } from './composeCommand';
import type { Binaries, CommandLine } from './types';
import { integerProblem, LaunchInputError, nameProblem, pathProblem, requireAll, requireValid } from './validate';
import { optionalBoolean, optionalList, optionalPaths, optionalString } from './values';

export const COMPOSE_ACTIONS = ['up', 'down', 'restart', 'stop', 'start', 'logs'] as const;
export type ComposeAction = (typeof COMPOSE_ACTIONS)[number];

/** The `compose` task definition (tasks.json); every property is checked, none is trusted. */
export interface ComposeDefinition {
  readonly action: ComposeAction;
  /** Compose files in the order given; later files override earlier ones. */
  readonly files?: readonly string[];
  readonly profiles?: readonly string[];
  readonly services?: readonly string[];
  /** `up --build` (default false). */
  readonly build?: boolean;
  /** `up -d` (default true: the task ends when the stack is up). */
  readonly detached?: boolean;
  readonly envFile?: string;
  /** `up --scale SERVICE=N`, e.g. Locust workers. */
  readonly scale?: Readonly<Record<string, number>>;
}

/** The global part: `compose [--env-file F] [-f FILE]... [--profile P]...`, validated. */
export interface ComposeProject {
  readonly files?: unknown;
  readonly profiles?: unknown;
  readonly envFile?: unknown;
}

/** Field names as the definition spells them, so an error names the property the user wrote. */
export interface ComposeFieldNames {
  readonly files: string;
  readonly profiles: string;
  readonly envFile: string;
}

const OWN_FIELDS: ComposeFieldNames = { files: 'files', profiles: 'profiles', envFile: 'envFile' };
export const SERVICE_FIELDS: ComposeFieldNames = { files: 'composeFiles', profiles: 'composeProfiles', envFile: 'composeEnvFile' };

/** The compose program the binaries name (v2 through binaries.docker by default). */
export function composeCommandOf(binaries: Binaries): ComposeCommand {
  return binaries.compose ?? composeV2(binaries.docker ?? 'docker');
}

/** `program [compose] ...args`: the compose command's own words, then compose's arguments. */
export function composeLine(binaries: Binaries, args: readonly string[]): CommandLine {
  const [command, ...prefix] = composeCommandOf(binaries).argv;
  return { command, args: [...prefix, ...args] };
}

/** compose's global arguments `[--env-file F] [-f FILE]... [--profile P]...`, validated. */
export function composeGlobalArgs(project: ComposeProject, names: ComposeFieldNames = OWN_FIELDS): string[] {
  const files = requireAll(names.files, optionalPaths(names.files, project.files), pathProblem);
  const profiles = requireAll(names.profiles, optionalList(names.profiles, project.profiles), nameProblem);
  const envFile = optionalString(names.envFile, project.envFile);
  const args: string[] = [];
  if (envFile !== undefined && envFile !== '') args.push('--env-file', requireValid(names.envFile, envFile, pathProblem));
  for (const file of files) args.push('-f', file);
  for (const profile of profiles) args.push('--profile', profile);
  return args;
}

export function buildComposeCommand(definition: Record<string, unknown>, binaries: Binaries = {}): CommandLine {
  const action = definition.action;
  if (typeof action !== 'string' || !(COMPOSE_ACTIONS as readonly string[]).includes(action)) {
    throw new LaunchInputError('action', l10n.t('expected one of {0}, got {1}', COMPOSE_ACTIONS.join(', '), JSON.stringify(action ?? null)));
  }
  const args = composeGlobalArgs(definition);
  const services = requireAll('services', optionalList('services', definition.services), nameProblem);
  const build = optionalBoolean('build', definition.build) ?? false;
  const detached = optionalBoolean('detached', definition.detached) ?? true;
  const scale = scaleArgs(definition.scale);
  if (action !== 'up') {
    if (build) throw new LaunchInputError('build', l10n.t('only applies to "up", not "{0}"', action));
    if (scale.length) throw new LaunchInputError('scale', l10n.t('only applies to "up", not "{0}"', action));
  }
  args.push(action);
  if (action === 'up') {
    if (detached) args.push('-d');
    if (build) args.push('--build');
    args.push(...scale);
  } else if (action === 'logs') {
    args.push('--follow', '--tail', '200');
  }
  // `down` takes no services in older compose releases; stopping a subset is `stop`, which is not offered.
  if (action === 'down' && services.length) throw new LaunchInputError('services', l10n.t('"down" stops the whole project; leave services empty'));
  args.push(...services);
  return composeLine(binaries, args);
}

function scaleArgs(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) throw new LaunchInputError('scale', l10n.t('expected an object of SERVICE: count pairs'));
  const args: string[] = [];
  for (const [service, count] of Object.entries(value as Record<string, unknown>)) {
    requireValid('scale', service, nameProblem);
    const text = requireValid(`scale.${service}`, typeof count === 'number' || typeof count === 'string' ? String(count) : '', (v) => integerProblem(v, 0, 1000));
    args.push('--scale', `${service}=${text}`);
  }
  return args;
}

/** `docker compose ... exec SERVICE PROGRAM ARGS`: runs a program in a running service of the stack. */
export function inService(project: ComposeProject, service: unknown, program: CommandLine, binaries: Binaries = {}): CommandLine {
  const name = requireValid('composeService', optionalString('composeService', service) ?? '', nameProblem);
  const args = composeGlobalArgs(project, SERVICE_FIELDS);
  args.push('exec');
  // Without a terminal (CI, the CLI's printed line) compose would fail with "the input device is not a TTY".
  if (binaries.tty === false) args.push('-T');
  // Environment variables go to the program inside the container, not to docker on the host.
  for (const [key, value] of Object.entries(program.env ?? {})) args.push('-e', `${key}=${value}`);
  args.push(name, program.command, ...program.args);
  return composeLine(binaries, args);
}
