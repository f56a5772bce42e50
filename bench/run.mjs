// `npm run bench`: every case, measured side by side in one run, printed as a table (or --json).
// `--smoke` runs each case on tiny inputs to check the harness still works (part of `npm test`).
import { activationCases } from './cases/activation.mjs';
import { editLatencyCases } from './cases/editLatency.mjs';
import { historyCases } from './cases/history.mjs';
import { gitHistoryCases } from './cases/gitHistory.mjs';
import { trackerParseCases } from './cases/trackerParse.mjs';
import { webviewPaintCases } from './cases/webviewPaint.mjs';

const args = new Set(process.argv.slice(2));
const smoke = args.has('--smoke');
const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
const CASES = { parse: trackerParseCases, edit: editLatencyCases, history: historyCases, activation: activationCases, webview: webviewPaintCases, gitHistory: gitHistoryCases };

const results = [];
let failed = 0;
for (const [name, run] of Object.entries(CASES)) {
  if (only && name !== only) continue;
  try {
    results.push(...(await run({ smoke })));
  } catch (error) {
    failed++;
    results.push({ case: name, ms: null, ratio: null, baseline: `FAILED: ${error instanceof Error ? error.message : String(error)}`, peakRssMb: null, points: null });
  }
}

if (args.has('--json')) {
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
} else {
  const columns = ['case', 'ms', 'ratio', 'peakRssMb', 'points', 'baseline'];
  const cell = (value) => (value === null || value === undefined ? '' : String(value));
  const widths = columns.map((c) => Math.max(c.length, ...results.map((r) => cell(r[c]).length)));
  const line = (values) => values.map((v, i) => cell(v).padEnd(widths[i])).join('  ').trimEnd();
  process.stdout.write(`${line(columns)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const r of results) process.stdout.write(`${line(columns.map((c) => r[c]))}\n`);
  if (smoke) process.stdout.write(`bench smoke: ${results.length - failed} passed, ${failed} failed\n`);
}
// Each failure once more on its own line, on stderr, so it is not lost in a wide table.
for (const r of results) if (r.ms === null && String(r.baseline).startsWith('FAILED')) process.stderr.write(`bench: ${r.case} ${r.baseline}\n`);
process.exitCode = failed ? 1 : 0;
