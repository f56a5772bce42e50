// Benchmark: summary + downsampled series of a big _stats_history.csv with our reader, against a raw newline
// scan and (when installed) papaparse and csv-parse streaming. Each method runs in its own child process so
// peak RSS (process.resourceUsage().maxRSS) is per method. Ratios are from one run on one machine.
// usage: node scripts/bench/history.mjs [FILE]   (generate FILE with scripts/bench/generate-history.mjs)
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const file = process.argv[2] ?? join(tmpdir(), 'bench_stats_history.csv');
const method = process.argv[3];

async function run(name) {
  const started = performance.now();
  let summary;
  if (name === 'raw-newline-scan') {
    let lines = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    summary = { lines };
  } else if (name === 'ours-async' || name === 'ours-sync') {
    const core = createRequire(import.meta.url)(process.env.BENCH_CORE);
    const history = name === 'ours-async' ? await core.readHistoryFile(file) : core.readHistoryFileSync(file);
    const points = Object.values(history.series).map((s) => s.t.length);
    summary = { rows: history.rows, points: history.points, durationS: history.durationS, endpoints: history.endpoints.length, maxSeriesPoints: Math.max(...points) };
  } else if (name === 'papaparse') {
    const Papa = createRequire(import.meta.url)('papaparse');
    let rows = 0;
    await new Promise((resolve, reject) => Papa.parse(createReadStream(file), { step: () => rows++, complete: resolve, error: reject }));
    summary = { rows };
  } else if (name === 'csv-parse') {
    const { parse } = createRequire(import.meta.url)('csv-parse');
    let rows = 0;
    for await (const record of createReadStream(file).pipe(parse({ relax_column_count: true }))) if (record) rows++;
    summary = { rows };
  }
  const ms = Math.round(performance.now() - started);
  process.stdout.write(JSON.stringify({ method: name, ms, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...summary }) + '\n');
}

if (method) {
  await run(method);
} else {
  if (!existsSync(file)) {
    process.stderr.write(`${file} not found: run node scripts/bench/generate-history.mjs ${file}\n`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-core-'));
  const core = join(dir, 'core.js');
  execFileSync('npx', ['esbuild', 'src/core/locust/index.ts', '--bundle', '--platform=node', '--format=cjs', `--outfile=${core}`, '--log-level=warning']);
  const available = (pkg) => {
    try {
      createRequire(import.meta.url).resolve(pkg);
      return true;
    } catch {
      return false;
    }
  };
  const methods = ['raw-newline-scan', 'ours-sync', 'ours-async', ...(available('papaparse') ? ['papaparse'] : []), ...(available('csv-parse') ? ['csv-parse'] : [])];
  for (const name of methods) {
    const child = spawnSync(process.execPath, [new URL(import.meta.url).pathname, file, name], { env: { ...process.env, BENCH_CORE: core }, encoding: 'utf8' });
    process.stdout.write(child.stdout || `${name}: failed\n${child.stderr}\n`);
  }
}
