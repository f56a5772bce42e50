// One method of the history case, run in its own process so its peak RSS (process.resourceUsage().maxRSS) is its
// own: our reader (summary + downsampled series; one pass, or in parts on worker threads), a raw newline scan,
// papaparse or csv-parse streaming.
// usage: node bench/history-worker.mjs FILE METHOD   (BENCH_CORE = the bundled src/core/locust, BENCH_WORKER = src/historyWorker.ts bundled)
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.argv[2];
const method = process.argv[3];

async function run(name) {
  const started = performance.now();
  let summary;
  if (name === 'raw-newline-scan') {
    let lines = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    summary = { lines };
  } else if (name === 'ours-async' || name === 'ours-sync' || name === 'ours-parallel') {
    const core = createRequire(import.meta.url)(process.env.BENCH_CORE);
    // ours-parallel: the extension's reader, in parts on worker threads (BENCH_WORKER = the bundled worker entry).
    const parallel = name === 'ours-parallel' ? core.workerThreads(process.env.BENCH_WORKER, (reason) => { throw new Error(`fell back to one pass: ${reason}`); }) : undefined;
    const history = name === 'ours-sync' ? core.readHistoryFileSync(file) : await core.readHistoryFile(file, { parallel });
    const points = Object.values(history.series).map((s) => s.t.length);
    summary = { rows: history.rows, points: history.points, durationS: history.durationS, endpoints: history.endpoints.length, maxSeriesPoints: Math.max(...points), threads: parallel ? parallel.threads : 1 };
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

await run(method);
