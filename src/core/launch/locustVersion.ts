// What the installed Locust can do, from `locust --version`. Debian's python3-locust 2.12.1 prints `locust `
// (its version string is empty), and that emptiness breaks distributed mode: the master reads the worker's
// empty version as "pre 2.0" and rejects every worker. See shared/docs/locust-formats.md §3.7.
import * as l10n from '@vscode/l10n';

export interface LocustVersionInfo {
  /** "2.12.1", or null when Locust printed no version. */
  readonly version: string | null;
  /** `--processes N` exists (2.19.0+). */
  readonly supportsProcesses: boolean;
  /** `--expect-workers-max-wait S` exists (2.4.2+): the master gives up waiting for workers after S seconds. */
  readonly supportsWorkersWait: boolean;
  /** A master accepts workers of this installation. */
  readonly distributedWorks: boolean;
  /** Why distributed runs cannot work here, in one or two sentences; undefined when they can. */
  readonly problem?: string;
}

/** A function, so the text is looked up in the display language when the problem is reported. */
export function emptyVersionProblem(): string {
  return l10n.t(
    'The installed Locust reports an empty version (Debian\'s python3-locust 2.12.1 does), so its master rejects every worker as "pre 2.0" and a distributed run would wait for workers for ever. Install Locust 2.19 or later with pip (it runs workers with --processes), or run a single-process load test.',
  );
}

/** Parses `locust --version` / `locust -V` output (2.12.1: `locust 2.12.1`; 2.46: `locust 2.46.3 from /x (Python 3.12)`). */
export function parseLocustVersion(output: string): LocustVersionInfo {
  const match = /(?:^|\n)[ \t]*locust[ \t]*([^\s(]*)/i.exec(output);
  const raw = match?.[1] ?? '';
  const version = /^\d+(?:\.\d+)*/.exec(raw)?.[0] ?? null;
  if (!version) return { version: null, supportsProcesses: false, supportsWorkersWait: false, distributedWorks: false, problem: emptyVersionProblem() };
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  const atLeast = (a: number, b: number, c: number) => major !== a ? major > a : minor !== b ? minor > b : patch >= c;
  const supportsProcesses = atLeast(2, 19, 0);
  const supportsWorkersWait = atLeast(2, 4, 2);
  if (major < 1) {
    return { version, supportsProcesses: false, supportsWorkersWait: false, distributedWorks: false, problem: l10n.t('Locust {0} is older than 1.0; its distributed options (--master, --worker) are named differently. Install Locust 2.19 or later.', version) };
  }
  return { version, supportsProcesses, supportsWorkersWait, distributedWorks: true };
}
