// Which compose command the extension runs: the `composeCommand` setting when it names one, otherwise the one
// detected (`docker compose version`, then `docker-compose version`). Detection runs once per docker path and
// again after the settings change, so a machine with only docker-compose (Debian's docker.io) works unasked.
import * as vscode from 'vscode';
import { composeV2, describeCompose, detectCompose, LaunchInputError, parseComposeSetting, type ComposeCommand } from '../../core/launch';
import type { Logger } from '../../services/logger';
import { Disposable } from '../../util/dispose';
import { readLaunchSettings, type LaunchSettings } from '../tasks/launchSettings';
import type { Runner } from './processRunner';

export type Resolution =
  | { readonly kind: 'ok'; readonly command: ComposeCommand; readonly version?: string }
  | { readonly kind: 'missing'; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string };

export class ComposeResolver extends Disposable {
  private readonly detected = new Map<string, Promise<Resolution>>();

  constructor(
    private readonly run: Runner,
    private readonly logger: Logger,
  ) {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('executionTracker.launch')) this.detected.clear();
      }),
    );
  }

  async resolve(folder?: vscode.WorkspaceFolder): Promise<Resolution> {
    const settings = readLaunchSettings(folder);
    let forced: ComposeCommand | undefined;
    try {
      forced = parseComposeSetting('executionTracker.launch.composeCommand', settings.composeCommand, settings.binaries.docker);
    } catch (error) {
      const message = error instanceof LaunchInputError ? error.message : String(error);
      return { kind: 'invalid', message: vscode.l10n.t('Execution Tracker: the setting {0}. Set it to "auto", "docker compose", "docker-compose" or a command line.', message) };
    }
    if (forced) return { kind: 'ok', command: forced };
    const docker = settings.binaries.docker;
    let pending = this.detected.get(docker);
    if (!pending) {
      pending = this.detect(docker);
      this.detected.set(docker, pending);
    }
    return pending;
  }

  /**
   * Launch settings with the resolved compose command; v2 when unresolved (the caller reports why). Tasks run
   * `exec` without a TTY (-T): a program in a service there reads no keys, and with a TTY a headless Locust
   * run inside a v1 exec was seen to stop within a second of starting, its CSVs never written. Only Open Shell
   * asks for a TTY.
   */
  async settingsFor(folder: vscode.WorkspaceFolder, tty = false): Promise<LaunchSettings> {
    const settings = readLaunchSettings(folder);
    const resolution = await this.resolve(folder);
    const compose = resolution.kind === 'ok' ? resolution.command : composeV2(settings.binaries.docker);
    return { ...settings, binaries: { ...settings.binaries, compose, tty } };
  }

  private async detect(docker: string): Promise<Resolution> {
    const found = await detectCompose((command, args) => this.run(command, args, { timeoutMs: 15_000 }), docker);
    if (!found) {
      this.detected.delete(docker);
      this.logger.warn(`Neither "${docker} compose version" nor "docker-compose version" answered`);
      return {
        kind: 'missing',
        message: vscode.l10n.t('Execution Tracker: no Docker Compose found: neither "{0} compose version" nor "docker-compose version" ran. Install Docker with the Compose plugin, or docker-compose (Debian/Ubuntu: sudo apt-get install docker.io docker-compose), or set executionTracker.launch.composeCommand.', docker),
      };
    }
    this.logger.info(`Compose command: ${describeCompose(found.command)} (${found.version})`);
    return { kind: 'ok', command: found.command, version: found.version };
  }
}
