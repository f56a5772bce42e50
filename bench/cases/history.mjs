// Case 3: a full-history `_stats_history.csv` read into the run summary plus downsampled series, against the floor
// (a raw newline scan), pandas.read_csv (Debian python3-pandas), papaparse and csv-parse streaming. Two sizes: the
// 1 M-row file (5 endpoints, 46 hours) and the 3.5 M-row soak (40 endpoints for 24 hours), which must
// meet the same ratios in the same memory: the reader streams. Every method runs in its own cold process on the
// same file, in rounds: each round runs every method with a target once, and each method's fastest run counts
// (these machines drift by up to 1.6x within minutes, and noise only adds time; one run each gave the floor 301 ms
// for 1 M rows and 369 ms for 3.5 M). csv-parse, which has no target, runs once. Ours runs twice: in one pass (one thread, like every peer), and in parts on
// worker threads as the extension reads a big file; the two are reported on rows of their own. Every baseline must
// be installed: a missing one fails with its install command.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildBundle, judge, reported, root, round, runNodeJson } from '../lib.mjs';
import { missingMessage, missingPrerequisites } from '../../scripts/prerequisites.mjs';

const PYTHON = '/usr/bin/python3';
/** ratio = ours / peer: 0.5 is "2x faster". */
const PEER_TARGETS = { 'raw-newline-scan': 8, papaparse: 0.5, pandas: 0.25 };
const MAX_RSS_MB = 150;
const MAX_POINTS = 5000;

export const benchCase = { name: 'history', run: historyCases };

/** The 24-hour soak: 40 endpoints and Aggregated, a row each per second, 3.5 M rows in 23.7 hours. */
export const SOAK = { rows: 3_500_000, endpoints: 40 };

/** The generated history of `rows` rows over `endpoints` endpoints (5 by default: the 1 M-row file, 46 hours). */
export function ensureHistory(rows, endpoints = 5) {
  const dir = join(root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, endpoints === 5 ? `history-${rows}.csv` : `history-${rows}-${endpoints}-endpoints.csv`);
  if (!existsSync(file)) {
    // Written under a temporary name first: an interrupted generation never leaves a short file behind.
    execFileSync(process.execPath, [join(root, 'bench/generate-history.mjs'), `${file}.part`, '--rows', String(rows), '--endpoints', String(endpoints), '--seed', '42'], { stdio: 'ignore' });
    renameSync(`${file}.part`, file);
  }
  return file;
}

/** Fails with the command that installs a missing baseline. */
export function requireBaselines() {
  const missing = [];
  const debian = missingPrerequisites(['python3-pandas']);
  if (debian.length) missing.push(missingMessage(debian));
  const require = createRequire(join(root, 'package.json'));
  for (const name of ['papaparse', 'csv-parse']) {
    try {
      require.resolve(name);
    } catch {
      missing.push(`${name} (npm ci)`);
    }
  }
  if (missing.length) throw new Error(`missing baseline: ${missing.join('; ')}`);
}

