// The scripted repository shared by the history tests, and the counts each of its commits must give, worked
// out by hand from the seed (138/189 counted; Week 4 21/28, Week 7 8/12, Week 8 8/8) and the script's edits.
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeScriptedRepo, type ScriptedCommit } from '../../fixtures/history/scriptedRepo.mjs';
import { seedTracker } from '../fixtures';

export function scriptedRepo(): { root: string; file: string; commits: ScriptedCommit[] } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'et-history-')));
  const commits = makeScriptedRepo(root, seedTracker());
  return { root, file: join(root, commits[commits.length - 1].path), commits };
}

/** [subject, done, total, week 4 done/total, week 7 done/total, week 8 done/total]; the Latin-1 commit is skipped. */
export const EXPECTED: ReadonlyArray<[string, number, number, [number, number], [number, number], [number, number]]> = [
  ['Start the tracker', 134, 189, [21, 28], [8, 12], [4, 8]],
  ['Tick the first final validation tasks', 136, 189, [21, 28], [8, 12], [6, 8]],
  ['Add Week 4 cache tasks', 136, 191, [21, 30], [8, 12], [6, 8]],
  ['Rename the tracker', 136, 191, [21, 30], [8, 12], [6, 8]],
  ['Week 8 ticks; Week 7 claimed complete', 138, 190, [22, 29], [8, 12], [7, 8]],
  ['Fix the encoding; warm the cache', 139, 190, [23, 29], [8, 12], [7, 8]],
];
