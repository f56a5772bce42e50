// Case 2: an edit in a tracker 100x the seed. The edit itself is computed from the line's text alone, so its cost
// must not grow with the file. The model refresh that follows re-parses only the top-level section(s) the edit
// touched (src/core/tracker/incremental.ts): timed for a tick (no line moves) and for an inserted line (every
// later line moves), beside the full re-parse it replaces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judge, loadBundle, reported, root, round, timeMedian } from '../lib.mjs';
import { generateTracker } from './trackerGenerator.mjs';

export const benchCase = { name: 'edit', run: editLatencyCases };

const REFRESH_TARGET_MS = 10;

export function editLatencyCases({ smoke }) {
  const { parseTracker, parseTrackerText, updateTrackerParse, splitLines } = loadBundle('src/core/tracker/parse.ts').module;
  const edits = loadBundle('src/core/tracker/edits.ts').module;
  const seed = readFileSync(join(root, 'test/fixtures/trackers/MASTER_EXECUTION_TRACKER.md'), 'utf8');
  const big = smoke ? seed : generateTracker(seed.split('\n').length * 100);

  const toggleCost = (text) => {
    const lines = splitLines(text);
    const model = parseTracker(text);
    const task = model.tasks[Math.floor(model.tasks.length / 2)];
    const runs = smoke ? 50 : 2001;
    return timeMedian(
      () => {
        const column = edits.findMarkColumn(lines[task.line]);
        const planned = edits.planToggle([{ line: task.line, markColumn: column, lineText: lines[task.line], checked: task.checked }]);
        const relocated = edits.relocateEdit(planned[0], (l) => lines[l], lines.length);
        edits.applyMarkEditToLine(lines[task.line], relocated.edit);
      },
      { runs, warmup: 100 },
    );
  };
  const small = toggleCost(seed);
  const large = toggleCost(big);

  // The texts before and after each edit are made outside the timed part: VS Code hands the store the new text.
  const lines = splitLines(big);
  const task = parseTracker(big).tasks[Math.floor(parseTracker(big).tasks.length / 2)];
  const ticked = [...lines];
  ticked[task.line] = `${lines[task.line].slice(0, task.markColumn)}${task.checked ? ' ' : 'x'}${lines[task.line].slice(task.markColumn + 1)}`;
  const inserted = [...lines];
  inserted.splice(task.line + 1, 0, '- [ ] a task typed in');
  const texts = { tick: ticked.join('\n'), insert: inserted.join('\n') };
  const changes = { tick: { startLine: task.line, oldEndLine: task.line + 1, newEndLine: task.line + 1 }, insert: { startLine: task.line + 1, oldEndLine: task.line + 1, newEndLine: task.line + 2 } };
  const base = parseTrackerText(big);
  const refresh = (kind) => timeMedian(() => updateTrackerParse(base, texts[kind], changes[kind]), { runs: smoke ? 5 : 41, warmup: smoke ? 2 : 10 });
  const tick = refresh('tick');
  const insert = refresh('insert');
  const full = timeMedian(() => parseTracker(texts.tick), { runs: smoke ? 3 : 9, warmup: 1 });
  return [
    judge({ case: 'edit-compute-100x', ms: round(large, 4), ratio: round(large / small, 2), baseline: `same edit on the seed ${round(small, 4)} ms`, peakRssMb: null, points: null }, { max: 2, note: '~1: the edit reads one line' }),
    judge({ case: 'edit-model-refresh-100x', ms: round(tick, 2), ratio: null, baseline: `tick, re-parsing the touched section; full re-parse ${round(full, 1)} ms`, peakRssMb: null, points: null }, { field: 'ms', max: REFRESH_TARGET_MS }),
    judge({ case: 'edit-model-refresh-100x-insert-line', ms: round(insert, 2), ratio: null, baseline: 'a line inserted: every later line moves', peakRssMb: null, points: null }, { field: 'ms', max: REFRESH_TARGET_MS }),
    reported({ case: 'edit-model-full-reparse-100x', ms: round(full, 2), ratio: null, baseline: 'what the refresh cost before (whole-file parse)', peakRssMb: null, points: null }),
  ];
}
