import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { classifyFileName, compileRunPattern, groupRuns, parseRunName } from '../../../src/core/locust';

describe('run names', () => {
  const cases: Array<[string, Partial<ReturnType<typeof parseRunName>>]> = [
    ['hasil_test_v39_100u_r4_pool140_core_only', { version: 'v39', versionNumber: 39, users: 100, spawnRate: 4, pool: 140, variant: 'core_only' }],
    ['hasil_test_v26b_50u_r1', { version: 'v26b', versionNumber: 26, users: 50, spawnRate: 1, pool: null, variant: null }],
    ['hasil_test_v48_200u_r0.5_full', { version: 'v48', users: 200, spawnRate: 0.5, variant: 'full' }],
    ['hasil_test_v10_100u', { version: 'v10', users: 100 }],
    ['run1', { version: null, versionNumber: null, users: null, variant: null }],
  ];
  for (const [prefix, expected] of cases) {
    it(prefix, () => {
      const meta = parseRunName(prefix);
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(meta[key as keyof typeof meta], value, key);
    });
  }

  it('a custom pattern with named groups, extra groups kept', () => {
    const meta = parseRunName('soak-2026-08-01-build123', compileRunPattern(String.raw`build(?<version>\d+)$|(?<date>\d{4}-\d{2}-\d{2})`));
    assert.equal(meta.versionNumber, null);
    const built = parseRunName('soak_build123', compileRunPattern(String.raw`(?<date>\d{4})?_build(?<version>\d+)`));
    assert.deepEqual([built.version, built.versionNumber], ['123', 123]);
    assert.throws(() => compileRunPattern('(?<x>'), /not a valid regular expression/);
  });
});

describe('groupRuns', () => {
  it('groups siblings by prefix and orders by version', () => {
    const runs = groupRuns([
      'results/hasil_test_v39_100u_r4_pool140_core_only_stats.csv',
      'results/hasil_test_v39_100u_r4_pool140_core_only_stats_history.csv',
      'results/hasil_test_v39_100u_r4_pool140_core_only_failures.csv',
      'results/hasil_test_v39_100u_r4_pool140_core_only_exceptions.csv',
      'results/hasil_test_v26b_100u_r4_stats.csv',
      'results/hasil_test_v26b_100u_r4.html',
      'old/example_requests.csv',
      'old/example_distribution.csv',
      'run1/run1_report.html',
      'notes/readme.md',
      'notes/other.html',
      'C:\\runs\\win_stats.csv',
    ]);
    assert.deepEqual(runs.map((r) => r.id), ['results/hasil_test_v26b_100u_r4', 'results/hasil_test_v39_100u_r4_pool140_core_only', 'C:\\runs/win', 'old/example', 'run1/run1']);
    assert.deepEqual(Object.keys(runs[1].files).sort(), ['exceptions', 'failures', 'history', 'stats']);
    assert.equal(runs[0].files.html, 'results/hasil_test_v26b_100u_r4.html');
    assert.deepEqual(Object.keys(runs[3].files).sort(), ['distribution', 'requests']);
    assert.equal(runs[1].meta.pool, 140);
  });

  it('classifies file names by suffix, history before stats', () => {
    assert.deepEqual(classifyFileName('a/x_stats_history.csv'), { dir: 'a', prefix: 'x', role: 'history' });
    assert.deepEqual(classifyFileName('x_stats.csv'), { dir: '', prefix: 'x', role: 'stats' });
    assert.equal(classifyFileName('_stats.csv'), null);
    assert.equal(classifyFileName('notes.csv'), null);
  });
});
