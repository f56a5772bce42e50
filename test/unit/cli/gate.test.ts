import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';
import { groupRuns, readLocustFileSync } from '../../../src/core/locust';
import { fixturePath } from '../fixtures';

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, (t) => (stdout += `${t}\n`), (t) => (stderr += t));
  return { code, stdout, stderr };
}

const RUN1 = fixturePath('locust', 'debian-2.12.1', 'run1', 'run1_stats.csv');
const RUN2 = fixturePath('locust', 'debian-2.12.1', 'run2_tags_nofullhistory', 'run2_stats.csv');
const REPORT1 = fixturePath('locust', 'debian-2.12.1', 'run1', 'run1_report.html');
const SAMPLE = join(process.cwd(), 'sample');

/** A workspace of real runs named as the team names them, a tracker with criteria, and a pinned baseline. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'et-gate-'));
  mkdirSync(join(dir, 'results'));
  for (const [from, prefix] of [['run1', 'hasil_test_v10_100u'], ['run2_tags_nofullhistory', 'hasil_test_v11_100u']]) {
    const source = fixturePath('locust', 'debian-2.12.1', from);
    for (const name of readdirSync(source).filter((n) => n.endsWith('_stats.csv'))) copyFileSync(join(source, name), join(dir, 'results', `${prefix}_stats.csv`));
  }
  writeFileSync(join(dir, 'PERF_TRACKER.md'), '# Perf\n\n### Target Metrics\n```\nP95 Response Time:    <150ms\nError Rate:           <1%\n```\n');
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'settings.json'), '{\n  // pinned from the Runs view\n  "executionTracker.baselineRun": "results/hasil_test_v10_100u",\n}\n');
  return dir;
}
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const ws = () => {
  const d = workspace();
  dirs.push(d);
  return d;
};

describe('cli gate', () => {
  it('exit 0 when every check passes, 1 when one fails', () => {
    assert.equal(run('gate', RUN1, '--max-p95', '500ms', '--no-tracker', '--no-baseline').code, 0);
    const failed = run('gate', RUN1, '--max-p95', '500ms', '--max-failure-rate', '1%', '--no-tracker', '--no-baseline');
    assert.equal(failed.code, 1);
    assert.match(failed.stdout, /^FAIL +Failure rate +Aggregated +10\.95% +<= 1%/m);
    assert.match(failed.stdout, /^ok +P95 +Aggregated +10ms +<= 500ms/m);
    assert.match(failed.stdout, /FAIL: 1 of 2 checks failed\n$/);
  });

  it('reads the --html report as well as the _stats.csv', () => {
    const html = readLocustFileSync(REPORT1);
    assert.equal(html.kind, 'html');
    const expected = html.kind === 'html' ? html.stats.aggregated!.percentiles['95'] : null;
    const { code, stdout } = run('gate', REPORT1, '--max-p95', '1s', '--json', '--no-tracker', '--no-baseline');
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).checks[0].value, expected);
  });

  it('finds runs by version in --workspace, uses the pinned baseline and the tracker criteria', () => {
    const dir = ws();
    const { code, stdout } = run('gate', 'v11', '--workspace', dir, '--max-regression', 'p95=10%,rps=5%', '--json');
    const json = JSON.parse(stdout);
    assert.equal(json.baseline, 'v10');
    assert.deepEqual(json.checks.map((c: { metric: string; kind: string; pass: boolean }) => [c.metric, c.kind, c.pass]), [
      ['p95', 'threshold', true],
      ['failureRate', 'threshold', false], // 62 of 344 failed
      ['p95', 'regression', true],
      ['rps', 'regression', false], // 31.3 against 35.5
    ]);
    assert.equal(json.checks[1].line, 6);
    assert.equal(json.checks[0].baseline, 10);
    assert.equal(code, 1);
  });

  it('--format github puts the error on the tracker line; --junit writes one testcase per check', () => {
    const dir = ws();
    const junit = join(dir, 'gate.xml');
    const { code, stdout } = run('gate', join(dir, 'results', 'hasil_test_v11_100u_stats.csv'), '--workspace', dir, '--tracker', join(dir, 'PERF_TRACKER.md'), '--format', 'github', '--junit', junit);
    assert.equal(code, 1);
    assert.match(stdout, /^::error file=[^,]*PERF_TRACKER\.md,line=6,col=\d+::Gate failed: Failure rate of Aggregated is 18\.02%25/m);
    const xml = readFileSync(junit, 'utf8');
    assert.equal((xml.match(/<testcase /g) ?? []).length, 2);
    assert.equal((xml.match(/<failure /g) ?? []).length, 1);
  });

  it('--endpoint applies the flags to one endpoint', () => {
    const { code, stdout } = run('gate', RUN2, '--endpoint', 'home', '--max-failure-rate', '0%', '--json', '--no-tracker', '--no-baseline');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).checks.map((c: { endpoint: string; value: number }) => [c.endpoint, c.value]), [['home', 0]]);
  });

  it('bad input: one line on stderr, exit 2, no stack', () => {
    const dir = ws();
    const cases: Array<[string[], RegExp]> = [
      [['gate', 'v99', '--workspace', dir], /^execution-tracker: NEW "v99": unknown run \(not a file, and not a run in .*; runs: v10, v11\)$/],
      [['gate', RUN1, '--max-p95', 'fast'], /^execution-tracker: gate: --max-p95 "fast": expected a duration such as 500ms or 2s$/],
      [['gate', RUN1, '--max-regression', 'p95=lots', '--workspace', dir], /--max-regression "p95=lots": expected METRIC=PERCENT/],
      [['gate', RUN1, '--baseline', fixturePath('locust', 'public', 'isNeil__neuro__locust_stats.csv')], /^execution-tracker: gate: baseline isNeil__neuro__locust has no endpoint in common with run1/],
      [['gate', RUN1, '--endpoint', '/nope', '--max-p95', '1s', '--no-baseline', '--no-tracker'], /no such endpoint/],
      [['gate', fixturePath('trackers', 'consistent.md'), '--no-baseline'], /not a Locust result file/],
      [['gate', RUN1, '--max-regression', 'p95=10%', '--no-baseline', '--no-tracker'], /needs a baseline/],
      [['gate', RUN1, '--frobnicate'], /unknown option "--frobnicate"/],
      [['gate'], /expected exactly one run NEW/],
    ];
    for (const [args, pattern] of cases) {
      const { code, stderr, stdout } = run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, pattern, args.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1, args.join(' '));
      assert.equal(stdout, '');
    }
  });

  it("judges the sample's newest run against the sample tracker's criteria (expectations read from the files)", () => {
    // The newest run of the sample with a _stats.csv (the sample's evidence is generated and may change).
    const newest = groupRuns(readdirSync(SAMPLE)).filter((r) => r.files.stats && r.meta.version).at(-1)!;
    const { code, stdout } = run('gate', newest.meta.version!, '--workspace', SAMPLE, '--json', '--no-baseline');
    const json = JSON.parse(stdout);
    const stats = readLocustFileSync(join(SAMPLE, newest.files.stats!));
    assert.equal(stats.kind, 'stats');
    const p95 = stats.kind === 'stats' ? stats.aggregated!.percentiles['95']! : NaN;
    const target = json.checks.find((c: { metric: string; endpoint: string }) => c.metric === 'p95' && c.endpoint === 'Aggregated');
    assert.equal(target.value, p95);
    assert.equal(target.pass, p95 < target.limit);
    assert.equal(code, json.checks.every((c: { pass: boolean }) => c.pass) ? 0 : 1);
  });
});
