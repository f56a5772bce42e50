// File input for the CLI: every failure becomes one line naming the file and what is wrong.
import { readFileSync, statSync } from 'node:fs';

/** One line for stderr; exitCode 1 by default, 2 where a command documents "2: bad input". */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function readTextFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliError(`${path}: is a directory, expected a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: cannot read file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const bytes = readFileSync(path);
  if (size > 0 && bytes.subarray(0, 8000).includes(0)) throw new CliError(`${path}: looks binary (contains NUL bytes), expected markdown text`);
  // Strip a UTF-8 BOM; invalid UTF-8 decodes to U+FFFD instead of failing, so nothing crashes on odd bytes.
  return new TextDecoder('utf-8').decode(bytes);
}
