import { strict as assert } from 'node:assert';
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
