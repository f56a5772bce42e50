// Case: a tracker's history from git. 1,000 commits of the 36 KB seed tracker (one task toggled per commit, one
// rename half way), read cold (empty blob cache: git log + git cat-file + a parse per commit) and again with the
// cache filled (git log only). Baseline: the two git processes alone, output discarded (the floor).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { judge, loadBundle, median, reported, root, round } from '../lib.mjs';

export const benchCase = { name: 'gitHistory', run: gitHistoryCases };

const START = Date.UTC(2026, 0, 5, 9) / 1000;

/** A repository made with one `git fast-import` (1,000 `git commit`s would take longer than the case). */
function ensureRepo(commits) {
  const dir = join(root, '.cache', 'bench', `git-history-${commits}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  const lines = readFileSync(join(root, 'test/fixtures/trackers/MASTER_EXECUTION_TRACKER.md'), 'utf8').split('\n');
  const tasks = lines.flatMap((line, index) => (/^\s*- \[[ xX]\] /.test(line) ? [index] : []));
  const chunks = [];
  let path = 'docs/TRACKER.md';
  for (let i = 0; i < commits; i++) {
    const at = tasks[(i * 7) % tasks.length];
    lines[at] = lines[at].replace(/\[([ xX])\]/, (_, mark) => (mark === ' ' ? '[x]' : '[ ]'));
    const content = Buffer.from(lines.join('\n'));
    const message = `Toggle line ${at + 1}`;
    const time = START + i * 3600;
    chunks.push(`commit refs/heads/main\ncommitter Bench <bench@example.invalid> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    if (i > 0 && i === Math.floor(commits / 2)) {
      chunks.push(`R ${path} docs/MASTER_EXECUTION_TRACKER.md\n`);
      path = 'docs/MASTER_EXECUTION_TRACKER.md';
    }
    chunks.push(`M 100644 inline ${path}\ndata ${content.length}\n`, content, '\n');
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))) });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
  execFileSync('git', ['gc', '-q'], { cwd: dir });
  execFileSync('touch', ['.complete'], { cwd: dir });
  return dir;
}

async function timeIt(fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

export async function gitHistoryCases({ smoke }) {
  const commits = smoke ? 30 : 1000;
  const dir = ensureRepo(commits);
  const file = join(dir, 'docs', 'MASTER_EXECUTION_TRACKER.md');
  const { loadHistory } = loadBundle('src/services/gitHistory.ts').module;
  const { gitLogArgs } = loadBundle('src/core/history/gitLog.ts').module;
  const runs = smoke ? 1 : 3;
  const cold = [];
  const warm = [];
  let points = 0;
  let blobsWarm = -1;
  for (let i = 0; i < runs; i++) {
    const cache = new Map();
    const first = await timeIt(() => loadHistory(file, cache, {}));
    cold.push(first.ms);
    points = first.result.points.length;
    const second = await timeIt(() => loadHistory(file, cache, {}));
    warm.push(second.ms);
    blobsWarm = second.result.blobsRead;
  }
  // The floor: the same two git processes, nothing parsed.
  const floor = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const log = spawnSync('git', gitLogArgs('MASTER_EXECUTION_TRACKER.md'), { cwd: join(dir, 'docs'), maxBuffer: 1 << 30 });
    const ids = [...log.stdout.toString('latin1').matchAll(/:\d{6} \d{6} [0-9a-f]{40} ([0-9a-f]{40}) /g)].map((m) => `${m[1]}\n`).join('');
    spawnSync('git', ['cat-file', '--batch'], { cwd: dir, input: ids, maxBuffer: 1 << 30 });
    floor.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (points !== commits) throw new Error(`expected ${commits} points, got ${points}`);
  if (blobsWarm !== 0) throw new Error(`a second open read ${blobsWarm} blobs; the cache should have held them all`);
  const floorMs = median(floor);
  const coldRow = { case: `git-history-${commits}-cold`, ms: round(median(cold), 1), ratio: round(median(cold) / floorMs, 2), baseline: `git log + cat-file alone ${round(floorMs, 1)} ms`, peakRssMb: null, points };
  const warmRow = { case: `git-history-${commits}-cached`, ms: round(median(warm), 1), ratio: round(median(warm) / floorMs, 2), baseline: `0 blobs read on the second open (git log only)`, peakRssMb: null, points };
  // The target is for 1,000 commits; the smoke run's 30 only checks the harness.
  return smoke ? [reported(coldRow), reported(warmRow)] : [judge(coldRow, { field: 'ms', max: 2000, note: '1,000 commits cold' }), reported(warmRow)];
}
