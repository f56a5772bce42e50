// "Run Load Test…" and "Run Distributed Load Test…": locustfile, host, users, spawn rate, run time, tags,
// exclude tags, (workers,) CSV prefix; each step validated inline by the core validators, the last values
// remembered per workspace. The run is a `locust` task like any from tasks.json.
import * as vscode from 'vscode';
import {
  csvPrefixProblem,
  durationProblem,
  findLocustTags,
  hostProblem,
  integerProblem,
  MAX_WORKERS,
  nameProblem,
  planDistributed,
  spawnRateProblem,
  usersProblem,
} from '../../core/launch';
import type { Services } from '../../services';
import { describeError } from '../../services/logger';
import { ensurePrefixFolder, suggestCsvPrefix } from './csvPrefixSuggestion';
import { findLocustfiles, readText, type FoundFile } from './detect';
import type { ComposeResolver } from '../stack/composeResolver';
import type { DistributedRuns } from './distributedRun';
import { askPlacement, masterPortFor, offerWorkerCommand, type Placement } from './distributedWizard';
import type { LocustProbe } from './locustProbe';
import { inputStep, namesStep, pickOne, type Step } from './quickInput';
import { createTask, TaskTypes, type TaskDefinitionLike } from './taskFactory';
import { ensureTrusted } from './trust';

const LAST_KEY = 'executionTracker.launch.lastLoadTest';

/** A running service of the chosen stack to run Locust in. */
export interface InService {
  readonly service: string;
  readonly files: readonly string[];
  readonly profiles: readonly string[];
}

interface Remembered {
  locustfile?: string;
  host?: string;
  users?: string;
  spawnRate?: string;
  runTime?: string;
  tags?: string[];
  excludeTags?: string[];
  workers?: string;
  masterBindHost?: string;
}

export class LoadTestWizard {
  constructor(
    private readonly services: Services,
    private readonly state: vscode.Memento,
    private readonly probe: LocustProbe,
    private readonly resolver: ComposeResolver,
    private readonly distributed: DistributedRuns,
  ) {}

  /** `inService`: run Locust inside that running service of the stack (from the Stack view) through exec. */
  async run(distributed: boolean, inService?: InService): Promise<void> {
    const title = distributed ? vscode.l10n.t('Run Distributed Load Test') : vscode.l10n.t('Run Load Test');
    if (!ensureTrusted(title)) return;
    const locustfiles = await findLocustfiles();
    if (locustfiles.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: no locustfile found (locustfile.py, or a *locust*.py that defines a User class). Add one to the workspace and try again.'));
      return;
    }
    const last = this.state.get<Remembered>(LAST_KEY, {});
    const total = distributed ? 11 : 8;
    const step = (n: number): Step => ({ title, step: n, totalSteps: total });

    const file = await this.pickLocustfile(step(1), locustfiles, last.locustfile);
    if (!file) return;
    const settings = await this.resolver.settingsFor(file.folder);

    if (distributed) {
      const info = await this.probe.version(settings.binaries.locust, file.folder.uri.fsPath);
      if (info.error || !info.distributedWorks) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: cannot run a distributed load test: {0}', info.error ?? info.problem ?? ''), { modal: false });
        return;
      }
    }

    const host = await inputStep(step(2), vscode.l10n.t('Host to load test (http:// or https:// URL)'), last.host ?? settings.defaultHost, hostProblem);
    if (host === undefined) return;
    const users = await inputStep(step(3), vscode.l10n.t('Number of users (a whole number, at least 1)'), last.users ?? '10', usersProblem);
    if (users === undefined) return;
    const spawnRate = await inputStep(step(4), vscode.l10n.t('Spawn rate (users started per second, above 0)'), last.spawnRate ?? users, spawnRateProblem);
    if (spawnRate === undefined) return;
    const runTime = await inputStep(step(5), vscode.l10n.t('Run time in Locust\'s syntax (45s, 10m, 1h30m)'), last.runTime ?? '1m', durationProblem);
    if (runTime === undefined) return;

