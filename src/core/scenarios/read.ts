// Running the static reader: Python with the script from pythonSource.ts, the locustfile's bytes on stdin. The
// interpreter is the one Locust itself runs under (its launcher's `#!` line), so the syntax accepted is
// Locust's; argv only, isolated mode, a neutral cwd (nothing of the workspace can be imported), a time limit.
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { readerFailed, scenariosFromReaderOutput, type LocustScenarios } from './model';
import { READER_SCRIPT } from './pythonSource';

export const READER_ARGS: readonly string[] = ['-I', '-S', '-B', '-c', READER_SCRIPT];
/** Locustfiles are small; anything larger is not read (and not piped to a process). */
export const MAX_LOCUSTFILE_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

function tooLarge(file: string, bytes: number): LocustScenarios | undefined {
  return bytes > MAX_LOCUSTFILE_BYTES ? readerFailed(file, l10n.t('{0} bytes: too large for a locustfile, not read', bytes)) : undefined;
}

function spawnFailed(file: string, python: string, error: unknown): LocustScenarios {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return readerFailed(file, l10n.t('Python ({0}) was not found: it reads the locustfile (set executionTracker.launch.locustPath to the Locust you run)', python));
  if (code === 'ETIMEDOUT' || (error as { killed?: boolean } | undefined)?.killed) return readerFailed(file, l10n.t('reading the locustfile took longer than {0} s', TIMEOUT_MS / 1000));
  return readerFailed(file, l10n.t('the locustfile reader failed: {0}', error instanceof Error ? error.message : String(error)));
}

/** Reads `source` (the locustfile's bytes) as `file`; for the CLI. */
export function readScenariosSync(file: string, source: Uint8Array, python = 'python3'): LocustScenarios {
  const large = tooLarge(file, source.length);
  if (large) return large;
  const result = spawnSync(python, READER_ARGS, { input: source, cwd: tmpdir(), timeout: TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8', windowsHide: true });
  if (result.error) return spawnFailed(file, python, result.error);
  return scenariosFromReaderOutput(file, result.stdout);
}

/** Reads `source` (the locustfile's bytes) as `file`; for the extension. */
export function readScenarios(file: string, source: Uint8Array, python = 'python3'): Promise<LocustScenarios> {
  const large = tooLarge(file, source.length);
  if (large) return Promise.resolve(large);
  return new Promise((resolve) => {
    const child = execFile(python, READER_ARGS, { cwd: tmpdir(), timeout: TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8', windowsHide: true }, (error, stdout) => {
      resolve(error && !stdout ? spawnFailed(file, python, error) : scenariosFromReaderOutput(file, stdout));
    });
    child.stdin?.on('error', () => undefined); // a Python that exits early closes the pipe; the callback reports it
    child.stdin?.end(Buffer.from(source));
  });
}

/** `program` as found on PATH (or as given, when it is a path). */
export function findOnPath(program: string, pathVariable = process.env.PATH ?? ''): string | undefined {
  const candidates = isAbsolute(program) || program.includes('/') ? [program] : pathVariable.split(delimiter).filter(Boolean).map((dir) => join(dir, program));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The Python that runs this Locust: the interpreter of its launcher script's `#!` line (`/usr/bin/python3`,
 * or the program named after `env`); `python3` when the launcher is not a script or cannot be read.
 */
export function pythonForLocust(locust: string | readonly string[], pathVariable?: string): string {
  // A command with arguments (`["python3", "-m", "locust"]`): its program is the interpreter when it is one.
  const program = typeof locust === 'string' ? locust : (locust[0] ?? 'locust');
  if (typeof locust !== 'string' && /(^|\/)python[\d.]*$/.test(program)) return program;
  const launcher = findOnPath(program, pathVariable);
  if (!launcher) return 'python3';
  let first = '';
  try {
    const fd = openSync(launcher, 'r');
    try {
      const buffer = Buffer.alloc(256);
      first = buffer.subarray(0, readSync(fd, buffer, 0, 256, 0)).toString('utf8').split('\n')[0];
    } finally {
      closeSync(fd);
    }
  } catch {
    return 'python3';
  }
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!shebang) return 'python3';
  const [, interpreter, argument] = shebang;
  if (/(^|\/)env$/.test(interpreter) && argument && /^python[\d.]*$/.test(argument)) return argument;
  return /(^|\/)python[\d.]*$/.test(interpreter) ? interpreter : 'python3';
}
