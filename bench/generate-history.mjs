// Writes a synthetic Locust 2.x `_stats_history.csv` with --csv-full-history: N ticks x (endpoints + Aggregated)
// rows, deterministic from a seed. Default: 1,000,000 rows (5 endpoints + Aggregated), about 160 MB.
// usage: node bench/generate-history.mjs [OUT] [--rows N] [--endpoints E] [--seed S]
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const out = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join(tmpdir(), 'bench_stats_history.csv');
const rows = option('--rows', 1_000_000);
const endpointCount = option('--endpoints', 5);
const random = seededRandom(option('--seed', 42));

const percentiles = ['50%', '66%', '75%', '80%', '90%', '95%', '98%', '99%', '99.9%', '99.99%', '100%'];
const header = ['Timestamp', 'User Count', 'Type', 'Name', 'Requests/s', 'Failures/s', ...percentiles, 'Total Request Count', 'Total Failure Count', 'Total Median Response Time', 'Total Average Response Time', 'Total Min Response Time', 'Total Max Response Time', 'Total Average Content Size'];
// One name with a comma and quotes, as real runs have (run1's `search "a,b"`): exercises the quoted path. Past the
// eight named ones (a soak of 40 endpoints), versioned resources.
const NAMED = ['/api/login', '/api/items', '/api/items/{id}', 'search "a,b"', '/health', '/api/orders', '/api/users', '/api/cart'];
const names = Array.from({ length: endpointCount }, (_, i) => NAMED[i] ?? `/api/v2/resource-${i}/{id}`);
const quote = (text) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const round2 = (ms) => (ms < 100 ? Math.round(ms) : ms < 1000 ? Math.round(ms / 10) * 10 : Math.round(ms / 100) * 100);

const stream = createWriteStream(out);
stream.write(`${header.join(',')}\r\n`);
const totals = names.map(() => ({ requests: 0, failures: 0, sum: 0, min: Infinity, max: 0 }));
let time = 1_795_000_000;
let written = 0;
let buffer = '';
while (written < rows) {
  const users = Math.min(500, 1 + Math.floor(written / 600));
  let aggregatedRps = 0;
  let aggregatedFails = 0;
  const lines = [];
  names.forEach((name, i) => {
    const spike = random() < 0.001 ? 20 : 1;
    const base = (20 + i * 15) * spike * (1 + random() * 0.3);
    const rps = users * (0.5 + random() * 0.1);
    const fails = random() < 0.05 ? rps * 0.02 : 0;
    const total = totals[i];
    const count = Math.round(rps);
    total.requests += count;
    total.failures += Math.round(fails);
    total.sum += base * count;
    total.min = Math.min(total.min, base * 0.5);
    total.max = Math.max(total.max, base * 3);
    aggregatedRps += rps;
    aggregatedFails += fails;
    const cells = percentiles.map((_, p) => round2(base * (1 + p * 0.2)));
    lines.push([time, users, 'GET', quote(name), rps.toFixed(6), fails.toFixed(6), ...cells, total.requests, total.failures, round2(base), total.sum / Math.max(1, total.requests), total.min, total.max, 902.0 + i].join(','));
  });
  const all = totals.reduce((a, t) => ({ requests: a.requests + t.requests, failures: a.failures + t.failures }), { requests: 0, failures: 0 });
  const cells = percentiles.map((_, p) => round2(40 * (1 + p * 0.2)));
  lines.push([time, users, '', 'Aggregated', aggregatedRps.toFixed(6), aggregatedFails.toFixed(6), ...cells, all.requests, all.failures, 40, 41.5 + random(), 1.2, 3000.5, 512.25].join(','));
  for (const line of lines.slice(0, rows - written)) {
    buffer += `${line}\r\n`;
    written++;
  }
  if (buffer.length > 1 << 20) {
    if (!stream.write(buffer)) await new Promise((resolve) => stream.once('drain', resolve));
    buffer = '';
  }
  time++;
}
stream.end(buffer);
await new Promise((resolve) => stream.on('finish', resolve));
process.stdout.write(`${out}: ${written} rows\n`);
