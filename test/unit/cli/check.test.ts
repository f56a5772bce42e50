import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';
import { fixturePath } from '../fixtures';

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, (t) => (stdout += `${t}\n`), (t) => (stderr += t));
  return { code, stdout, stderr };
}

describe('cli check', () => {
  it('gates on error findings and prints the JSON shape, 1-based lines', () => {
    const seed = fixturePath('trackers', 'MASTER_EXECUTION_TRACKER.md');
    const { code, stdout } = run('check', seed, '--json');
    assert.equal(code, 1);
    const json = JSON.parse(stdout);
    assert.equal(json.file, seed);
    const first = json.diagnostics[0];
    assert.deepEqual(Object.keys(first).sort(), ['column', 'line', 'message', 'rule', 'severity']);
    assert.ok(json.diagnostics.some((d: { rule: string; line: number }) => d.rule === 'progress-claim' && d.line === 13));
    assert.ok(json.diagnostics.some((d: { rule: string; line: number }) => d.rule === 'duplicate-row' && d.line === 651));
  });

  it('exits 0 on a consistent tracker, resolving evidence in --workspace', () => {
    const { code, stdout } = run('check', fixturePath('trackers', 'consistent.md'), '--workspace', fixturePath('trackers'));
    assert.match(stdout, /evidence-missing.*hasil_test_v10_100u_stats\.csv/);
    assert.equal(code, 0, 'a missing file is a warning, not an error');
  });

  it('prints file:line:column lines a terminal can link', () => {
    const { stdout } = run('check', fixturePath('trackers', 'MASTER_EXECUTION_TRACKER.md'));
    assert.match(stdout, /MASTER_EXECUTION_TRACKER\.md:13:1: error \[progress-claim\] Claims 100%/);
    assert.match(stdout, /\d+ findings, \d+ errors\n$/);
  });

  it('rejects bad arguments with one line', () => {
    assert.equal(run('check').code, 1);
    assert.equal(run('check', 'a.md', '--workspace').code, 1);
    const missing = run('check', '/nope.md');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^execution-tracker: \/nope\.md: cannot read file \(ENOENT\)$/);
  });
});

describe('cli check: evidence-drift against the cited _stats.csv', () => {
  // A real Locust 2.12.1 output (the sample's own CSVs are generated to agree with its tracker).
  const stats = readFileSync(fixturePath('locust', 'debian-2.12.1', 'run1', 'run1_stats.csv'));

  function workspace(summary: string, files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(join(tmpdir(), 'et-check-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    writeFileSync(join(dir, 'TRACKER.md'), `# Runs\n\n**v39 Results**:\n- Aggregated: ${summary}\n- Evidence: hasil_test_v39_stats.csv\n`);
    return dir;
  }

  it('reports numbers that disagree with the CSV, on the summary line', () => {
    const dir = workspace('9,166 requests, 0 failures, P95 170ms, P99 2.0s, RPS 30.64', { 'runs/hasil_test_v39_stats.csv': stats });
    try {
      const { stdout } = run('check', join(dir, 'TRACKER.md'), '--json');
      const drift = JSON.parse(stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'evidence-drift');
      assert.equal(drift.length, 1);
      assert.equal(drift[0].line, 3);
      assert.equal(drift[0].severity, 'warning');
      assert.match(drift[0].message, /requests 9,166 vs 676; failures 0 vs 74; p95Ms 170 ms vs 10 ms; p99Ms 2,000 ms vs 16 ms; rps 30.64 vs 35.55/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is quiet when the summary matches the CSV within tolerance', () => {
    const dir = workspace('676 requests, 74 failures, P95 10ms, P99 16ms, RPS 35.5', { 'hasil_test_v39_stats.csv': stats });
    try {
      const { stdout } = run('check', join(dir, 'TRACKER.md'), '--json');
      assert.deepEqual(JSON.parse(stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'evidence-drift'), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips a cited CSV that is not a Locust stats file, without failing', () => {
    for (const content of ['', 'not,a,locust\nfile,at,all\n', Buffer.from([0, 159, 146, 150, 0, 1])]) {
      const dir = workspace('9,166 requests, 0 failures', { 'hasil_test_v39_stats.csv': content });
      try {
        const { stdout, stderr } = run('check', join(dir, 'TRACKER.md'), '--json');
        assert.equal(stderr, '');
        assert.deepEqual(JSON.parse(stdout).diagnostics.filter((d: { rule: string }) => d.rule.startsWith('evidence-')), []);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