    const knownTags = findLocustTags(await readText(file.uri));
    const tagHint = vscode.l10n.t('Pick tags, or type names separated by commas or spaces; Enter with none runs every task');
    const tags = await namesStep(step(6), tagHint, knownTags, last.tags ?? [], nameProblem);
    if (tags === undefined) return;
    const excludeTags = await namesStep(step(7), vscode.l10n.t('Tags to exclude (optional): pick or type, then Enter'), knownTags, last.excludeTags ?? [], nameProblem);
    if (excludeTags === undefined) return;

    let workers: string | undefined;
    let placement: Placement | undefined;
    if (distributed) {
      workers = await inputStep(step(8), vscode.l10n.t('Number of workers the master waits for (here and on other machines)'), last.workers ?? '2', (v) => integerProblem(v, 1, MAX_WORKERS));
      if (workers === undefined) return;
      placement = await askPlacement(step, 9, Number(workers), last.masterBindHost);
      if (placement === undefined) return;
    }

    const suggestion = await suggestCsvPrefix(this.services, settings.csvPrefixTemplate, settings.resultsFolder, { users, spawnRate, runTime, tags: tags.join('-') });
    const csvPrefix = await inputStep(step(total), vscode.l10n.t('CSV prefix: the results are written to <prefix>_stats.csv and siblings'), suggestion, csvPrefixProblem);
    if (csvPrefix === undefined) return;

    await this.state.update(LAST_KEY, { locustfile: file.uri.toString(), host, users, spawnRate, runTime, tags, excludeTags, workers, masterBindHost: placement?.bindHost ?? last.masterBindHost } satisfies Remembered);

    // In a service the paths stay relative: the sample stack mounts the workspace as the working directory.
    const where = inService ? { composeService: inService.service, composeFiles: [...inService.files], composeProfiles: [...inService.profiles] } : {};
    const definition: TaskDefinitionLike = { type: TaskTypes.locust, locustfile: file.relative, host, users, spawnRate, runTime, tags, excludeTags, csvPrefix, fullHistory: true, html: true, ...where };
    try {
      await ensurePrefixFolder(file.folder, csvPrefix);
      if (!distributed) {
        await vscode.tasks.executeTask(createTask(definition, file.folder, csvPrefix, settings));
        return;
      }
      await this.startDistributed(definition, Number(workers), placement ?? { bindHost: '127.0.0.1', localWorkers: Number(workers) }, file.folder, csvPrefix);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: the load test could not start: {0}', describeError(error)));
    }
  }

  private async startDistributed(definition: TaskDefinitionLike, workers: number, placement: Placement, folder: vscode.WorkspaceFolder, name: string): Promise<void> {
    const settings = await this.resolver.settingsFor(folder);
    const info = await this.probe.version(settings.binaries.locust, folder.uri.fsPath);
    const masterPort = await masterPortFor(placement.bindHost);
    const run = {
      ...definition, workers, masterBindHost: placement.bindHost, masterPort, localWorkers: placement.localWorkers, logFile: `${name}_master.log`,
      workersWait: info.supportsWorkersWait ? settings.workersWaitSeconds : undefined,
    };
    // Validates the whole plan (and the version) before anything starts.
    const plan = planDistributed(run, info, settings.binaries);
    if (plan.mode === 'processes') {
      await vscode.tasks.executeTask(createTask({ ...definition, workers }, folder, name, settings));
      return;
    }
    // localWorkers belongs to the plan, not to any one task.
    const master: TaskDefinitionLike = { ...run, localWorkers: undefined, role: 'master' };
    delete master.localWorkers;
    await this.distributed.start({ folder, name, definition: master, plan, settings, logFile: run.logFile });
    void offerWorkerCommand(name, plan);
  }

  private async pickLocustfile(step: Step, files: readonly FoundFile[], last: string | undefined): Promise<FoundFile | undefined> {
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const ordered = [...files].sort((a, b) => Number(b.uri.toString() === last) - Number(a.uri.toString() === last));
    const picked = await pickOne(step, vscode.l10n.t('Locustfile to run'), ordered.map((file) => ({ label: file.relative, description: multiRoot ? file.folder.name : undefined, file })));
    return picked?.file;
  }
}
