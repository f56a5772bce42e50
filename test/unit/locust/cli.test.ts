import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/run';
import { fixturePath } from '../fixtures';

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, (t) => (stdout += `${t}\n`), (t) => (stderr += `${t}\n`));
  return { code, stdout, stderr };
}

const deb = (...parts: string[]) => fixturePath('locust', 'debian-2.12.1', ...parts);

describe('cli stats', () => {
  it('stats file as JSON in the documented shape', () => {
    const file = deb('run1', 'run1_stats.csv');
    const { code, stdout } = run('stats', file, '--json');
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.file, file);
    assert.equal(json.kind, 'stats');
    for (const key of ['type', 'name', 'requests', 'failures', 'medianMs', 'avgMs', 'minMs', 'maxMs', 'rps', 'percentiles']) assert.ok(key in json.endpoints[0], key);
    assert.deepEqual(json.endpoints.map((e: { name: string }) => e.name), ['/data.json', '/missing (404)', 'home', 'search "a,b"']);
    assert.equal(json.aggregated.requests, 676);
    assert.equal(json.aggregated.percentiles['95'], 10);
    assert.equal(json.endpoints[3].percentiles['99.9'], 14);
  });

  it('history file as JSON: summary without series unless --series', () => {
    const file = deb('run1', 'run1_stats_history.csv');
    const json = JSON.parse(run('stats', file, '--json').stdout);
    assert.deepEqual([json.file, json.kind, json.points, json.durationS, json.peakUsers, json.endpoints], [file, 'history', 11, 10, 5, ['/data.json', '/missing (404)', 'home', 'search "a,b"']]);
    assert.equal(json.series, undefined);
    assert.ok(JSON.parse(run('stats', file, '--json', '--series').stdout).series.Aggregated.t.length > 0);
  });

  it('failures, exceptions and HTML as JSON', () => {
    assert.equal(JSON.parse(run('stats', deb('run1', 'run1_failures.csv'), '--json').stdout).failures[0].occurrences, 74);
    assert.equal(JSON.parse(run('stats', deb('run1', 'run1_exceptions.csv'), '--json').stdout).exceptions[0].count, 65);
    assert.equal(JSON.parse(run('stats', deb('run1', 'run1_report.html'), '--json').stdout).stats.aggregated.requests, 700);
  });

  it('a readable table without --json', () => {
    const { code, stdout } = run('stats', deb('run1', 'run1_stats.csv'));
    assert.equal(code, 0);
    assert.match(stdout, /Type\s+Name\s+Requests\s+Fail%\s+Median\s+P95\s+P99\s+Max\s+RPS/);
    assert.match(stdout, /GET\s+search "a,b"\s+60\s+0\.00%/);
    assert.match(stdout, /Aggregated\s+676\s+10\.95%/);
    assert.match(stdout, /note: .*lag/);
  });

  const bad: Array<[string[], RegExp]> = [
    [[fixturePath('trackers', 'MASTER_EXECUTION_TRACKER.md')], /MASTER_EXECUTION_TRACKER\.md:1: not a Locust result/],
    [[deb('run1', 'nope.csv')], /nope\.csv: file not found/],
    [[deb('run1')], /is a directory/],
    [[], /expected exactly one FILE/],
    [[deb('run1', 'run1_stats.csv'), '--csv'], /unknown option --csv/],
  ];
  for (const [args, pattern] of bad) {
    it(`exit 1 with one line on stderr: ${args.map((a) => a.split('/').pop()).join(' ') || '(no file)'}`, () => {
      const { code, stdout, stderr } = run('stats', ...args);
      assert.equal(code, 1);
      assert.equal(stdout, '');
      assert.match(stderr, pattern);
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
    });
  }
});
