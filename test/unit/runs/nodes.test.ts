import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { groupRuns } from '../../../src/core/locust/naming';
import { buildRunNodes } from '../../../src/features/runs/nodes';
import type { TrackerRunSummary } from '../../../src/services/runStore';

const summary = (label: string, p95Ms: number | null = null): TrackerRunSummary =>
  ({ label, source: `**${label} Results**`, requests: 100, failures: 0, failureRate: 0, p95Ms, p99Ms: null, rps: null, tracker: undefined as never, line: 1 });

describe('Runs view rows', () => {
  const runs = groupRuns([
    'hasil_test_v39_100u_r4_pool140_core_only_stats.csv',
    'hasil_test_v24_100u_pool140_no_export_stats.csv',
    'hasil_test_v19_100u_nolimit_stats.csv',
    'hasil_test_v19_100u_nolimit_pool100_stats.csv',
    'probe_stats.csv',
  ]);
  const csv = runs.map((run) => ({ run, values: null, error: undefined }));

  it('orders CSV and tracker-only runs by version, tracker runs of a CSV version folded in', () => {
    const nodes = buildRunNodes(csv, new Map([['tracker:v39', summary('v39')], ['tracker:v26b', summary('v26b')], ['tracker:v18', summary('v18')], ['tracker:v26', summary('v26')]]));
    assert.deepEqual(nodes.map((n) => `${n.kind}:${n.label}`), [
      'tracker:v18',
      'csv:v19 · nolimit',
      'csv:v19 · nolimit_pool100',
      'csv:v24',
      'tracker:v26',
      'tracker:v26b',
      'csv:v39',
      'csv:probe',
    ]);
    assert.equal(nodes.find((n) => n.label === 'v26b')?.id, 'tracker:v26b');
    assert.equal(nodes.find((n) => n.label === 'v39')?.id, 'hasil_test_v39_100u_r4_pool140_core_only');
  });

  it('is empty for an empty workspace and tracker', () => {
    assert.deepEqual(buildRunNodes([], new Map()), []);
  });
});
