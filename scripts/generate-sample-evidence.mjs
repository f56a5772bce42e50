// Writes the sample workspace's Locust files (sample/hasil_test_*) from scripts/sample-evidence/runs.mjs: seeded
// and deterministic, so running it again changes nothing. Every file is generated sample data in Locust
// 2.12.1's formats, made so its Aggregated numbers are the ones the sample tracker states; the real Locust
// outputs the tests need are in test/fixtures/locust.
// Usage: node scripts/generate-sample-evidence.mjs [--check]   (--check: exit 1 if sample/ differs)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNS } from './sample-evidence/runs.mjs';
import { simulateRun, statsOf, percentile } from './sample-evidence/simulate.mjs';
import { exceptionsCsv, failuresCsv, historyCsv, htmlReport, statsCsv } from './sample-evidence/formats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sampleDir = join(root, 'sample');
const realReport = join(root, 'test', 'fixtures', 'locust', 'debian-2.12.1', 'run1', 'run1_report.html');

/** The generated numbers must be the tracker's: a spec the simulation cannot meet is a bug in the spec. */
function verify(run, requests) {
  const all = statsOf(requests, run.durationS);
  const want = run.aggregated;
  const got = { requests: all.requests, failures: all.failures, p95Ms: percentile(all.percentiles, 0.95), p99Ms: percentile(all.percentiles, 0.99), rps: Math.round(all.rps * 100) / 100 };
  const wrong = Object.keys(want).filter((key) => want[key] !== null && want[key] !== undefined && got[key] !== want[key]);
  if (wrong.length) throw new Error(`${run.prefix}: ${wrong.map((k) => `${k} ${got[k]}, the tracker says ${want[k]}`).join('; ')}`);
}

export function generatedFiles() {
  const files = new Map();
  for (const run of RUNS) {
    const requests = simulateRun(run);
    verify(run, requests);
    files.set(`${run.prefix}_stats.csv`, statsCsv(run, requests));
    files.set(`${run.prefix}_stats_history.csv`, historyCsv(run, requests));
    files.set(`${run.prefix}_failures.csv`, failuresCsv(run, requests));
    files.set(`${run.prefix}_exceptions.csv`, exceptionsCsv());
    if (run.html) files.set(`${run.prefix}_report.html`, htmlReport(run, requests, realReport));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const differ = [];
  for (const [name, text] of generatedFiles()) {
    const path = join(sampleDir, name);
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) differ.push(name);
    } else writeFileSync(path, text);
  }
  if (check && differ.length) {
    console.error(`sample/ differs from the generator in ${differ.length} file(s): ${differ.join(', ')}; run node scripts/generate-sample-evidence.mjs`);
    process.exit(1);
  }
  console.log(check ? 'sample/ matches the generator' : `wrote ${RUNS.length} runs into ${sampleDir}`);
}
