// Case 1: parsing a tracker into the model vs markdown-it's bare parse() of the same text (same process, same
// inputs), on the seed and on synthetic trackers 10x and 100x its size.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { judge, loadBundle, root, round, timeMedianPair } from '../lib.mjs';
import { generateTracker } from './trackerGenerator.mjs';

export const benchCase = { name: 'parse', run: trackerParseCases };

export function trackerParseCases({ smoke }) {
  const { parseTracker } = loadBundle('src/core/tracker/parse.ts').module;
  const MarkdownIt = createRequire(join(root, 'package.json'))('markdown-it');
  const md = new MarkdownIt();
  const seed = readFileSync(join(root, 'test/fixtures/trackers/MASTER_EXECUTION_TRACKER.md'), 'utf8');
  const seedLines = seed.split('\n').length;
  // Scaling compares like with like: the synthetic 1x against the synthetic 100x (same generator, same seed).
  const inputs = smoke
    ? [['seed', seed]]
    : [['seed', seed], ['synthetic-1x', generateTracker(seedLines)], ['10x', generateTracker(seedLines * 10)], ['100x', generateTracker(seedLines * 100)]];
  const results = [];
  for (const [name, text] of inputs) {
    // At least 30 measured runs after warm-up for every size but the 100x one (15 runs of ~0.3 s each side).
    const runs = smoke ? 3 : text.length > 1e6 ? 15 : 31;
    const [oursMs, markdownItMs] = timeMedianPair(() => parseTracker(text), () => md.parse(text, {}), { runs, warmup: smoke ? 1 : 5 });
    const model = parseTracker(text);
    results.push(judge({
      case: `tracker-parse-${name}`,
      ms: round(oursMs, 3),
      ratio: round(oursMs / markdownItMs, 3),
      baseline: `markdown-it parse() ${round(markdownItMs, 3)} ms`,
      peakRssMb: null,
      points: null,
      detail: `${text.split('\n').length} lines, ${model.tasks.length} tasks, ${runs} runs`,
    }, { max: 1.3, note: "markdown-it's parse()" }));
  }
  if (!smoke) {
    // The same work both sides, timed alternately in one loop: 100 parses of the 1x tracker, then one of the 100x.
    // A single 3 ms parse swings by half with the machine's load; a batch as long as the 100x parse does not.
    const BATCH = 100;
    const [batchMs, hundredMs] = timeMedianPair(
      () => {
        for (let i = 0; i < BATCH; i++) parseTracker(inputs[1][1]);
      },
      () => parseTracker(inputs[3][1]),
      { runs: 15, warmup: 2 },
    );
    const oneMs = batchMs / BATCH;
    results.push(judge({
      case: 'tracker-parse-scaling',
      ms: round(hundredMs, 3),
      ratio: round(hundredMs / oneMs, 1),
      baseline: `synthetic 1x ${round(oneMs, 3)} ms (a batch of ${BATCH}, timed alternately with the 100x)`,
      peakRssMb: null,
      points: null,
    }, { max: 110, note: 'linear' }));
  }
  return results;
}
