import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Tests run from the repository root (npm scripts), so fixtures resolve from there. */
export function fixturePath(...parts: string[]): string {
  return join(process.cwd(), 'test', 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

export const seedTracker = (): string => readFixture('trackers', 'MASTER_EXECUTION_TRACKER.md');
