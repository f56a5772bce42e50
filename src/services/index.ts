// The services every feature reads. Built once in activate(); each owns its listeners and is disposed with
// the extension. Features get them as this object and call them directly, never through commands.
import type * as vscode from 'vscode';
import { EvidenceFiles } from './evidenceFiles';
import { FindingsService } from './findings';
import { LiveRuns } from './liveRuns';
import { workerThreads } from '../core/locust/historyWorkers';
import { disposeAll } from '../util/dispose';
import { vscodeL10nBundle } from './coreL10n';
import { createLogger, describeError, type Logger } from './logger';
import { RunStore } from './runStore';
import { Settings } from './settings';
import { TrackerDocuments } from './trackerDocuments';
import { TrackerEdits } from './trackerEdits';
import { TrackerHistoryService } from './trackerHistory';
import { TrackerStore } from './trackerStore';

export interface Services {
  readonly logger: Logger;
  readonly settings: Settings;
  /** The one cache of tracker models: any markdown document's entry at its current version. */
  readonly documents: TrackerDocuments;
  /** Every change to tracker text: ticks and evidence blocks. */
  readonly edits: TrackerEdits;
  /** Which files are trackers, and their current entries. */
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
  const documents = new TrackerDocuments(() => ({ excludeTemplates: settings.excludeTemplates }));
  const trackers = new TrackerStore(context.workspaceState, settings, documents, logger);
  const evidenceFiles = new EvidenceFiles(logger);
  const historyWorkers = workerThreads(context.asAbsolutePath('dist/historyWorker.js'), (reason) => logger.warn(reason), vscodeL10nBundle());
  const runs = new RunStore(context.workspaceState, settings, trackers, logger, historyWorkers);
  const findings = new FindingsService(trackers, documents, evidenceFiles, settings, runs);
  const history = new TrackerHistoryService(settings, logger);
  const live = new LiveRuns(logger);
  // VS Code disposes context.subscriptions in the order they were pushed; this one entry disposes the services
  // in reverse order of construction (each before the services it uses), logs what fails, and closes the log last.
  context.subscriptions.push({
    dispose: () => {
      try {
        disposeAll([live, history, findings, runs, evidenceFiles, trackers, settings]);
      } catch (error) {
        logger.error(`Disposing the services failed: ${describeError(error)}`);
      } finally {
        logger.dispose();
      }
    },
  });
  return { logger, settings, documents, edits: new TrackerEdits(documents, logger), trackers, evidenceFiles, findings, runs, history, live };
}
