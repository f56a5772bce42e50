// Reads a tracker's history with two git processes: one `git log` for the commits and blob ids, one
// `git cat-file --batch` for the blobs the cache lacks. Node only (no vscode), so the real-git unit tests run
// it as the extension does; parsing and counting are the core's.
import { spawn } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { CAT_FILE_ARGS, catFileInput, parseCatFile } from '../core/history/catFile';
import { gitLogArgs, parseGitLog } from '../core/history/gitLog';
import { addToCache, blobsToRead, buildHistory, type CountOptions, type CountsCache, type TrackerHistory } from '../core/history/points';
import { describeGitFailure, noCommitsMessage } from '../core/history/report';

export class GitHistoryError extends Error {}

export interface GitCommand {
  /** The git binary ('git' unless the user set one). */
  readonly binary: string;
}

/** Runs git in `cwd`, resolving with stdout; rejects with one line naming `file` when git fails or is absent. */
export function runGit(command: GitCommand, file: string, cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.binary, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(new GitHistoryError(describeGitFailure(file, { code: error.code, stderr: '' }))));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitHistoryError(describeGitFailure(file, { code: code === null ? 'killed' : `exit ${code}`, stderr: Buffer.concat(err).toString('utf8') })));
    });
    // A closed stdin (git exited early) must not crash the host with EPIPE; the exit code says what happened.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** The history of `file` (an absolute path), filling `cache` with the counts of blobs not seen before. */
export async function loadHistory(file: string, cache: CountsCache, options: CountOptions, command: GitCommand = { binary: 'git' }): Promise<TrackerHistory & { readonly blobsRead: number }> {
  const cwd = dirname(file);
  const log = parseGitLog((await runGit(command, file, cwd, gitLogArgs(basename(file)))).toString('utf8'));
  if (!log.entries.length) throw new GitHistoryError(noCommitsMessage(file));
  const ids = blobsToRead(log, cache, options);
  if (ids.length) addToCache(cache, log, parseCatFile(await runGit(command, file, cwd, CAT_FILE_ARGS, catFileInput(ids))), options);
  return { ...buildHistory(log, cache, options), blobsRead: ids.length };
}

/** The file's bytes at two blobs (one cat-file process), for the task changes of a range. */
export async function readBlobs(file: string, ids: readonly string[], command: GitCommand = { binary: 'git' }): Promise<Map<string, Uint8Array | null>> {
  if (!ids.length) return new Map();
  return parseCatFile(await runGit(command, file, dirname(file), CAT_FILE_ARGS, catFileInput(ids)));
}
