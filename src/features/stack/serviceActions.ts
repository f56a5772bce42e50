// The Stack view's per-service actions: Logs (follow), Restart, Stop, Start as compose tasks for that one
// service, and Open Shell: a terminal running `compose exec SERVICE sh` (with a TTY, so the shell is usable).
import * as vscode from 'vscode';
import { inService, type ComposeAction } from '../../core/launch';
import { describeError } from '../../services/logger';
import { createTask, TaskTypes } from '../tasks/taskFactory';
import { ensureTrusted } from '../tasks/trust';
import type { ComposeResolver } from './composeResolver';
import type { StackChoice, StackClient } from './stackClient';
import type { StackNode } from './stackView';

export type ServiceAction = Extract<ComposeAction, 'logs' | 'restart' | 'stop' | 'start'> | 'shell';

export class ServiceActions {
  constructor(
    private readonly client: StackClient,
    private readonly resolver: ComposeResolver,
    private readonly currentStack: () => StackChoice | undefined,
  ) {}

  async run(action: ServiceAction, node: StackNode | undefined): Promise<void> {
    if (!node || node.kind !== 'service') return;
    const service = node.status.service;
    if (!ensureTrusted(vscode.l10n.t('Stack service actions'))) return;
    const stack = this.currentStack();
    const folder = stack && this.client.folderOf(stack);
    if (!stack || !folder) return;
    try {
      const settings = await this.resolver.settingsFor(folder, action === 'shell');
      if (action === 'shell') {
        const line = inService({ files: [...stack.files], profiles: [...stack.profiles] }, service, { command: 'sh', args: [] }, settings.binaries);
        const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('sh: {0}', service), shellPath: line.command, shellArgs: [...line.args], cwd: folder.uri });
        terminal.show();
        return;
      }
      const definition = { type: TaskTypes.compose, action, files: [...stack.files], profiles: [...stack.profiles], services: [service] };
      await vscode.tasks.executeTask(createTask(definition, folder, `${action} ${service}`, settings));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: {0} of {1} could not start: {2}', action, service, describeError(error)));
    }
  }
}
