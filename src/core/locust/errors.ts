// One error type for every way a file can fail to be a readable Locust result, so callers catch one thing and
// show one line (file, what is wrong, where) instead of a stack trace.

export class LocustReadError extends Error {
  override readonly name = 'LocustReadError';

  constructor(
    readonly file: string,
    readonly problem: string,
    /** 1-based line of the file, when the problem is on one line. */
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`);
  }
}
