// Launching: the compose, locust and pytest task types (TaskProvider), the palette commands that start them,
// and what happens when they end (results offered, recorded in the tracker as evidence).
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { DistributedRuns } from './distributedRun';
import { ComposeResolver } from '../stack/composeResolver';
import { runProcess } from '../stack/processRunner';
import { registerStackView } from '../stack/register';
import { StackClient } from '../stack/stackClient';
import type { ChartOpener } from '../charts/register';
import { LoadTestWizard } from './loadTestWizard';
import { LocustProbe } from './locustProbe';
import { PytestCommand } from './pytestCommand';
import { EvidenceRecorder } from './recordEvidence';
import { StackCommands } from './stackCommands';
import { TaskResults } from './taskResults';
import { LaunchTaskProvider } from './taskProvider';
import { TaskTypes } from './taskFactory';

export const LaunchCommands = {
  runLoadTest: 'executionTracker.runLoadTest',
  runDistributedLoadTest: 'executionTracker.runDistributedLoadTest',
  startStack: 'executionTracker.startStack',
  stopStack: 'executionTracker.stopStack',
  showStackLogs: 'executionTracker.showStackLogs',
  chooseStack: 'executionTracker.chooseStack',
  runTests: 'executionTracker.runTests',
} as const;

export function register(context: vscode.ExtensionContext, services: Services, charts: ChartOpener): void {
  const storage = context.storageUri;
  const resolver = new ComposeResolver(runProcess, services.logger);
  const client = new StackClient(resolver, runProcess);
  const probe = new LocustProbe();
  const recorder = new EvidenceRecorder(services.trackers, services.documents, services.edits);
  const distributed = new DistributedRuns(services.logger);
  const wizard = new LoadTestWizard(services, context.workspaceState, probe, resolver, distributed);
  const stack = new StackCommands(context.workspaceState, client, resolver);
  const pytest = new PytestCommand(context.workspaceState, storage, resolver);
  context.subscriptions.push(
    ...Object.values(TaskTypes).map((type) => vscode.tasks.registerTaskProvider(type, new LaunchTaskProvider(type, storage, services.logger, resolver))),
    distributed,
    new TaskResults(recorder, services.runs, charts, storage, services.logger, distributed),
    vscode.commands.registerCommand(LaunchCommands.runLoadTest, () => wizard.run(false)),
    vscode.commands.registerCommand(LaunchCommands.runDistributedLoadTest, () => wizard.run(true)),
    vscode.commands.registerCommand(LaunchCommands.startStack, () => stack.run('up')),
    vscode.commands.registerCommand(LaunchCommands.stopStack, () => stack.run('down')),
    vscode.commands.registerCommand(LaunchCommands.showStackLogs, () => stack.run('logs')),
    vscode.commands.registerCommand(LaunchCommands.chooseStack, () => stack.choose()),
    vscode.commands.registerCommand(LaunchCommands.runTests, () => pytest.run()),
    resolver,
    stack,
  );
  registerStackView(context, client, resolver, stack, wizard);
}
