// Worker thread entry (dist/historyWorker.js): reads the part of a _stats_history.csv it is given and posts back
// what it found. Started by core/locust/historyWorkers.ts, one worker per part; it ends when the part is read.
import * as l10n from '@vscode/l10n';
import { parentPort, workerData } from 'node:worker_threads';
import { partBuffers, readHistoryPart, type HistoryPartJob } from './core/locust/historyParts';

const job = workerData as HistoryPartJob;
if (job.l10n) l10n.config({ contents: job.l10n });
const outcome = readHistoryPart(job);
parentPort?.postMessage(outcome, partBuffers(outcome));
