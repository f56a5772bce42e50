// Case 3: a 1 M-row full-history `_stats_history.csv` read into the run summary plus downsampled series, against
// the floor (a raw newline scan), pandas.read_csv (Debian python3-pandas), papaparse and csv-parse streaming.
// Every method runs in its own process, one after another, on the same file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, root, round, runNodeJson } from '../lib.mjs';
import { requirePrerequisites } from '../../scripts/prerequisites.mjs';

const PYTHON = '/usr/bin/python3';

export function ensureHistory(rows) {
  const dir = join(root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `history-${rows}.csv`);
  if (!existsSync(file)) execFileSync(process.execPath, [join(root, 'bench/generate-history.mjs'), file, '--rows', String(rows), '--seed', '42'], { stdio: 'ignore' });
  return file;
}

/** pandas is the baseline users care most about: a run without it fails, it is never left out. */
function measurePandas(file) {
  requirePrerequisites(['python3-pandas']);
  const child = spawnSync(PYTHON, [join(root, 'bench/pandas_read.py'), file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`pandas baseline failed (exit ${child.status}): ${child.stderr.trim().split('\n').pop()}`);
  return JSON.parse(child.stdout.trim());
}

export function historyCases({ smoke }) {
  const rows = smoke ? 20_000 : 1_000_000;
  const file = ensureHistory(rows);
  const sizeMb = round(statSync(file).size / 1e6, 1);
  const core = loadBundle('src/core/locust/index.ts').path;
  const worker = join(root, 'bench/history-worker.mjs');
  const measure = (method) => runNodeJson(worker, [file, method], { BENCH_CORE: core });

  const ours = measure('ours-sync');
  const floor = measure('raw-newline-scan');
  const peers = [measure('papaparse'), measure('csv-parse'), measurePandas(file)];
  const row = (name, result, baseline) => ({
    case: name,
    ms: result.ms,
    ratio: baseline ? round(result.ms / baseline.ms, 2) : null,
    baseline: baseline ? `${baseline.method} ${baseline.ms} ms` : null,
    peakRssMb: result.maxRSS ?? result.maxRssMB,
    points: result.maxSeriesPoints ?? null,
  });
  const results = [row(`history-${rows}-rows (${sizeMb} MB): ours vs raw scan`, ours, floor)];
  for (const peer of peers) results.push(row(`history-${rows}-rows: ours vs ${peer.method}`, ours, peer));
  for (const peer of [floor, ...peers]) results.push({ ...row(`history-${rows}-rows: ${peer.method} alone`, peer), points: null });
  return results;
}
