// "Start Docker Stack" from start to the verdict: check (nothing starts when compose cannot read the files or
// reach the engine), run the `up -d` task, then watch `ps` until every service has stayed up for a moment or
// one of them has stopped. It ends with one message: up (with the time it took), or the reason and the last
// lines a stopped service printed.
import * as vscode from 'vscode';
import { describeServiceState, notRunning, type ServiceStatus } from '../../core/launch';
import type { StackChoice, StackClient } from './stackClient';

/** How long services are watched after `up`, and how long they must stay up to count as started. */
const SETTLE_LIMIT_MS = 15_000;
const STAY_UP_MS = 1_500;
const POLL_MS = 500;

/** Runs a task and resolves with its exit code (undefined when VS Code gives none). */
export function runToEnd(task: vscode.Task): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    let execution: vscode.TaskExecution | undefined;
    const ended = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution === execution || (execution === undefined && event.execution.task.name === task.name)) {
        ended.dispose();
        resolve(event.exitCode);
      }
    });
    vscode.tasks.executeTask(task).then(
      (e) => (execution = e),
      (error: unknown) => {
        ended.dispose();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export async function startStack(client: StackClient, stack: StackChoice, task: vscode.Task): Promise<void> {
  const title = vscode.l10n.t('Start Docker Stack');
  const started = Date.now();
  const verdict = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async (progress) => {
    progress.report({ message: vscode.l10n.t('checking the compose files and the engine…') });
    const checked = await client.check(stack);
    if (!checked.ok) return { ok: false as const, message: checked.message };
    progress.report({ message: vscode.l10n.t('building and starting {0} (see the task terminal)…', checked.services.join(', ')) });
    const exitCode = await runToEnd(task);
    if (exitCode !== 0) {
      return { ok: false as const, message: vscode.l10n.t('Execution Tracker: compose up failed (exit code {0}); the task terminal shows what compose reported.', String(exitCode ?? '?')) };
    }
    progress.report({ message: vscode.l10n.t('waiting for the services to stay up…') });
    const status = await settle(client, stack, checked.services);
    if (!status.ok) return { ok: false as const, message: status.message };
    const down = notRunning(status.services, checked.services);
    if (down.length === 0) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      return { ok: true as const, message: vscode.l10n.t('Execution Tracker: the Docker stack is up in {0} s: {1} running.', seconds, checked.services.join(', ')) };
    }
    const lines = await client.lastLines(checked.compose, stack, down[0].service, 5);
    const said = lines.length ? vscode.l10n.t(' Its last lines: {0}', lines.join(' ⏎ ')) : '';
    return { ok: false as const, message: vscode.l10n.t('Execution Tracker: the Docker stack did not come up: {0}.{1}', down.map(describeServiceState).join('; '), said) };
  });
  if (verdict.ok) void vscode.window.showInformationMessage(verdict.message);
  else void vscode.window.showErrorMessage(verdict.message);
}

type Settled = { ok: true; services: readonly ServiceStatus[] } | { ok: false; message: string };

/** Polls `ps` until every expected service has been running for STAY_UP_MS, one has stopped, or time is up. */
async function settle(client: StackClient, stack: StackChoice, expected: readonly string[]): Promise<Settled> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let upSince: number | undefined;
  for (;;) {
    const checked = await client.status(stack, expected);
    if (!checked.ok) return { ok: false, message: checked.message };
    const down = notRunning(checked.status, expected);
    const stopped = down.some((s) => s.state === 'exited' || s.state === 'dead');
    if (stopped) return { ok: true, services: checked.status };
    if (down.length === 0) {
      upSince ??= Date.now();
      if (Date.now() - upSince >= STAY_UP_MS) return { ok: true, services: checked.status };
    } else {
      upSince = undefined;
    }
    if (Date.now() > deadline) return { ok: true, services: checked.status };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
