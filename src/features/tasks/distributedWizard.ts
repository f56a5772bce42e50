// The distributed steps of "Run Distributed Load Test…": where the master listens (127.0.0.1, one of this
// machine's addresses, or one typed), how many of the workers run here, a free master port, and the worker
// command for the other machines with a Copy button.
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import * as vscode from 'vscode';
import { addressProblem, DEFAULT_MASTER_HOST, DEFAULT_MASTER_PORT, formatCommandLine, integerProblem, isLoopbackAddress, type DistributedPlan } from '../../core/launch';
import { inputStep, pickOne, type Step } from './quickInput';

export interface Placement {
  readonly bindHost: string;
  readonly localWorkers: number;
}

interface AddressItem extends vscode.QuickPickItem {
  readonly address?: string;
}

/** This machine's IPv4 addresses other machines may reach, with their interface names. */
function machineAddresses(): Array<{ address: string; name: string }> {
  return Object.entries(networkInterfaces()).flatMap(([name, list]) => (list ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => ({ address: a.address, name })));
}

/** Asks where the master listens and, for an address others can reach, how many workers run here. */
export async function askPlacement(step: (n: number) => Step, first: number, workers: number, last: string | undefined): Promise<Placement | undefined> {
  const here: AddressItem = { label: DEFAULT_MASTER_HOST, description: vscode.l10n.t('this machine only: every worker runs here'), address: DEFAULT_MASTER_HOST };
  const others: AddressItem[] = machineAddresses().map(({ address, name }) => ({ label: address, description: vscode.l10n.t('{0}: workers on other machines connect here', name), address }));
  const typed: AddressItem = { label: vscode.l10n.t('Another address…'), description: vscode.l10n.t('an address or host name of this machine') };
  const items = [here, ...others, typed].sort((a, b) => Number(b.address === last) - Number(a.address === last));
  const picked = await pickOne(step(first), vscode.l10n.t('Where the master listens for its workers'), items);
  if (!picked) return undefined;
  const bindHost = picked.address ?? (await inputStep(step(first), vscode.l10n.t('Address the master listens on (the workers connect to it)'), last ?? '', addressProblem));
  if (bindHost === undefined) return undefined;
  if (isLoopbackAddress(bindHost)) return { bindHost, localWorkers: workers };
  const local = await inputStep(step(first + 1), vscode.l10n.t('How many of the {0} workers run on this machine? You start the others on their machines.', workers), '0', (v) => integerProblem(v, 0, workers));
  return local === undefined ? undefined : { bindHost, localWorkers: Number(local) };
}

/** 5557 when it is free on `host`, otherwise a port the system picks; Locust binds it right after. */
export function masterPortFor(host: string): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen({ host: host === '*' ? undefined : host, port, exclusive: true }, () => {
        const address = server.address();
        const found = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => resolve(found));
      });
    });
  return tryPort(DEFAULT_MASTER_PORT).then(async (port) => port ?? (await tryPort(0)) ?? DEFAULT_MASTER_PORT);
}

/** The worker command for the other machines, offered until dismissed, with a Copy button. */
export async function offerWorkerCommand(name: string, plan: DistributedPlan): Promise<void> {
  if (!plan.remoteWorker) return;
  const command = formatCommandLine(plan.remoteWorker);
  const remote = plan.expectedWorkers - plan.workers.length;
  const copy = vscode.l10n.t('Copy worker command');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Distributed load test {0}: start {1} worker(s) on the other machines (same locustfile there), each with: {2}', name, remote, command),
    copy,
  );
  if (choice !== copy) return;
  await vscode.env.clipboard.writeText(command);
  void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: the worker command is on the clipboard.'));
}
