// Asks compose about the chosen stack (never starts anything): is there a compose at all, do the files parse,
// do the profiles and services exist, can the engine be reached, what state is each service in, what did a
// service print last. Each answer is a value the caller shows; nothing here talks to the user.
import * as vscode from 'vscode';
import {
  activeServices,
  composeGlobalArgs,
  composeLine,
  composeMessage,
  describeCompose,
  isComposeMissing,
  isEngineUnreachable,
  parseNameList,
  psArgs,
  stackStatus,
  unknownNames,
  type ComposeCommand,
  type ProbeResult,
  type ServiceStatus,
} from '../../core/launch';
import type { ComposeResolver } from './composeResolver';
import type { Runner } from './processRunner';

/** A stack as the user chose it: the workspace folder, compose files in order, profiles. */
export interface StackChoice {
  readonly folder: string;
  readonly files: readonly string[];
  readonly profiles: readonly string[];
}

export type Checked =
  | { readonly ok: true; readonly compose: ComposeCommand; readonly services: readonly string[]; readonly status: readonly ServiceStatus[] }
  | { readonly ok: false; readonly message: string };

export class StackClient {
  constructor(
    private readonly resolver: ComposeResolver,
    private readonly run: Runner,
  ) {}

  folderOf(choice: StackChoice): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === choice.folder);
  }

  /** Everything that can be known before `up`, in the order a user would fix it. */
  async check(choice: StackChoice, services: readonly string[] = []): Promise<Checked> {
    const folder = this.folderOf(choice);
    if (!folder) return { ok: false, message: vscode.l10n.t('Execution Tracker: the stack\'s workspace folder is no longer open; choose the stack again ("Choose Docker Stack Files…").') };
    const resolution = await this.resolver.resolve(folder);
    if (resolution.kind !== 'ok') return { ok: false, message: resolution.message };
    const compose = resolution.command;
    const files = choice.files.join(', ');
    const config = await this.compose(compose, choice, ['config', '-q'], folder);
    if (config.code !== 0) {
      if (isComposeMissing(config)) return { ok: false, message: vscode.l10n.t('Execution Tracker: the compose command "{0}" does not run here: {1}. Install Docker Compose, or set executionTracker.launch.composeCommand ("auto" finds docker compose or docker-compose).', describeCompose(compose), composeMessage(config.stderr, 1)) };
      if (isEngineUnreachable(config.stderr)) return { ok: false, message: engineMessage(config.stderr) };
      return { ok: false, message: vscode.l10n.t('Execution Tracker: compose cannot read the stack ({0}): {1}', files, composeMessage(config.stderr) || vscode.l10n.t('exit code {0}', config.code)) };
    }
    if (choice.profiles.length) {
      const known = parseNameList((await this.compose(compose, { ...choice, profiles: [] }, ['config', '--profiles'], folder)).stdout);
      const unknown = unknownNames(choice.profiles, known);
      if (unknown.length) return { ok: false, message: vscode.l10n.t('Execution Tracker: no service of {0} has the profile {1} (profiles there: {2}). Choose the stack again.', files, unknown.join(', '), known.join(', ') || vscode.l10n.t('none')) };
    }
    const defined = activeServices((await this.compose(compose, choice, ['config'], folder)).stdout, choice.profiles);
    const unknownServices = unknownNames(services, defined);
    if (unknownServices.length) return { ok: false, message: vscode.l10n.t('Execution Tracker: {0} defines no service {1} (services: {2}).', files, unknownServices.join(', '), defined.join(', ')) };
    const ps = await this.compose(compose, choice, psArgs(compose.flavor), folder);
    if (ps.code !== 0) {
      return { ok: false, message: isEngineUnreachable(ps.stderr) ? engineMessage(ps.stderr) : vscode.l10n.t('Execution Tracker: compose ps failed for {0}: {1}', files, composeMessage(ps.stderr)) };
    }
    return { ok: true, compose, services: defined, status: stackStatus(compose.flavor, ps.stdout, defined) };
  }

  /**
   * The services' states now, or the reason they cannot be known: `ps` (and `config --services` unless the
   * services are given) in parallel; lighter than check(), since the view polls it.
   */
  async status(choice: StackChoice, known?: readonly string[]): Promise<Checked> {
    const folder = this.folderOf(choice);
    if (!folder) return this.check(choice);
    const resolution = await this.resolver.resolve(folder);
    if (resolution.kind !== 'ok') return { ok: false, message: resolution.message };
    const compose = resolution.command;
    const [config, ps] = await Promise.all([
      known ? undefined : this.compose(compose, choice, ['config'], folder),
      this.compose(compose, choice, psArgs(compose.flavor), folder),
    ]);
    if (config && config.code !== 0) return this.check(choice);
    if (ps.code !== 0) return isEngineUnreachable(ps.stderr) ? { ok: false, message: engineMessage(ps.stderr) } : this.check(choice);
    const services = known ?? activeServices(config?.stdout ?? '', choice.profiles);
    return { ok: true, compose, services, status: stackStatus(compose.flavor, ps.stdout, services) };
  }

  /** The last lines a service printed (no colours, no prefixes), for the message that says why it stopped. */
  async lastLines(compose: ComposeCommand, choice: StackChoice, service: string, lines = 8): Promise<string[]> {
    const folder = this.folderOf(choice);
    if (!folder) return [];
    const r = await this.compose(compose, choice, ['logs', '--no-color', '--tail', String(lines), service], folder);
    return r.stdout
      .split(/\r?\n/)
      .map((l) => l.replace(/^\S+\s+\|\s?/, '').trimEnd())
      .filter((l) => l !== '' && !/^Attaching to /.test(l))
      .slice(-lines);
  }

  private compose(compose: ComposeCommand, choice: StackChoice, args: readonly string[], folder: vscode.WorkspaceFolder): Promise<ProbeResult> {
    const line = composeLine({ compose }, [...composeGlobalArgs({ files: [...choice.files], profiles: [...choice.profiles] }), ...args]);
    return this.run(line.command, line.args, { cwd: folder.uri.fsPath, timeoutMs: 60_000 });
  }
}

function engineMessage(stderr: string): string {
  const where = /(unix:\/\/\S+?|tcp:\/\/\S+?)[.\s]/.exec(stderr)?.[1] ?? process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  return vscode.l10n.t('Execution Tracker: the Docker engine is not running (nothing answers at {0}). Start it (sudo systemctl start docker, or sudo dockerd &), or point DOCKER_HOST at a running engine, then try again.', where);
}
