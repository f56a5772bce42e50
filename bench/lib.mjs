// Shared bench plumbing: the TypeScript core bundled once per run, medians, seeded randomness, child processes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Bundles `entry` (TypeScript under src/) into a temp CommonJS file; returns its path. */
export function buildBundle(entry, { external = [] } = {}) {
  const out = join(mkdtempSync(join(tmpdir(), 'et-bench-')), 'bundle.js');
  require('esbuild').buildSync({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning', external });
  return out;
}

/** Bundles `entry` and loads it. */
export function loadBundle(entry, options = {}) {
  const out = buildBundle(entry, options);
  return { path: out, module: require(out) };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall time in ms of `runs` calls after `warmup` unmeasured ones. */
export function timeMedian(fn, { runs = 15, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/** mulberry32: small, fast and deterministic, so every run measures the same inputs. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `node script ...args` and parses the last stdout line as JSON (each method in its own process: own peak RSS). */
export function runNodeJson(script, args, env = {}) {
  const child = spawnSync(process.execPath, [script, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) {
    const reason = child.stderr.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? child.stderr.trim().split('\n').pop()?.slice(0, 300);
    throw new Error(`${script} failed (exit ${child.status}): ${reason}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

export function round(value, digits = 2) {
  return value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}

/**
 * Adds `target` (as text) and `pass` to a row: `field` (ratio, ms or peakRssMb) must be <= max (or >= min).
 * Rows without a target keep `target: null, pass: null` (reported only).
 */
export function judge(row, { field = 'ratio', max, min, note }) {
  const value = row[field];
  const limit = max !== undefined ? `${field} <= ${max}` : `${field} >= ${min}`;
  const pass = value === null || value === undefined ? false : max !== undefined ? value <= max : value >= min;
  return { ...row, target: note ? `${limit} (${note})` : limit, pass };
}

export function reported(row) {
  return { target: null, pass: null, ...row };
}

/** One row per case: the median ms, ratio and RSS over the runs, the ratio's min..max, and pass on the median. */
export function summarizeRepeats(runs) {
  const byCase = new Map();
  for (const results of runs) for (const row of results) byCase.set(row.case, [...(byCase.get(row.case) ?? []), row]);
  return [...byCase.values()].map((rows) => {
    const pick = (field) => rows.map((r) => r[field]).filter((v) => typeof v === 'number');
    const mid = (field) => (pick(field).length ? round(median(pick(field)), 3) : null);
    const ratios = pick('ratio');
    const summary = { ...rows[rows.length - 1], ms: mid('ms'), ratio: mid('ratio'), peakRssMb: mid('peakRssMb'), runs: rows.length };
    summary.spread = ratios.length ? `${round(Math.min(...ratios), 3)}..${round(Math.max(...ratios), 3)}` : null;
    summary.passedRuns = `${rows.filter((r) => r.pass === true).length}/${rows.length}`;
    if (summary.target) {
      const match = /^(\w+) (<=|>=) ([\d.]+)/.exec(summary.target);
      if (match) summary.pass = match[2] === '<=' ? summary[match[1]] <= Number(match[3]) : summary[match[1]] >= Number(match[3]);
    }
    return summary;
  });
}

export function formatTable(results, repeated) {
  const columns = ['case', 'ms', 'ratio', ...(repeated ? ['spread', 'passedRuns'] : []), 'target', 'pass', 'peakRssMb', 'points', 'baseline'];
  const cell = (value) => (value === null || value === undefined ? '' : value === true ? 'yes' : value === false ? 'NO' : String(value));
  const widths = columns.map((c) => Math.max(c.length, ...results.map((r) => cell(r[c]).length)));
  const line = (values) => values.map((v, i) => cell(v).padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...results.map((r) => line(columns.map((c) => r[c])))].join('\n') + '\n';
}

/**
 * Medians of `a` and `b` timed alternately (a, b, a, b, ...), so a burst of load from another process on this
 * shared machine falls on both sides of the ratio rather than on one. The warm-up lasts `warmup` pairs and at least
 * `warmupMs`: the optimising compiler works on a background thread, and on two busy cores a fixed count of a few
 * millisecond-long calls could end before it had finished with one side (the first case of a run swung between
 * 1.05 and 1.63 on one commit).
 */
export function timeMedianPair(a, b, { runs = 31, warmup = 3, warmupMs = 0 } = {}) {
  const warmStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmStart < warmupMs; i++) {
    a();
    b();
  }
  const timesA = [];
  const timesB = [];
  const time = (fn, into) => {
    const start = process.hrtime.bigint();
    fn();
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
  };
  for (let i = 0; i < runs; i++) {
    time(a, timesA);
    time(b, timesB);
  }
  return [median(timesA), median(timesB)];
}
