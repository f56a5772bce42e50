// The history reader in parts (historyParallel.ts) against one pass over the same file: the same summary, points and
// values, and the same error (message and line), on generated files that stress the cuts: endpoints that first
// appear late, times that go back, quoted names with embedded newlines across a cut, CRLF, N/A, bad rows in a
// later part, a half-written last row. Parts run in-process here (the job and its answer cloned as a worker's
// would be), and once on real worker threads (the bundled worker entry).
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MinMaxBuckets, readHistoryFile, readHistoryFileSync, workerThreads, type HistoryParallelism } from '../../../src/core/locust';
import { readHistoryInParts } from '../../../src/core/locust/historyParallel';
import { readHistoryPart } from '../../../src/core/locust/historyParts';
import { seededRandom } from '../fuzz';

const dir = mkdtempSync(join(tmpdir(), 'et-history-parts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,95%,100%,Total Request Count,Total Failure Count,Total Average Response Time';

interface Shape {
  lateEndpoints?: boolean;
  backwards?: boolean;
  multiline?: boolean;
  bad?: 'number' | 'short' | 'long';
  partialLast?: boolean;
}

function generated(seed: number, shape: Shape): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const eol = pick(['\n', '\r\n']);
  const names = ['Aggregated', '/api/login', '/items,all', 'x"y', ...(shape.multiline ? ['/multi\nline'] : [])];
  const quote = (text: string) => (/[",\n]/.test(text) || random() < 0.1 ? `"${text.replace(/"/g, '""')}"` : text);
  const number = () => pick(['0', '12', '3.5', '0.000123', '4.141918820513031', 'N/A', '', '7', '7', '7']);
  const lines = [HEADER];
  const ticks = 200 + Math.floor(random() * 200);
  const badTick = Math.floor(ticks * (0.5 + random() * 0.4));
  for (let tick = 0; tick < ticks; tick++) {
    const t = 1_700_000_000 + tick * 2 - (shape.backwards && random() < 0.2 ? 3 : 0);
    const present = shape.lateEndpoints ? names.filter((_, i) => tick >= i * 37) : names;
    for (const name of present) {
      const type = name === 'Aggregated' ? '' : pick(['GET', 'POST']);
      const values = Array.from({ length: 8 }, number);
      if (tick === badTick && name === '/api/login' && shape.bad) {
        if (shape.bad === 'number') values[2] = 'fast';
        if (shape.bad === 'short') values.pop();
        if (shape.bad === 'long') values.push('1');
      }
      lines.push([String(t), String(tick % 50), type, quote(name), ...values].join(','));
    }
  }
  const text = lines.join(eol) + eol;
  return shape.partialLast ? `${text}${1_700_000_000 + ticks * 2},3,GET,/api/lo` : text;
}

/** In this process, with the job and the answer cloned as a worker's message would be. */
const inProcess = (threads: number, fallbacks: string[] = []): HistoryParallelism => ({
  runPart: async (job) => structuredClone(readHistoryPart(structuredClone(job))),
  threads,
  minPartBytes: 1,
  onFallback: (reason) => fallbacks.push(reason),
});

type Outcome = { result: unknown } | { error: string; line: number | undefined };

async function outcome(read: () => unknown): Promise<Outcome> {
  try {
    return { result: await read() };
  } catch (error) {
    const { message, line } = error as { message: string; line?: number };
    return { error: message, line };
  }
}

let files = 0;
function write(text: string): string {
  const file = join(dir, `h${files++}_stats_history.csv`);
  writeFileSync(file, text);
  return file;
}

async function assertSameInParts(text: string, label: string, threads: number, options = {}): Promise<Outcome> {
  const file = write(text);
  const fallbacks: string[] = [];
  const oneThread = await outcome(() => readHistoryFileSync(file, options));
  const inParts = await outcome(() => readHistoryFile(file, { ...options, parallel: inProcess(threads, fallbacks) }));
  assert.deepStrictEqual(inParts, oneThread, `${label}, ${threads} parts`);
  assert.deepStrictEqual(fallbacks, [], 'no worker failed');
  return oneThread;
}

describe('history read in parts == one pass', () => {
  it('generated files, 2 to 7 parts: late endpoints, times going back, CRLF, N/A, quoted names', async () => {
    for (let seed = 1; seed <= 24; seed++) {
      const shape: Shape = { lateEndpoints: seed % 2 === 0, backwards: seed % 3 === 0 };
      const text = generated(seed, shape);
      const result = await assertSameInParts(text, `seed ${seed} ${JSON.stringify(shape)}`, 2 + (seed % 6));
      assert.ok('result' in result, `seed ${seed} reads`);
    }
  });

  it('really reads in parts when nothing stands in the way', async () => {
    const file = write(generated(5, { lateEndpoints: true }));
    const history = await readHistoryInParts(file, Buffer.byteLength(generated(5, { lateEndpoints: true })), {}, inProcess(4));
    assert.ok(history, 'not handed back to the one-pass reader');
    assert.deepStrictEqual(history, readHistoryFileSync(file));
  });

  it('a quoted name with an embedded newline, wherever the cuts fall: the same result (one pass decides)', async () => {
    for (let seed = 30; seed <= 37; seed++) await assertSameInParts(generated(seed, { multiline: true }), `multiline seed ${seed}`, 2 + (seed % 5));
  });

  it('a bad row in a later part: the same error, on the same line of the file', async () => {
    for (const bad of ['number', 'short', 'long'] as const) {
      for (let seed = 40; seed <= 43; seed++) {
        const result = await assertSameInParts(generated(seed, { bad, lateEndpoints: true }), `${bad} seed ${seed}`, 3);
        assert.ok('error' in result && (result.line ?? 0) > 100, `${bad}: fails late in the file (${JSON.stringify(result)})`);
      }
    }
  });

  it('a half-written last row: an error, or skipped with the note naming its line', async () => {
    const text = generated(50, { partialLast: true });
    const failed = await assertSameInParts(text, 'partial', 3);
    assert.ok('error' in failed);
    const skipped = await assertSameInParts(text, 'partial, skip', 3, { partialLastRow: 'skip' });
    assert.ok('result' in skipped);
  });

  it('too small to cut, or not a history: handed back to the one-pass reader', async () => {
    const tiny = write(`${HEADER}\n1,1,GET,/a,1,0,1,1,1,5,0,1.5\n`);
    assert.equal(await readHistoryInParts(tiny, 40, {}, { ...inProcess(4), minPartBytes: 1 << 20 }), null);
    const binary = write('\u0000\u0001\u0002'.repeat(100));
    assert.equal(await readHistoryInParts(binary, 300, {}, inProcess(4)), null);
    assert.deepStrictEqual(await outcome(() => readHistoryFile(binary, { parallel: inProcess(4) })), await outcome(() => readHistoryFileSync(binary)));
  });

  it('on real worker threads, the bundled worker entry', async () => {
    const text = generated(60, { lateEndpoints: true, backwards: true });
    const file = write(text);
    const fallbacks: string[] = [];
    const threads = { ...workerThreads(join(__dirname, '..', 'workers', 'historyWorker.js'), (reason) => fallbacks.push(reason)), threads: 3, minPartBytes: 1 };
    const history = await readHistoryInParts(file, Buffer.byteLength(text), {}, threads);
    assert.deepStrictEqual(fallbacks, []);
    assert.ok(history, 'read in parts');
    assert.deepStrictEqual(history, readHistoryFileSync(file));
  });

  it('a worker that cannot start: read in one pass, and the reason told', async () => {
    const file = write(generated(61, {}));
    const fallbacks: string[] = [];
    const broken = { ...workerThreads(join(dir, 'no-such-worker.js'), (reason) => fallbacks.push(reason)), threads: 2, minPartBytes: 1 };
    assert.deepStrictEqual(await readHistoryFile(file, { parallel: broken }), readHistoryFileSync(file));
    assert.equal(fallbacks.length, 1);
    assert.match(fallbacks[0], /history worker failed .*reading .* in one pass/);
  });

  it('a part that failed for a reason other than the file (a bug, out of memory): one pass, and the message told', async () => {
    const file = write(generated(62, {}));
    const fallbacks: string[] = [];
    const failing: HistoryParallelism = { ...inProcess(2, fallbacks), runPart: async () => ({ failure: { kind: 'other', message: 'Array buffer allocation failed' } }) };
    assert.deepStrictEqual(await readHistoryFile(file, { parallel: failing }), readHistoryFileSync(file));
    assert.deepStrictEqual(fallbacks, [`a history worker failed (Array buffer allocation failed); reading ${file} in one pass`]);
  });
});

describe('MinMaxBuckets: the state is a function of the rows, not of their order', () => {
  it('rows split into parts merged in any order == the rows added one by one', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 40; round++) {
      const series = 3;
      const rows = Array.from({ length: 50 + Math.floor(random() * 400) }, (_, i) => ({
        // Times that go back a little, and values from a small set: many ties between rows of different times.
        t: 1000 + i - Math.floor(random() * 4),
        values: Array.from({ length: series }, () => (random() < 0.1 ? Number.NaN : Math.floor(random() * 3))),
      }));
      const capacity = 8 + Math.floor(random() * 40);
      const origin = rows[0].t;
      const whole = new MinMaxBuckets(series, capacity, origin);
      for (const row of rows) whole.add(row.t, row.values);
      const cuts = [0, ...Array.from({ length: 3 }, () => Math.floor(random() * rows.length)).sort((a, b) => a - b), rows.length];
      const parts = cuts.slice(0, -1).map((from, k) => {
        const part = new MinMaxBuckets(series, capacity, origin);
        for (const row of rows.slice(from, cuts[k + 1])) part.add(row.t, row.values);
        return part.state();
      });
      const merged = new MinMaxBuckets(series, capacity, origin);
      for (const part of parts.reverse()) merged.merge(structuredClone(part));
      // The state too: when each extreme happened is kept, though finish() shows it only as the points' order.
      assert.deepStrictEqual(merged.state(), whole.state(), `round ${round}`);
      assert.deepStrictEqual(merged.finish(), whole.finish(), `round ${round}`);
    }
  });
});
