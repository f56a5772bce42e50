// Shared bench plumbing: the TypeScript core bundled once per run, medians, seeded randomness, child processes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Bundles `entry` (TypeScript under src/) into a temp CommonJS file and loads it. */
export function loadBundle(entry, { external = [] } = {}) {
  const out = join(mkdtempSync(join(tmpdir(), 'et-bench-')), 'bundle.js');
  require('esbuild').buildSync({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning', external });
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
