// Typed reads of the `executionTracker.launch.*` settings. Every one of them feeds a command line, so all are
// listed in `capabilities.untrustedWorkspaces.restrictedConfigurations` (VS Code ignores workspace values of
// them until the folder is trusted) and the builders validate them like any other input.
import * as vscode from 'vscode';
import { DEFAULT_CSV_PREFIX_TEMPLATE, type Binaries, type Program } from '../../core/launch';

const SECTION = 'executionTracker.launch';
export const DEFAULT_HOST = 'http://127.0.0.1:8000';

/** A string path, or a list of the command and its arguments (empty entries dropped); the builders validate it. */
const program = (config: vscode.WorkspaceConfiguration, key: string, fallback: string): Program => {
  const value = config.get<unknown>(key);
  if (Array.isArray(value) && value.length > 0) return value.map((part) => (typeof part === 'string' ? part : String(part)));
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
};

const text = (config: vscode.WorkspaceConfiguration, key: string, fallback: string): string => {
  const value = config.get<unknown>(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
};

const wholeNumber = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback);

export interface LaunchSettings {
  /** The compose program is filled in by ComposeResolver (detected or from `composeCommand`); v2 until then. */
  readonly binaries: { readonly locust: Program; readonly docker: string; readonly pytest: string } & Omit<Binaries, 'locust' | 'docker' | 'pytest'>;
  /** `executionTracker.launch.composeCommand`: "auto", "docker compose", "docker-compose" or a command line. */
  readonly composeCommand: unknown;
  readonly csvPrefixTemplate: string;
  /** Folder (relative to the workspace folder) the CSV prefix is placed in; '' for the folder itself. */
  readonly resultsFolder: string;
  readonly defaultHost: string;
  /** Extra environment for load tests (e.g. LOCUST_MUTATIONS_ENABLED). Unvalidated: the builder checks it. */
  readonly env: unknown;
  readonly composeBuild: boolean;
  readonly pytestArgs: unknown;
  /** Seconds a distributed run's master waits for its workers; 0 waits for ever. */
  readonly workersWaitSeconds: number;
}

export function readLaunchSettings(scope?: vscode.ConfigurationScope): LaunchSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    binaries: { locust: program(config, 'locustPath', 'locust'), docker: text(config, 'dockerPath', 'docker'), pytest: text(config, 'pytestPath', 'pytest') },
    composeCommand: config.get<unknown>('composeCommand'),
    csvPrefixTemplate: text(config, 'csvPrefixTemplate', DEFAULT_CSV_PREFIX_TEMPLATE),
    resultsFolder: text(config, 'resultsFolder', '').replace(/[\\/]+$/, ''),
    defaultHost: text(config, 'defaultHost', DEFAULT_HOST),
    env: config.get<unknown>('env'),
    composeBuild: config.get<boolean>('composeBuild', true) !== false,
    pytestArgs: config.get<unknown>('pytestArgs'),
    workersWaitSeconds: wholeNumber(config.get<unknown>('workersWaitSeconds'), 120),
  };
}
