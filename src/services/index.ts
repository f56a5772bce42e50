// The services every feature reads. Built once in activate(); each owns its listeners and is disposed with
// the extension.
import type * as vscode from 'vscode';
import { createLogger, type Logger } from './logger';
import { Settings } from './settings';
import { TrackerStore } from './trackerStore';

export interface Services {
  readonly logger: Logger;
  readonly settings: Settings;
  readonly trackers: TrackerStore;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const logger = createLogger();
  const settings = new Settings();
  const trackers = new TrackerStore(context.workspaceState, settings, logger);
  // Reverse order of construction: the store goes before the settings and the log it uses.
  context.subscriptions.push(logger, settings, trackers);
  return { logger, settings, trackers };
}
