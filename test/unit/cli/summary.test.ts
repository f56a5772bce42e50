import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';
import { fixturePath } from '../fixtures';

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, (t) => (stdout += t), (t) => (stderr += t));
  return { code, stdout, stderr };
}

describe('cli summary', () => {
  const seed = fixturePath('trackers', 'MASTER_EXECUTION_TRACKER.md');

  it('prints the JSON shape CI relies on', () => {
    const { code, stdout } = run('summary', seed, '--json');
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.file, seed);
    assert.deepEqual(json.tasks, { total: 193, done: 138 });
    assert.deepEqual(json.counted, { total: 189, done: 138 });
    assert.equal(json.weeks.length, 9);
    assert.deepEqual(Object.keys(json.weeks[0]).sort(), ['line', 'number', 'status', 'statusLine', 'tasks', 'title']);
    assert.deepEqual(json.weeks[0], { number: 0, title: 'WEEK 0: PLANNING', line: 47, status: 'complete', statusLine: null, tasks: { total: 5, done: 5 } });
    assert.deepEqual(json.evidence[0], { ref: 'hasil_test_auth_probe_50u_stats.csv', line: 92 });
    assert.deepEqual(json.runs.find((r: { label: string }) => r.label === 'v39'), {
      label: 'v39', line: 865, requests: 9166, failures: 0, failureRate: 0, p95Ms: 170, p99Ms: 2000, rps: 30.64,
    });
  });

  it('prints a readable outline', () => {
    const { code, stdout } = run('summary', seed);
    assert.equal(code, 0);
    assert.match(stdout, /^MASTER_EXECUTION_TRACKER\.md: 138\/189 tasks done \(73%\), 193 in the file/);
    assert.match(stdout, /WEEK 4: TIER 2 PERFORMANCE - PHASE 2\s+21\/28\s+in-progress/);
  });

  it('fails with one line naming the file for bad input', () => {
    const missing = run('summary', '/no/such/tracker.md');
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    assert.match(missing.stderr, /\/no\/such\/tracker\.md: cannot read file \(ENOENT\)/);
    assert.equal(run('summary').code, 1);
    assert.equal(run('nonsense').code, 2);
  });
});
