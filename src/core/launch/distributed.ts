// A whole distributed run planned at once, so every process is validated before any starts: with Locust 2.19+
// one process forks its workers (`--processes N`); otherwise a master plus worker processes, some on this
// machine and the rest on other machines (the master then listens on an address they can reach, and the plan
// carries the worker command to run there).
import * as l10n from '@vscode/l10n';
import { addressField, buildLocustCommand, masterPort, workerCount } from './locust';
import type { LocustVersionInfo } from './locustVersion';
import type { Binaries, CommandLine } from './types';
import { integerProblem, isLoopbackAddress, isWildcardAddress, LaunchInputError, requireValid } from './validate';
import { optionalString } from './values';

export interface DistributedPlan {
  readonly mode: 'processes' | 'master-workers';
  /** The process whose end is the end of the run (it writes the CSVs and the report). */
  readonly master: CommandLine;
  /** Worker processes to start on this machine (empty with --processes). */
  readonly workers: readonly CommandLine[];
  /** The command each worker on another machine runs; undefined when every worker runs here. */
  readonly remoteWorker?: CommandLine;
  /** Workers the master waits for, here and elsewhere. */
  readonly expectedWorkers: number;
  /** Where the master listens. */
  readonly bindHost: string;
  readonly port: number;
}

function localWorkerCount(def: Record<string, unknown>, total: number): number {
  const raw = optionalString('localWorkers', def.localWorkers);
  if (raw === undefined || raw.trim() === '') return total;
  return Number(requireValid('localWorkers', raw, (v) => integerProblem(v, 0, total)));
}

/**
 * Plans a distributed run. `workers` is the number the master waits for; `localWorkers` (default: all of them)
 * run on this machine; `masterBindHost` is where the master listens (default 127.0.0.1), `masterHost` where the
 * other machines reach it (default: the bind address). Throws with the reason when the installed Locust cannot
 * run distributed (Debian's 2.12.1: empty version, workers rejected) or the plan cannot work.
 */
export function planDistributed(def: Record<string, unknown>, locust: LocustVersionInfo, binaries: Binaries = {}): DistributedPlan {
  const workers = workerCount(def);
  if (workers === undefined) throw new LaunchInputError('workers', l10n.t('give the number of worker processes (at least 1)'));
  if (!locust.distributedWorks) throw new LaunchInputError('workers', locust.problem ?? l10n.t('the installed Locust cannot run distributed'));
  if (optionalString('composeService', def.composeService)?.trim()) {
    throw new LaunchInputError('composeService', l10n.t('a distributed run in compose scales the worker service: use a compose task with "scale" and run the master in its service'));
  }
  const local = localWorkerCount(def, workers);
  const remote = workers - local;
  const bindHost = addressField(def, 'masterBindHost');
  const port = masterPort(def);
  if (remote > 0 && isLoopbackAddress(bindHost)) {
    throw new LaunchInputError('masterBindHost', l10n.t('{0} worker(s) on other machines cannot reach a master listening on {1}; bind it to an address they can reach', remote, bindHost));
  }
  const wait = optionalString('workersWait', def.workersWait);
  if (wait !== undefined && wait.trim() !== '' && wait.trim() !== '0' && !locust.supportsWorkersWait) {
    throw new LaunchInputError('workersWait', l10n.t('Locust {0} cannot stop waiting for workers (--expect-workers-max-wait needs 2.4.2 or later); use 0 to wait for ever', locust.version ?? '?'));
  }
  const base = { ...def, role: undefined, localWorkers: undefined, workers, workersWait: wait?.trim() === '0' ? undefined : wait };
  // Forked workers are always local; a chosen address or remote workers need a real master.
  const plainLocal = remote === 0 && def.masterBindHost === undefined;
  if (locust.supportsProcesses && plainLocal) {
    return { mode: 'processes', master: buildLocustCommand({ ...base, masterPort: undefined }, binaries), workers: [], expectedWorkers: workers, bindHost, port: Number(port) };
  }
  const master = buildLocustCommand({ ...base, role: 'master' }, binaries);
  // Workers never get the master's log file, results or report: only the master writes them.
  const workerBase = { ...base, role: 'worker', logFile: undefined, csvPrefix: undefined, fullHistory: undefined, html: undefined };
  const localWorker = buildLocustCommand({ ...workerBase, masterHost: isWildcardAddress(bindHost) ? '127.0.0.1' : bindHost }, binaries);
  let remoteWorker: CommandLine | undefined;
  if (remote > 0) {
    const reachAt = def.masterHost ?? (isWildcardAddress(bindHost) ? undefined : bindHost);
    if (reachAt === undefined) throw new LaunchInputError('masterHost', l10n.t('a master listening on every interface has no single address: give the one the other machines reach it at'));
    remoteWorker = buildLocustCommand({ ...workerBase, masterHost: reachAt }, binaries);
  }
  return { mode: 'master-workers', master, workers: Array.from({ length: local }, () => localWorker), remoteWorker, expectedWorkers: workers, bindHost, port: Number(port) };
}
