// `npm run bench`: every case, measured side by side in one run, printed as a table (or --json).
// `--smoke` runs each case on tiny inputs to check the harness still works (part of `npm test`); targets are not
// judged there. `--repeat N` runs everything N times and reports each row's median with the spread.
// A case module exports `benchCase = { name, run({ smoke }) }` returning rows; add yours to CASE_MODULES.
import { formatTable, summarizeRepeats } from './lib.mjs';

const CASE_MODULES = ['./cases/trackerParse.mjs', './cases/editLatency.mjs', './cases/history.mjs', './cases/activation.mjs', './cases/webviewPaint.mjs', './cases/gitHistory.mjs'];

const argv = process.argv.slice(2);
const args = new Set(argv);
const smoke = args.has('--smoke');
const repeatAt = argv.indexOf('--repeat');
const repeat = repeatAt === -1 ? 1 : Math.max(1, Number(argv[repeatAt + 1]) || 1);
const only = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--repeat');

const cases = [];
for (const path of CASE_MODULES) cases.push((await import(path)).benchCase);
if (only && !cases.some((c) => c.name === only)) {
  process.stderr.write(`bench: no case "${only}" (cases: ${cases.map((c) => c.name).join(', ')})\n`);
  process.exit(2);
}

const runs = [];
let failed = 0;
for (let round = 0; round < repeat; round++) {
  const results = [];
  for (const { name, run } of cases) {
    if (only && name !== only) continue;
    try {
      results.push(...(await run({ smoke })));
    } catch (error) {
      failed++;
      results.push({ case: name, ms: null, ratio: null, target: null, pass: false, baseline: `FAILED: ${error instanceof Error ? error.message : String(error)}`, peakRssMb: null, points: null });
    }
  }
  if (smoke) for (const row of results) if (row.target) row.pass = null; // tiny inputs: the harness, not the speed
  runs.push(results);
  if (repeat > 1) process.stderr.write(`bench: run ${round + 1} of ${repeat} done\n`);
}

const results = repeat > 1 ? summarizeRepeats(runs) : runs[0];
const missed = results.filter((r) => r.pass === false);
if (args.has('--json')) {
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
} else {
  process.stdout.write(formatTable(results, repeat > 1));
  if (smoke) process.stdout.write(`bench smoke: ${results.length - failed} passed, ${failed} failed\n`);
  else process.stdout.write(`targets: ${results.filter((r) => r.pass === true).length} met, ${missed.length} missed${missed.length ? ` (${missed.map((r) => r.case).join('; ')})` : ''}\n`);
}
// Each failure once more on its own line, on stderr, so it is not lost in a wide table.
for (const r of results) if (r.ms === null && String(r.baseline).startsWith('FAILED')) process.stderr.write(`bench: ${r.case} ${r.baseline}\n`);
process.exitCode = failed || missed.length ? 1 : 0;
