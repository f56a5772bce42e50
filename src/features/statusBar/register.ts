// The status bar's progress item and the open-tasks list it opens.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { Commands } from '../commands';
import { showOpenTasks } from './openTasksPick';
import { ProgressStatusItem } from './progressItem';

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    new ProgressStatusItem(services.trackers),
    vscode.commands.registerCommand(Commands.showOpenTasks, (uri?: vscode.Uri) => showOpenTasks(services.trackers, uri)),
  );
}
