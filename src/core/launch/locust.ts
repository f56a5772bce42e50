// `locust` command lines for a headless run: local, in a compose service, and one process of a distributed run
// (the master, a worker, or `--processes N` on Locust 2.19+; distributed.ts plans the whole run). Tags are split
// by us and passed as separate argv items after one `--tags`: Locust takes `--tags api,page` as a single tag and
// runs nothing.
import * as l10n from '@vscode/l10n';
import { inService } from './compose';
import { splitProgram } from './program';
import type { Binaries, CommandLine } from './types';
import {
  addressProblem,
  csvPrefixProblem,
  durationProblem,
  hostProblem,
  integerProblem,
  isWildcardAddress,
  LaunchInputError,
  MAX_WORKERS,
  nameProblem,
  pathProblem,
  quoteForMessage,
  requireAll,
  requireValid,
  spawnRateProblem,
  usersProblem,
} from './validate';
import { optionalBoolean, optionalEnv, optionalList, optionalString } from './values';

/** The `locust` task definition (tasks.json). Values are untrusted and checked by the builders. */
export interface LocustDefinition {
  readonly locustfile: string;
  readonly host?: string;
  readonly users?: number | string;
  readonly spawnRate?: number | string;
  readonly runTime?: string;
  readonly tags?: string | readonly string[];
  readonly excludeTags?: string | readonly string[];
  readonly userClasses?: string | readonly string[];
  readonly csvPrefix?: string;
  readonly fullHistory?: boolean;
  /** true: `<csvPrefix>_report.html`; a string: that path. */
  readonly html?: boolean | string;
  readonly env?: Readonly<Record<string, string>>;
  readonly composeService?: string;
  readonly composeFiles?: readonly string[];
  readonly composeProfiles?: readonly string[];
  readonly composeEnvFile?: string;
  /** Distributed: this many workers. */
  readonly workers?: number | string;
  /** Distributed with separate processes: which one this task is. */
  readonly role?: 'master' | 'worker';
  /** Master port for distributed runs (default 5557). */
  readonly masterPort?: number | string;
  /** The master listens on this address (`--master-bind-host`, default 127.0.0.1). */
  readonly masterBindHost?: string;
  /** A worker connects to this address (`--master-host`, default 127.0.0.1). */
  readonly masterHost?: string;
  /** Seconds the master waits for its workers before giving up (`--expect-workers-max-wait`, Locust 2.4.2+). */
  readonly workersWait?: number | string;
  /** Locust's own log goes to this file (`--logfile`) instead of the terminal; the stats tables stay there. */
  readonly logFile?: string;
}

export const DEFAULT_MASTER_PORT = 5557;
export const DEFAULT_MASTER_HOST = '127.0.0.1';

/** The validated run parameters, shared by the local, master and worker command lines. */
interface RunValues {
  locustfile: string;
  host?: string;
  users?: string;
  spawnRate?: string;
  runTime?: string;
  tags: string[];
  excludeTags: string[];
  userClasses: string[];
  csvPrefix?: string;
  fullHistory: boolean;
  html?: string;
  logFile?: string;
  env: Record<string, string>;
}

const opt = (field: string, value: unknown): string | undefined => {
  const text = optionalString(field, value);
  return text === undefined || text.trim() === '' ? undefined : text;
};

function readValues(def: Record<string, unknown>): RunValues {
  const locustfile = requireValid('locustfile', opt('locustfile', def.locustfile) ?? '', pathProblem);
  const host = opt('host', def.host);
  const users = opt('users', def.users);
  const spawnRate = opt('spawnRate', def.spawnRate);
  const runTime = opt('runTime', def.runTime);
  const csvPrefix = opt('csvPrefix', def.csvPrefix);
  const fullHistory = optionalBoolean('fullHistory', def.fullHistory) ?? false;
  if (fullHistory && csvPrefix === undefined) throw new LaunchInputError('fullHistory', l10n.t('needs a csvPrefix (Locust refuses --csv-full-history without --csv)'));
  let html: string | undefined;
  if (typeof def.html === 'boolean' || def.html === 'true' || def.html === 'false') {
    if (def.html === true || def.html === 'true') {
      if (csvPrefix === undefined) throw new LaunchInputError('html', l10n.t('true needs a csvPrefix to name the report; or give the report path instead'));
      html = `${csvPrefix}_report.html`;
    }
  } else {
    const path = opt('html', def.html);
    if (path !== undefined) html = requireValid('html', path, pathProblem);
  }
  const logFile = opt('logFile', def.logFile);
  return {
    logFile: logFile === undefined ? undefined : requireValid('logFile', logFile, pathProblem),
    locustfile,
    host: host === undefined ? undefined : requireValid('host', host, hostProblem),
    users: users === undefined ? undefined : requireValid('users', users, usersProblem),
    spawnRate: spawnRate === undefined ? undefined : requireValid('spawnRate', spawnRate, spawnRateProblem),
    runTime: runTime === undefined ? undefined : requireValid('runTime', runTime, durationProblem),
    tags: requireAll('tags', optionalList('tags', def.tags), nameProblem),
    excludeTags: requireAll('excludeTags', optionalList('excludeTags', def.excludeTags), nameProblem),
    userClasses: requireAll('userClasses', optionalList('userClasses', def.userClasses), nameProblem),
    csvPrefix: csvPrefix === undefined ? undefined : requireValid('csvPrefix', csvPrefix, csvPrefixProblem),
    fullHistory,
    html,
    env: optionalEnv('env', def.env),
  };
}

