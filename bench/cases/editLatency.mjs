// Case 2: toggling one task in a tracker 100x the seed. The edit is computed from the line's text alone, so its
// cost must not grow with the file; the model refresh afterwards is a full parse, reported separately.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, root, round, timeMedian } from '../lib.mjs';
import { generateTracker } from './trackerGenerator.mjs';

export const benchCase = { name: 'edit', run: editLatencyCases };

export function editLatencyCases({ smoke }) {
  const { parseTracker, splitLines } = loadBundle('src/core/tracker/parse.ts').module;
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
  const refresh = timeMedian(() => parseTracker(big), { runs: smoke ? 3 : 9, warmup: 1 });
  return [
    { case: 'edit-compute-100x', ms: round(large, 4), ratio: round(large / small, 2), baseline: `same edit on the seed ${round(small, 4)} ms (target ratio ~1)`, peakRssMb: null, points: null },
    { case: 'edit-model-refresh-100x', ms: round(refresh, 2), ratio: null, baseline: 're-parse after the edit (debounced, off the edit path)', peakRssMb: null, points: null },
  ];
}
