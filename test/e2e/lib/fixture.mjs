// The fixture workspace every scenario starts from: a fresh copy of the repo's sample/ folder, or, while that has
// no tracker yet, of the seed tracker in ../shared/seed.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const TRACKER_FILE = 'MASTER_EXECUTION_TRACKER.md';
const sampleDir = join(repoRoot, 'sample');
const seedDir = join(repoRoot, '..', 'shared', 'seed');

export function fixtureSource() {
  if (existsSync(join(sampleDir, TRACKER_FILE))) return { dir: sampleDir, whole: true };
  if (existsSync(join(seedDir, TRACKER_FILE))) return { dir: seedDir, whole: false };
  throw new Error(`No fixture tracker: neither ${join(sampleDir, TRACKER_FILE)} nor ${join(seedDir, TRACKER_FILE)} exists.`);
}

/** Copies the fixture workspace into `dest` and returns the path of its tracker file. */
export function copyWorkspace(dest) {
  const source = fixtureSource();
  mkdirSync(dest, { recursive: true });
  // Symlinks stay as they are (the sample stack's image links bin -> usr/bin), not rewritten to absolute paths.
  if (source.whole) cpSync(source.dir, dest, { recursive: true, verbatimSymlinks: true });
  else cpSync(join(source.dir, TRACKER_FILE), join(dest, TRACKER_FILE));
  return join(dest, TRACKER_FILE);
}

export function readText(path) {
  return readFileSync(path, 'utf8');
}

/**
 * Waits until the file at `path` holds exactly `expected`. Editors may write a file in more than one step, so
 * what is read in between is not judged; on timeout the error lists the lines that differ from `expected`.
 */
export async function waitForFileText(path, expected, what, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = readFileSync(path, 'utf8');
    if (last === expected) return last;
    if (Date.now() > deadline) {
      const diff = changedLines(expected, last).slice(0, 10).map((c) => `line ${c.line}: expected ${JSON.stringify(c.before)}, on disk ${JSON.stringify(c.after)}`);
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}; ${diff.join('; ') || 'no line differs (line endings?)'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lines that differ between two texts of the same line count, as [{line (1-based), before, after}]. */
export function changedLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return [{ line: 0, before: `${a.length} lines`, after: `${b.length} lines` }];
  return a.flatMap((text, i) => (text === b[i] ? [] : [{ line: i + 1, before: text, after: b[i] }]));
}
