// The services every feature reads. Built once in activate(); each owns its listeners and is disposed with
// the extension.
import type * as vscode from 'vscode';
import { EvidenceFiles } from './evidenceFiles';
import { FindingsService } from './findings';
import { LiveRuns } from './liveRuns';
import { createLogger, type Logger } from './logger';
import { RunStore } from './runStore';
import { Settings } from './settings';
import { TrackerHistoryService } from './trackerHistory';
import { TrackerStore } from './trackerStore';

export interface Services {
  readonly logger: Logger;
  readonly settings: Settings;
  readonly trackers: TrackerStore;
  readonly evidenceFiles: EvidenceFiles;
  readonly findings: FindingsService;
  readonly runs: RunStore;
  readonly history: TrackerHistoryService;
  /** Load tests running now, followed as they write their history file. */
  readonly live: LiveRuns;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const logger = createLogger();
  const settings = new Settings();
  const trackers = new TrackerStore(context.workspaceState, settings, logger);
  const evidenceFiles = new EvidenceFiles(logger);
  const runs = new RunStore(context.workspaceState, settings, trackers, logger);
  const findings = new FindingsService(trackers, evidenceFiles, settings, runs);
  const history = new TrackerHistoryService(settings, logger);
  const live = new LiveRuns(logger);
  // Reverse order of construction: each service goes before the services it uses.
  context.subscriptions.push(logger, settings, trackers, evidenceFiles, runs, findings, history, live);
  return { logger, settings, trackers, evidenceFiles, findings, runs, history, live };
}
