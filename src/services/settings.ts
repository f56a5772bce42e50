// Typed reads of the `executionTracker.*` settings. Values are read on demand so a change is seen at once;
// `onDidChange` tells listeners which of them to re-read.
import * as vscode from 'vscode';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../core/checks/types';
import { DEFAULT_REGRESSION_THRESHOLD_PERCENT } from '../core/locust/compare';
import { DEFAULT_RUN_PATTERN } from '../core/locust/naming';
import { Disposable } from '../util/dispose';

const SECTION = 'executionTracker';

export const DEFAULT_TRACKER_GLOB = '**/*TRACKER*.md';
export const DEFAULT_REFRESH_DELAY_MS = 250;
const MAX_REFRESH_DELAY_MS = 10_000;

export class Settings extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<vscode.ConfigurationChangeEvent>());
  /** Fires when any `executionTracker.*` setting changes; call `affects(event, key)` to narrow it. */
  readonly onDidChange = this._onDidChange.event;

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION)) this._onDidChange.fire(event);
      }),
    );
  }

  static affects(event: vscode.ConfigurationChangeEvent, key: string): boolean {
    return event.affectsConfiguration(`${SECTION}.${key}`);
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  /** Glob (relative to each workspace folder) that finds tracker files. */
  get trackerGlob(): string {
    const value = this.config.get<unknown>('files');
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_TRACKER_GLOB;
  }

  get excludeTemplates(): boolean {
    return this.config.get<boolean>('excludeTemplates', true) !== false;
  }

  get refreshDelayMs(): number {
    const value = this.config.get<unknown>('refreshDelayMs');
    if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_REFRESH_DELAY_MS;
    return Math.min(Math.max(0, Math.round(value)), MAX_REFRESH_DELAY_MS);
  }

  /** Regular expression (named groups version, users, spawnRate, pool, variant) read from Locust run prefixes. */
  get runNamePattern(): string {
    const value = this.config.get<unknown>('runNamePattern');
    return typeof value === 'string' && value.trim() !== '' ? value : DEFAULT_RUN_PATTERN;
  }

  get codeLensEnabled(): boolean {
    return this.config.get<boolean>('codeLens.enabled', true) !== false;
  }

  /** Percent a metric may worsen against the reference run before the chart calls it a regression (0-1000). */
  get regressionThresholdPercent(): number {
    const value = this.config.get<unknown>('charts.regressionThresholdPercent');
    if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_REGRESSION_THRESHOLD_PERCENT;
    return Math.min(Math.max(0, value), 1000);
  }

  /** Week nodes show "+N this week" from the tracker's git history. */
  get weekChangesThisWeek(): boolean {
    return this.config.get<boolean>('tree.weekChangesThisWeek', false) === true;
  }

  /** The pinned baseline run id (Runs view → Set as Baseline); a setting, so the CLI's `gate` reads it too. */
  get baselineRun(): string | undefined {
    const value = this.config.get<unknown>('baselineRun');
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }

  /** Writes the baseline to the workspace's settings (.vscode/settings.json, or the .code-workspace file). */
  async setBaselineRun(id: string | undefined): Promise<void> {
    await this.config.update('baselineRun', id, vscode.ConfigurationTarget.Workspace);
  }

  get checksEnabled(): boolean {
    return this.config.get<boolean>('checks.enabled', true) !== false;
  }

  /** Per-rule severity overrides (`error`, `warning`, `info`, `hint` or `off`); unknown values are ignored. */
  get checkSeverities(): Record<string, SeveritySetting> {
    const value = this.config.get<unknown>('checks.rules');
    const out: Record<string, SeveritySetting> = {};
    if (value && typeof value === 'object') {
      for (const [rule, severity] of Object.entries(value)) {
        if ((SEVERITY_SETTINGS as readonly unknown[]).includes(severity)) out[rule] = severity as SeveritySetting;
      }
    }
    return out;
  }
}