function tagArgs(values: RunValues): string[] {
  const args: string[] = [];
  // Right after -f and always followed by another option: `--tags` takes every following word (nargs="*"),
  // so a user class placed after it would be swallowed as a tag.
  if (values.tags.length) args.push('--tags', ...values.tags);
  if (values.excludeTags.length) args.push('--exclude-tags', ...values.excludeTags);
  return args;
}

function runArgs(values: RunValues): string[] {
  const args: string[] = [];
  if (values.host) args.push('--host', values.host);
  if (values.users) args.push('--users', values.users);
  if (values.spawnRate) args.push('--spawn-rate', values.spawnRate);
  if (values.runTime) args.push('--run-time', values.runTime);
  if (values.csvPrefix) args.push('--csv', values.csvPrefix);
  if (values.fullHistory) args.push('--csv-full-history');
  if (values.html) args.push('--html', values.html);
  return args;
}

export function masterPort(def: Record<string, unknown>): string {
  const port = opt('masterPort', def.masterPort);
  return port === undefined ? String(DEFAULT_MASTER_PORT) : requireValid('masterPort', port, (v) => integerProblem(v, 1024, 65535));
}

export function workerCount(def: Record<string, unknown>): number | undefined {
  const workers = opt('workers', def.workers);
  return workers === undefined ? undefined : Number(requireValid('workers', workers, (v) => integerProblem(v, 1, MAX_WORKERS)));
}

/** An address field (`masterBindHost`, `masterHost`), 127.0.0.1 when absent. */
export function addressField(def: Record<string, unknown>, field: 'masterBindHost' | 'masterHost'): string {
  const value = opt(field, def[field]);
  if (value === undefined) return DEFAULT_MASTER_HOST;
  const address = requireValid(field, value, addressProblem);
  if (field === 'masterHost' && isWildcardAddress(address)) throw new LaunchInputError(field, l10n.t('{0} listens everywhere but is no address to connect to; give the master\'s address', quoteForMessage(address)));
  return address;
}

/** Longest wait accepted: a day. 0 means wait for ever, as in Locust. */
const MAX_WORKERS_WAIT = 86_400;

function workersWait(def: Record<string, unknown>): string | undefined {
  const wait = opt('workersWait', def.workersWait);
  return wait === undefined ? undefined : requireValid('workersWait', wait, (v) => integerProblem(v, 0, MAX_WORKERS_WAIT));
}

function withService(def: Record<string, unknown>, line: CommandLine, binaries: Binaries): CommandLine {
  if (opt('composeService', def.composeService) === undefined) return line;
  return inService({ files: def.composeFiles, profiles: def.composeProfiles, envFile: def.composeEnvFile }, def.composeService, line, binaries);
}

function program(args: string[], values: RunValues, binaries: Binaries): CommandLine {
  const { command, prefix } = splitProgram('locustPath', binaries.locust, 'locust');
  const all = [...prefix, ...args];
  return Object.keys(values.env).length ? { command, args: all, env: values.env } : { command, args: all };
}

/**
 * One locust process as the definition describes it: a plain headless run, or with `role` the master or a
 * worker of a distributed run, or with `workers` and no role a `--processes N` run (Locust 2.19+).
 */
export function buildLocustCommand(def: Record<string, unknown>, binaries: Binaries = {}): CommandLine {
  const values = readValues(def);
  const role = opt('role', def.role);
  if (role !== undefined && role !== 'master' && role !== 'worker') throw new LaunchInputError('role', l10n.t('expected "master" or "worker", got {0}', JSON.stringify(role)));
  const workers = workerCount(def);
  const args = ['-f', values.locustfile, ...tagArgs(values)];
  if (role === 'worker') {
    args.push('--worker', '--master-host', addressField(def, 'masterHost'), '--master-port', masterPort(def));
  } else {
    args.push('--headless', ...runArgs(values));
    if (role === 'master') {
      if (workers === undefined) throw new LaunchInputError('workers', l10n.t('a master needs the number of workers to wait for'));
      args.push('--master', '--master-bind-host', addressField(def, 'masterBindHost'), '--master-bind-port', masterPort(def), '--expect-workers', String(workers));
      const wait = workersWait(def);
      if (wait !== undefined) args.push('--expect-workers-max-wait', wait);
    } else if (workers !== undefined) {
      args.push('--processes', String(workers));
    }
  }
  if (values.logFile) args.push('--logfile', values.logFile);
  args.push(...values.userClasses);
  return withService(def, program(args, values, binaries), binaries);
}

/** Path of the stats file a run with this CSV prefix writes (relative to the run's folder). */
export function statsFileFor(csvPrefix: string): string {
  return `${csvPrefix}_stats.csv`;
}
