// The CSV prefix a new run is offered: the template setting filled with the next run version that no result
// file and no tracker summary uses yet. Shared by the load test wizard and the Scenarios view.
import * as vscode from 'vscode';
import { fillCsvPrefixTemplate, nextRunVersion } from '../../core/launch';
import type { Services } from '../../services';

export interface PrefixValues {
  readonly users: string;
  readonly spawnRate: string;
  readonly runTime: string;
  readonly tags: string;
}

export async function suggestCsvPrefix(services: Services, template: string, resultsFolder: string, values: PrefixValues): Promise<string> {
  await Promise.all([services.runs.whenReady(), services.trackers.whenReady()]);
  const files = services.runs.runs().flatMap((run) => Object.values(run.files).filter((f): f is string => typeof f === 'string'));
  const labels = [...services.runs.trackerRuns().map((run) => run.label), ...services.runs.runs().map((run) => run.meta.version)];
  const version = nextRunVersion(files, labels);
  const filled = fillCsvPrefixTemplate(template, { ...values, version, date: new Date().toISOString().slice(0, 10) });
  if ('error' in filled) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: setting executionTracker.launch.csvPrefixTemplate: {0}. Using the default.', filled.error));
    const fallback = fillCsvPrefixTemplate('hasil_test_v{version}_{users}u_r{spawnRate}', { ...values, version });
    return 'prefix' in fallback ? fallback.prefix : `run_v${version}`;
  }
  return resultsFolder ? `${resultsFolder}/${filled.prefix}` : filled.prefix;
}

/** Locust before 2.19.1 fails when the CSV prefix's folder is missing; create it. */
export async function ensurePrefixFolder(folder: vscode.WorkspaceFolder, csvPrefix: string): Promise<void> {
  const slash = csvPrefix.lastIndexOf('/');
  if (slash > 0) await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, csvPrefix.slice(0, slash)));
}
