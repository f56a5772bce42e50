import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';
import { EXPECTED, scriptedRepo } from '../history/scripted';

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, (t) => (stdout += `${t}\n`), (t) => (stderr += t));
  return { code, stdout, stderr };
}

describe('cli history', () => {
  let repo: ReturnType<typeof scriptedRepo>;
  before(() => (repo = scriptedRepo()));
  after(() => rmSync(repo.root, { recursive: true, force: true }));

  it('prints the JSON shape: commit, ISO date, subject, tasks and weeks per point, oldest first', () => {
    const { code, stdout } = run('history', repo.file, '--json');
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.deepEqual(Object.keys(json), ['file', 'points', 'shallow', 'skipped']);
    assert.equal(json.file, repo.file);
    assert.deepEqual(Object.keys(json.points[0]), ['commit', 'date', 'subject', 'tasks', 'weeks']);
    assert.deepEqual(json.points[0].weeks[0], { number: 0, tasks: { total: 5, done: 5 } });
    assert.deepEqual(json.points.map((p: { subject: string; tasks: { done: number; total: number } }) => [p.subject, p.tasks.done, p.tasks.total]), EXPECTED.map(([s, d, t]) => [s, d, t]));
    assert.deepEqual(json.points.map((p: { date: string }) => p.date), ['2026-01-05T09:00:00+00:00', '2026-01-06T10:00:00+00:00', '2026-01-07T11:00:00+00:00', '2026-01-08T12:00:00+00:00', '2026-01-13T09:30:00+00:00', '2026-01-15T16:00:00+00:00']);
    assert.deepEqual(json.skipped.map((s: { reason: string }) => s.reason), ['the file is not valid UTF-8 at this commit']);
    assert.equal(json.shallow, false);
  });

  it('--since keeps points from that date on', () => {
    const json = JSON.parse(run('history', repo.file, '--since', '2026-01-13', '--json').stdout);
    assert.deepEqual(json.points.map((p: { subject: string }) => p.subject), ['Week 8 ticks; Week 7 claimed complete', 'Fix the encoding; warm the cache']);
    assert.equal(JSON.parse(run('history', repo.file, '--since', '2026-01-16T00:00:00Z', '--json').stdout).points.length, 0);
  });

  it('text output: one line per commit, skipped commits with their reason; a relative path from a subfolder', () => {
    const cwd = process.cwd();
    process.chdir(join(repo.root, 'docs'));
    try {
      const { code, stdout } = run('history', relative(join(repo.root, 'docs'), repo.file));
      assert.equal(code, 0);
      assert.match(stdout, /^MASTER_EXECUTION_TRACKER\.md: 6 commits\n/);
      assert.match(stdout, /2026-01-15T16:00:00\+00:00 {2}[0-9a-f]{8} {2}139\/190 {2}Fix the encoding; warm the cache\n/);
      assert.match(stdout, /skipped: the file is not valid UTF-8 at this commit/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('bad input exits 1 with one line', () => {
    const bad = (args: string[], pattern: RegExp) => {
      const { code, stderr } = run('history', ...args);
      assert.equal(code, 1);
      assert.match(stderr, pattern);
      assert.equal(stderr.trim().split('\n').length, 1);
    };
    bad([], /expected exactly one FILE/);
    bad([repo.file, '--since'], /--since needs a date/);
    bad([repo.file, '--since', 'last monday'], /--since "last monday" is not a date/);
    bad([repo.file, '--until', 'x'], /unknown option --until/);
    bad(['/nope/TRACKER.md'], /\/nope\/TRACKER\.md: cannot read file \(ENOENT\)/);
    const dir = mkdtempSync(join(tmpdir(), 'et-nogit-'));
    try {
      writeFileSync(join(dir, 'T.md'), '- [ ] a\n');
      bad([join(dir, 'T.md')], /T\.md: not in a git repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