function measurePandas(file) {
  const child = spawnSync(PYTHON, [join(root, 'bench/pandas_read.py'), file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`pandas_read.py failed (exit ${child.status}): ${child.stderr.trim().split('\n').pop()}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

/** Rounds of the methods with a target in a full run. */
const ROUNDS = 3;

/** The fastest of a method's runs, with the highest peak RSS of them (memory is not noise) and every time. */
function fastest(runs) {
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)), times: runs.map((r) => r.ms) };
}

function sizeCases({ rows, endpoints }, bundles, smoke) {
  const file = ensureHistory(rows, endpoints);
  const sizeMb = round(statSync(file).size / 1e6, 1);
  const worker = join(root, 'bench/history-worker.mjs');
  const measure = (method) => runNodeJson(worker, [file, method], { BENCH_CORE: bundles.core, BENCH_WORKER: bundles.worker });

  // 'ours-parallel' is what the extension does with a big file: the same reader on worker threads, one part per core.
  const timed = smoke ? ['ours-sync', 'raw-newline-scan', 'papaparse'] : ['ours-sync', 'ours-parallel', 'raw-newline-scan', 'papaparse', 'pandas'];
  const runs = new Map(timed.map((method) => [method, []]));
  for (let round = 0; round < (smoke ? 1 : ROUNDS); round++) {
    for (const method of timed) runs.get(method).push(method === 'pandas' ? measurePandas(file) : measure(method));
  }
  const best = (method) => (runs.has(method) ? fastest(runs.get(method)) : null);
  const ours = best('ours-sync');
  const parallel = best('ours-parallel');
  const floor = best('raw-newline-scan');
  const peers = [best('papaparse'), { ...measure('csv-parse'), times: null }];
  if (!smoke) peers.push(best('pandas'));
  const row = (name, result, baseline) => ({
    case: name,
    ms: result.ms,
    ratio: baseline ? round(result.ms / baseline.ms, 3) : null,
    baseline: baseline ? `${baseline.method} ${baseline.ms} ms${timesNote(result, baseline)}` : timesNote(result, null) || null,
    peakRssMb: result.maxRssMB,
    points: result.maxSeriesPoints ?? null,
  });
  const target = (method) => (PEER_TARGETS[method] === undefined ? null : { max: PEER_TARGETS[method], note: method === 'raw-newline-scan' ? 'at most 8x the floor' : `${round(1 / PEER_TARGETS[method], 1)}x faster` });
  const withTarget = (r, method) => (target(method) ? judge(r, target(method)) : reported(r));
  const results = [withTarget(row(`history-${rows}-rows (${sizeMb} MB): ours vs raw scan`, ours, floor), 'raw-newline-scan')];
  for (const peer of peers) results.push(withTarget(row(`history-${rows}-rows: ours vs ${peer.method}`, ours, peer), peer.method));
  results.push(judge({ case: `history-${rows}-rows: ours peak RSS`, ms: null, ratio: null, baseline: 'whole process, streaming', peakRssMb: ours.maxRssMB, points: null }, { field: 'peakRssMb', max: MAX_RSS_MB }));
  results.push(judge({ case: `history-${rows}-rows: ours points per series`, ms: null, ratio: null, baseline: 'longest downsampled series', peakRssMb: null, points: ours.maxSeriesPoints }, { field: 'points', max: MAX_POINTS }));
  if (parallel) {
    const label = `ours in parts, ${parallel.threads} threads`;
    results.push(withTarget(row(`history-${rows}-rows: ${label} vs raw scan`, parallel, floor), 'raw-newline-scan'));
    for (const peer of peers) results.push(withTarget(row(`history-${rows}-rows: ${label} vs ${peer.method}`, parallel, peer), peer.method));
    results.push(judge({ case: `history-${rows}-rows: ${label}, peak RSS`, ms: null, ratio: null, baseline: 'whole process, workers included', peakRssMb: parallel.maxRssMB, points: null }, { field: 'peakRssMb', max: MAX_RSS_MB }));
  }
  for (const peer of [floor, ...peers]) results.push(reported({ ...row(`history-${rows}-rows: ${peer.method} alone`, peer), points: null }));
  return results;
}

/** "(fastest of 512, 498, 530 against 80, 79, 85)": every run behind a ratio. */
function timesNote(result, baseline) {
  if (!result.times || result.times.length < 2) return '';
  return baseline?.times ? ` (fastest of ${result.times.join(', ')} against ${baseline.times.join(', ')})` : ` (fastest of ${result.times.join(', ')})`;
}

export function historyCases({ smoke }) {
  requireBaselines();
  const bundles = { core: buildBundle('src/core/locust/index.ts'), worker: buildBundle('src/historyWorker.ts') };
  const sizes = smoke ? [{ rows: 20_000 }] : [{ rows: 1_000_000 }, SOAK];
  return sizes.flatMap((size) => sizeCases(size, bundles, smoke));
}
