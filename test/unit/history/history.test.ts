import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { diffTasks } from '../../../src/core/history/changes';
import { parseGitLog } from '../../../src/core/history/gitLog';
import { parseCatFile } from '../../../src/core/history/catFile';
import { addToCache, buildHistory, countBlob, countTracker, weekClaims, type CountsCache, type TrackerHistory } from '../../../src/core/history/points';
import { pointBefore, resolveRange, startOfWeek, weekDeltas } from '../../../src/core/history/range';
import { loadHistory, readBlobs } from '../../../src/services/gitHistory';
import { seedTracker } from '../fixtures';
import { EXPECTED, scriptedRepo } from './scripted';

const weekOf = (point: TrackerHistory['points'][number], n: number): [number, number] => {
  const week = point.weeks.find((w) => w.number === n)!;
  return [week.tasks.done, week.tasks.total];
};

describe('tracker history from a real git repository', () => {
  let repo: ReturnType<typeof scriptedRepo>;
  let history: Awaited<ReturnType<typeof loadHistory>>;
  const cache: CountsCache = new Map();
  before(async () => {
    repo = scriptedRepo();
    history = await loadHistory(repo.file, cache, {});
  });
  after(() => rmSync(repo.root, { recursive: true, force: true }));

  it('has one point per commit that changed the file, oldest first, renames followed, counts exact', () => {
    const trackerCommits = repo.commits.filter((c) => c.subject !== 'Notes (not the tracker)' && c.subject !== 'Paste a Latin-1 note');
    assert.deepEqual(history.points.map((p) => p.commit), trackerCommits.map((c) => c.commit));
    assert.deepEqual(
      history.points.map((p) => [p.subject, p.tasks.done, p.tasks.total, weekOf(p, 4), weekOf(p, 7), weekOf(p, 8)]),
      EXPECTED,
    );
    assert.deepEqual(history.points.map((p) => p.date.slice(0, 10)), ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-13', '2026-01-15']);
    assert.deepEqual(history.points.map((p) => p.path), ['docs/TRACKER.md', 'docs/TRACKER.md', 'docs/TRACKER.md', 'docs/MASTER_EXECUTION_TRACKER.md', 'docs/MASTER_EXECUTION_TRACKER.md', 'docs/MASTER_EXECUTION_TRACKER.md']);
    assert.equal(history.shallow, false);
  });

  it('skips the commit whose file is not UTF-8, with the reason', () => {
    assert.deepEqual(history.skipped.map((s) => [s.subject, s.reason]), [['Paste a Latin-1 note', 'the file is not valid UTF-8 at this commit']]);
  });

  it('reads only new blobs on a second load (the rename commit shares its blob)', async () => {
    assert.equal(history.blobsRead, 6, 'seven tracker commits, the rename keeps the blob');
    const again = await loadHistory(repo.file, cache, {});
    assert.equal(again.blobsRead, 0);
    assert.deepEqual(again.points, history.points);
  });

  it('marks when each week heading started claiming COMPLETE', () => {
    const claims = weekClaims(history.points).map((c) => [c.week, c.date.slice(0, 10), `${c.tasks.done}/${c.tasks.total}`]);
    assert.deepEqual(claims, [
      [0, '2026-01-05', '5/5'],
      [1, '2026-01-05', '28/28'],
      [2, '2026-01-05', '13/13'],
      [5, '2026-01-05', '10/10'],
      [6, '2026-01-05', '9/9'],
      [7, '2026-01-13', '8/12'],
    ]);
  });

  it('lists what was ticked, unticked, added and removed since a date, each with its line', async () => {
    const range = resolveRange(history.points, { kind: 'since', date: '2026-01-12' }, new Date('2026-01-16T12:00:00Z'));
    assert.ok(!('error' in range));
    assert.equal(range.from?.subject, 'Rename the tracker');
    const blobs = await readBlobs(repo.file, [range.from!.blob, range.to.blob]);
    const text = (id: string) => Buffer.from(blobs.get(id)!).toString('utf8');
    const changes = diffTasks(text(range.from!.blob), text(range.to.blob));
    const lines = text(range.to.blob).split('\n');
    for (const change of [...changes.ticked, ...changes.unticked, ...changes.added]) assert.ok(lines[change.line].includes(change.text), `line ${change.line + 1} holds "${change.text}"`);
    const show = (list: readonly { text: string; week: number | null }[]) => list.map((c) => `W${c.week} ${c.text}`);
    assert.deepEqual(show(changes.ticked), ['W4 Implement cache layer for V2 endpoints', 'W4 Warm the V2 cache after deploy', 'W8 Create ROADMAP_PHASE2.md for future development', 'W8 Tag release v2.0-optimized']);
    assert.deepEqual(show(changes.unticked), ['W8 Verify all success criteria met']);
    assert.deepEqual(show(changes.added), []);
    assert.deepEqual(show(changes.removed), ['W4 Measure 99% improvement on cache hits']);
  });

  it('between two commits, in either order, and from the first commit everything is added', () => {
    const [first, , third] = history.points;
    const range = resolveRange(history.points, { kind: 'between', from: third.commit.slice(0, 8), to: first.commit }, new Date());
    assert.ok(!('error' in range));
    assert.deepEqual([range.from?.commit, range.to.commit], [first.commit, third.commit]);
    const start = resolveRange(history.points, { kind: 'since', date: '2026-01-01' }, new Date());
    assert.ok(!('error' in start) && start.from === null);
    assert.equal(diffTasks(null, '- [ ] a\n- [x] b\n').added.length, 2);
    assert.match((resolveRange(history.points, { kind: 'between', from: 'abcdef12', to: first.commit }, new Date()) as { error: string }).error, /abcdef12 is not in the file's history/);
    assert.match((resolveRange(history.points, { kind: 'since', date: '2026-02-30' }, new Date()) as { error: string }).error, /not a date/);
  });

  it('"this week" starts on Monday; week deltas are done now minus done before it', () => {
    const now = new Date(2026, 0, 15, 12); // Thursday 15 January, local time
    assert.equal(new Date(startOfWeek(now)).getDate(), 12);
    const baseline = pointBefore(history.points, startOfWeek(now));
    assert.equal(baseline?.subject, 'Rename the tracker');
    const deltas = weekDeltas([{ number: 4, done: 23 }, { number: 8, done: 7 }, { number: 9, done: 2 }], baseline);
    assert.deepEqual([...deltas], [[4, 2], [8, 1], [9, 2]]);
  });

  it('works from the repository root and from a subfolder alike (paths are relative to the file)', async () => {
    const other = await loadHistory(join(repo.root, 'docs', '..', 'docs', 'MASTER_EXECUTION_TRACKER.md'), new Map(), {});
    assert.equal(other.points.length, 6);
  });
});

describe('tracker history: bad input', () => {
  it('outside a git repository says so in one line naming the file', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'et-nogit-')));
    try {
      writeFileSync(join(dir, 'TRACKER.md'), '- [ ] a\n');
      await assert.rejects(loadHistory(join(dir, 'TRACKER.md'), new Map(), {}), (e: Error) => /TRACKER\.md: not in a git repository, so it has no history$/.test(e.message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without git says git is not installed', async () => {
    await assert.rejects(loadHistory('/tmp/x/TRACKER.md', new Map(), {}, { binary: '/nonexistent/git' }), /git is not installed or not on PATH/);
  });

  it('an uncommitted file has no commits', async () => {
    const repo = scriptedRepo();
    try {
      writeFileSync(join(repo.root, 'NEW_TRACKER.md'), '- [ ] a\n');
      await assert.rejects(loadHistory(join(repo.root, 'NEW_TRACKER.md'), new Map(), {}), /no commit has this file/);
    } finally {
      rmSync(repo.root, { recursive: true, force: true });
    }
  });

  it('a shallow clone says it is shallow and shows what it has', async () => {
    const repo = scriptedRepo();
    const clone = realpathSync(mkdtempSync(join(tmpdir(), 'et-shallow-')));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.root}`, clone], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
      const shallow = await loadHistory(join(clone, 'docs', 'MASTER_EXECUTION_TRACKER.md'), new Map(), {});
      assert.equal(shallow.shallow, true);
      assert.deepEqual(shallow.points.map((p) => p.subject), ['Fix the encoding; warm the cache']);
      assert.deepEqual(shallow.skipped.map((s) => s.subject), ['Paste a Latin-1 note']);
    } finally {
      rmSync(repo.root, { recursive: true, force: true });
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('hostile log and cat-file output: truncated records and objects are dropped, not fatal', () => {
    const log = parseGitLog('\x1enot-a-hash\x1fdate\x1f\x1fs\0\n\x1e' + 'a'.repeat(40) + '\x1f2026-01-01T00:00:00Z\x1f\x1fmerge\0');
    assert.deepEqual(log.entries.map((e) => [e.subject, e.blob]), [['merge', null]]);
    assert.deepEqual(buildHistory(log, new Map(), {}).points, []);
    const cat = parseCatFile(Buffer.from(`${'b'.repeat(40)} missing\n${'c'.repeat(40)} blob 100\nshort`));
    assert.deepEqual([...cat], [['b'.repeat(40), null]]);
    assert.deepEqual(countBlob(Buffer.from([0x61, 0, 0x62])), { ok: false, reason: 'the file is binary at this commit (contains NUL bytes)' });
    assert.deepEqual(countBlob(null), { ok: false, reason: 'git has no such object (missing from this clone)' });
  });
});

describe('tracker history: each version parsed as an edit of the one before', () => {
  it('gives the counts of a full parse, over random ticks, inserted and deleted lines and heading edits', () => {
    const random = (() => {
      let state = 17;
      return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    })();
    const lines = seedTracker().split('\n');
    const versions: string[] = [];
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(random() * lines.length);
      const pick = random();
      if (pick < 0.4) lines[at] = lines[at].replace(/\[([ xX])\]/, (_, m: string) => (m === ' ' ? '[x]' : '[ ]'));
      else if (pick < 0.6) lines.splice(at, 0, `- [${random() < 0.5 ? 'x' : ' '}] inserted task ${i}`);
      else if (pick < 0.75) lines.splice(at, 1);
      else if (pick < 0.9) lines.splice(at, 0, `### WEEK ${20 + i}: NEW (COMPLETE)`);
      else lines.splice(at, 0, '```');
      versions.push(lines.join('\n'));
    }
    const blobs = versions.map((_, i) => i.toString(16).padStart(40, '0'));
    const log = { shallow: false, entries: blobs.map((blob, i) => ({ commit: blob, date: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`, subject: `v${i}`, blob, path: 'T.md', deleted: false })) };
    const cache: CountsCache = new Map();
    addToCache(cache, log, new Map(blobs.map((b, i) => [b, Buffer.from(versions[i])])));
    versions.forEach((text, i) => assert.deepEqual(cache.get(blobs[i]), { ok: true, counts: countTracker(text) }, `version ${i}`));
  });
});
