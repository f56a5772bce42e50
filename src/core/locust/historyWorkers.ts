// Parts of a history file read on worker threads: one short-lived worker per part, running the bundled worker
// script (src/historyWorker.ts), which reads its part and posts back what it found, the arrays moved, not copied.
import { availableParallelism } from 'node:os';
import type { Worker as WorkerThread } from 'node:worker_threads';
import type { HistoryParallelism, HistoryPartRunner } from './historyParallel';
import type { HistoryPartOutcome } from './historyParts';

/** At most this many threads: past it, the disk and the merge are the limit, not the parsing. */
const MAX_THREADS = 8;

/** `l10n`: the display language's strings for the workers' messages (the CLI has none: English). */
export function workerThreads(script: string, onFallback?: (reason: string) => void, l10n?: Record<string, string>): HistoryParallelism {
  return { runPart: workerPartRunner(script, l10n), threads: Math.min(MAX_THREADS, availableParallelism()), onFallback };
}

function workerPartRunner(script: string, l10n: Record<string, string> | undefined): HistoryPartRunner {
  return (job, signal) =>
    new Promise<HistoryPartOutcome>((resolve, reject) => {
      if (signal?.aborted) return reject(new DOMException('The operation was aborted', 'AbortError'));
      // Required here, not at the top: worker_threads is loaded the first time a file is big enough, not at activation.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Worker } = require('node:worker_threads') as { Worker: typeof WorkerThread };
      const worker = new Worker(script, { workerData: { ...job, l10n } });
      const onAbort = () => {
        void worker.terminate();
        reject(new DOMException('The operation was aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.once('message', (outcome: HistoryPartOutcome) => resolve(outcome));
      worker.once('error', reject);
      worker.once('exit', (code) => {
        signal?.removeEventListener('abort', onAbort);
        // After a message this changes nothing; without one, the worker died before it could say why.
        reject(new Error(`history worker exited with code ${code} before it answered`));
      });
    });
}
