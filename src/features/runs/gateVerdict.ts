// The CI gate's verdict in the Runs view: every run judged on the criteria its workspace's trackers state
// (the same limits `gate RUN --workspace DIR` applies without flags), and the failed checks in words.
import * as vscode from 'vscode';
import { evaluateGate, type GateCheck, type GateRun } from '../../core/gate/gate';
import { formatValue, limitText } from '../../core/gate/format';
import type { GateMetric } from '../../core/gate/limits';
import type { TrackerLimits } from '../../services/trackerLimits';

export interface FailedCheck {
  readonly check: GateCheck;
  /** The tracker whose criterion failed. */
  readonly uri: vscode.Uri;
}

/** Failed checks of `run` over every tracker's criteria; empty when it passes (or nothing judges it). */
export function failedChecks(run: GateRun, trackers: readonly TrackerLimits[]): FailedCheck[] {
  return trackers.flatMap(({ uri, limits }) => (limits.length ? evaluateGate({ run, limits }).checks.filter((c) => !c.pass).map((check) => ({ check, uri })) : []));
}

function metricName(metric: GateMetric): string {
  switch (metric) {
    case 'p50':
      return vscode.l10n.t('P50');
    case 'p95':
      return vscode.l10n.t('P95');
    case 'p99':
      return vscode.l10n.t('P99');
    case 'avg':
      return vscode.l10n.t('Average');
    case 'failureRate':
      return vscode.l10n.t('Failure rate');
    case 'successRate':
      return vscode.l10n.t('Success rate');
    case 'rps':
      return vscode.l10n.t('RPS');
  }
}

/** "P95 of Aggregated is 170ms, the tracker asks < 150ms (MASTER_EXECUTION_TRACKER.md:633)". */
export function describeFailure({ check, uri }: FailedCheck): string {
  const value = check.value === null ? vscode.l10n.t('not measured') : formatValue(check.metric, check.value);
  const where = check.source.kind === 'tracker' ? `${vscode.workspace.asRelativePath(uri)}:${check.source.line + 1}` : '';
  return vscode.l10n.t('{0} of {1} is {2}, the tracker asks {3} ({4})', metricName(check.metric), check.endpoint, value, limitText(check), where);
}
