// `history FILE [--since DATE] [--json]`: the tracker's progress at every commit that changed it. The git
// processes run here (synchronously, as the CLI is); parsing and counting are the core's.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { CAT_FILE_ARGS, catFileInput, parseCatFile } from '../core/history/catFile';
import { gitLogArgs, parseGitLog } from '../core/history/gitLog';
import { addToCache, blobsToRead, buildHistory, type CountsCache } from '../core/history/points';
import { parseDateArg } from '../core/history/range';
import { describeGitFailure, formatHistory, historyJson, noCommitsMessage } from '../core/history/report';
import { CliError } from './io';

const USAGE = 'usage: history FILE [--since YYYY-MM-DD] [--json]';
const MAX_OUTPUT = 1 << 30;

function git(file: string, args: readonly string[], input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd: dirname(resolve(file)), input, maxBuffer: MAX_OUTPUT, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    throw new CliError(describeGitFailure(file, { code: e.code, stderr: e.stderr?.toString('utf8') ?? '' }));
  }
}

export function historyCommand(args: readonly string[], write: (text: string) => void): number {
  let json = false;
  let since: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--since') {
      since = args[++i];
      if (since === undefined) throw new CliError(`history: --since needs a date (${USAGE})`);
    } else if (arg.startsWith('--')) throw new CliError(`history: unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new CliError(`history: expected exactly one FILE (${USAGE})`);
  const sinceMs = since === undefined ? undefined : parseDateArg(since);
  if (since !== undefined && sinceMs === undefined) throw new CliError(`history: --since "${since}" is not a date (expected YYYY-MM-DD or an ISO date-time)`);
  const file = files[0];
  try {
    if (!statSync(file).isFile()) throw new CliError(`${file}: is not a file`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: cannot read file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const log = parseGitLog(git(file, gitLogArgs(basename(file))).toString('utf8'));
  if (!log.entries.length) throw new CliError(noCommitsMessage(file));
  const cache: CountsCache = new Map();
  const ids = blobsToRead(log, cache);
  if (ids.length) addToCache(cache, log, parseCatFile(git(file, CAT_FILE_ARGS, catFileInput(ids))));
  const report = historyJson(file, buildHistory(log, cache), sinceMs);
  write(json ? JSON.stringify(report, null, 2) : formatHistory(report));
  return 0;
}
