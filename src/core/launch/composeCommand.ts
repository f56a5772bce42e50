// Which compose program runs: Compose v2 is `docker compose` (a docker CLI plugin), v1 is the separate
// `docker-compose` program Debian and Ubuntu still ship with docker.io. The user may force either one or give
// a custom command line in a setting; "auto" probes `docker compose version`, then `docker-compose version`.
import * as l10n from '@vscode/l10n';
import { splitArgs } from './args';
import { LaunchInputError, unsafeReason } from './validate';

/** v2 has `ps --format json`; v1 prints a text table; a custom command is read as either. */
export type ComposeFlavor = 'v2' | 'v1' | 'custom';

export interface ComposeCommand {
  readonly flavor: ComposeFlavor;
  /** The program and the words before compose's own arguments: ['docker', 'compose'] or ['docker-compose']. */
  readonly argv: readonly string[];
}

export const AUTO = 'auto';

export function composeV2(docker = 'docker'): ComposeCommand {
  return { flavor: 'v2', argv: [docker, 'compose'] };
}

export function composeV1(program = 'docker-compose'): ComposeCommand {
  return { flavor: 'v1', argv: [program] };
}

/**
 * The compose command a setting (or the CLI's --compose-command) names: "auto" (undefined: detect), "docker
 * compose", "docker-compose", or a custom command line split like a shell would without expanding anything.
 */
export function parseComposeSetting(field: string, value: unknown, docker = 'docker'): ComposeCommand | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new LaunchInputError(field, l10n.t('expected "auto", "docker compose", "docker-compose" or a command line'));
  const text = value.trim();
  if (text === '' || text === AUTO) return undefined;
  const whole = unsafeReason(text);
  if (whole) throw new LaunchInputError(field, whole);
  const argv = splitArgs(text);
  for (const word of argv) {
    const problem = unsafeReason(word);
    if (problem) throw new LaunchInputError(field, problem);
  }
  if (argv.length === 0) return undefined;
  if (argv[0].startsWith('-')) throw new LaunchInputError(field, l10n.t('{0} starts with an option; name the program first', JSON.stringify(argv[0])));
  if (argv.length === 2 && argv[0] === 'docker' && argv[1] === 'compose') return composeV2(docker);
  if (argv.length === 1 && argv[0] === 'docker-compose') return composeV1();
  const base = argv[0].split('/').pop() ?? '';
  const flavor: ComposeFlavor = argv.length === 1 && base === 'docker-compose' ? 'v1' : argv.length === 2 && base === 'docker' && argv[1] === 'compose' ? 'v2' : 'custom';
  return { flavor, argv };
}

/** What running a probe gave: exit code and output (a runner that cannot start the program reports code -1). */
export interface ProbeResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type ProbeRunner = (command: string, args: readonly string[]) => Promise<ProbeResult>;

export interface Detected {
  readonly command: ComposeCommand;
  /** The version it printed, e.g. "v2.24.6" or "1.29.2". */
  readonly version: string;
}

/** The version in `docker compose version` / `docker-compose version` output, or undefined. */
export function composeVersionFrom(output: string): string | undefined {
  return /version\s+v?(\d+\.\d+\.\d+[^\s,]*)/i.exec(output)?.[1] ?? /\bv(\d+\.\d+\.\d+\S*)/.exec(output)?.[1];
}

/** Probes v2 first, then v1; undefined when neither answers (no docker, or no compose at all). */
export async function detectCompose(run: ProbeRunner, docker = 'docker'): Promise<Detected | undefined> {
  for (const command of [composeV2(docker), composeV1()]) {
    const result = await run(command.argv[0], [...command.argv.slice(1), 'version']);
    const version = result.code === 0 ? composeVersionFrom(result.stdout) : undefined;
    if (version) return { command, version };
  }
  return undefined;
}

/** The compose command as a person types it, for messages. */
export function describeCompose(command: ComposeCommand): string {
  return command.argv.join(' ');
}
