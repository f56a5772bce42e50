// The sample workspace is the project's shop window: its generated Locust files must agree with its tracker, so
// the checks on it show the tracker's own contradictions and nothing the sample got wrong.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';
import { listWorkspaceFiles } from '../../../src/cli/workspaceFiles';
import { endpointValues, groupRuns, readLocustRunSync } from '../../../src/core/locust';
import { parseTracker } from '../../../src/core/tracker/parse';
import { readFileSync } from 'node:fs';

const sampleDir = join(process.cwd(), 'sample');
const trackerPath = join(sampleDir, 'MASTER_EXECUTION_TRACKER.md');

function check() {
  let stdout = '';
  runCli(['check', trackerPath, '--json'], (t) => (stdout += t), () => {});
  return JSON.parse(stdout).diagnostics as Array<{ rule: string; line: number; message: string }>;
}

describe('the sample workspace', () => {
  const findings = check();
  const byRule = (rule: string) => findings.filter((f) => f.rule === rule);

  it('has no evidence drift and at most a handful of missing files', () => {
    assert.deepEqual(byRule('evidence-drift'), []);
    const missing = new Set(byRule('evidence-missing').map((f) => /"([^"]+)"/.exec(f.message)![1]));
    assert.ok(missing.size <= 5, `missing: ${[...missing].join(', ')}`);
  });

  it("still shows every genuine contradiction of the tracker", () => {
    assert.deepEqual(byRule('progress-claim').map((f) => f.line), [13, 593]);
    assert.ok(byRule('status-claim').some((f) => /WEEK 3.*in progress but all 19 tasks are done/.test(f.message)));
    assert.ok(byRule('status-claim').some((f) => /Week 4 status line claims complete but 7 of 28 tasks are open/.test(f.message)));
    assert.equal(byRule('criteria').length, 6);
    assert.deepEqual(byRule('duplicate-row').map((f) => f.line), [651]);
    assert.deepEqual(byRule('comma-tags').map((f) => f.line), [175]);
    assert.equal(byRule('encoding').length, 1);
  });

  it('has Locust files for every run the tracker labels, with the numbers it states', () => {
    const tracker = parseTracker(readFileSync(trackerPath, 'utf8'));
    const runs = groupRuns(listWorkspaceFiles(sampleDir).map((f) => join(sampleDir, f)));
    for (const summary of tracker.runs.filter((r) => r.label)) {
      const candidates = runs.filter((r) => r.meta.version === summary.label);
      assert.ok(candidates.length > 0, `no files for ${summary.label} (line ${summary.line + 1})`);
      const matches = candidates.map((run) => {
        const data = readLocustRunSync(run);
        assert.deepEqual(data.errors, [], `${run.prefix} reads without errors`);
        assert.ok(data.history && data.failures && data.exceptions, `${run.prefix} has history, failures and exceptions`);
        return endpointValues(data.stats!.aggregated!);
      });
      const agrees = matches.some((v) =>
        v.requests === summary.requests &&
        (summary.failures === null || v.failures === summary.failures) &&
        (summary.p95Ms === null || v.p95Ms === summary.p95Ms) &&
        (summary.p99Ms === null || v.p99Ms === summary.p99Ms) &&
        (summary.rps === null || Math.round(v.rps! * 100) / 100 === summary.rps),
      );
      assert.ok(agrees, `${summary.label} (line ${summary.line + 1}): ${JSON.stringify(summary)} vs ${JSON.stringify(matches)}`);
    }
  });

  it("gives v18's Login POST failures as HTTP 500s", () => {
    const run = groupRuns(listWorkspaceFiles(sampleDir).map((f) => join(sampleDir, f))).find((r) => r.meta.version === 'v18')!;
    const data = readLocustRunSync(run);
    const rows = data.failures!.failures;
    assert.deepEqual(rows.map((r) => [r.name, r.occurrences]), [['[AUTH] Login POST', 45]]);
    assert.match(rows[0].error, /500 Server Error/);
    assert.ok(data.html, 'v18 has an --html report');
  });

  it('is what the generator writes (seeded, so the same on every run)', () => {
    const result = spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'generate-sample-evidence.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});
