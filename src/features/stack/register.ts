// The Docker stack: the Stack view and its per-service actions. The stack commands of the palette
// (Start/Stop/Logs/Choose) live with the other launch commands; they share the StackClient built here.
import * as vscode from 'vscode';
import type { LoadTestWizard } from '../tasks/loadTestWizard';
import type { StackCommands } from '../tasks/stackCommands';
import { ServiceActions, type ServiceAction } from './serviceActions';
import type { ComposeResolver } from './composeResolver';
import type { StackClient } from './stackClient';
import { StackView, type StackNode } from './stackView';

export const StackViewCommands = {
  refreshStack: 'executionTracker.stack.refresh',
  followLogs: 'executionTracker.stack.logs',
  restartService: 'executionTracker.stack.restart',
  stopService: 'executionTracker.stack.stop',
  startService: 'executionTracker.stack.start',
  openShell: 'executionTracker.stack.openShell',
  serviceLoadTest: 'executionTracker.stack.runLoadTest',
} as const;

export function registerStackView(context: vscode.ExtensionContext, client: StackClient, resolver: ComposeResolver, commands: StackCommands, wizard: LoadTestWizard): void {
  const current = () => commands.current();
  const view = new StackView(client, current);
  const actions = new ServiceActions(client, resolver, current);
  const action = (name: ServiceAction) => (node?: StackNode) => actions.run(name, node);
  context.subscriptions.push(
    view,
    commands.onDidChooseStack(() => void view.refresh()),
    vscode.commands.registerCommand(StackViewCommands.refreshStack, () => view.refresh()),
    vscode.commands.registerCommand(StackViewCommands.followLogs, action('logs')),
    vscode.commands.registerCommand(StackViewCommands.restartService, action('restart')),
    vscode.commands.registerCommand(StackViewCommands.stopService, action('stop')),
    vscode.commands.registerCommand(StackViewCommands.startService, action('start')),
    vscode.commands.registerCommand(StackViewCommands.openShell, action('shell')),
    vscode.commands.registerCommand(StackViewCommands.serviceLoadTest, (node?: StackNode) => {
      const stack = current();
      if (node?.kind === 'service' && stack) return wizard.run(false, { service: node.status.service, files: stack.files, profiles: stack.profiles });
      return undefined;
    }),
  );
}
