import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseHostMessage, parseState } from '../../../webview/validate';
import { buildTrend, compareRunStats, readLocustRunSync, groupRuns } from '../../../src/core/locust';
import { fixturePath } from '../fixtures';
import { readdirSync } from 'node:fs';

const strings = { loading: 'Loading…', p95: 'P95' };
const dir = fixturePath('locust', 'debian-2.12.1', 'run1');
const [run] = groupRuns(readdirSync(dir).map((f) => `${dir}/${f}`));
const data = readLocustRunSync(run);

function runMessage(): Record<string, unknown> {
  return {
    type: 'render',
    target: { kind: 'run', runId: run.id },
    title: 'run1',
    strings,
    data: { kind: 'run', run: { id: run.id, label: 'run1', files: ['run1_stats.csv'], live: false }, stats: data.stats, history: data.history, failures: data.failures?.failures ?? [], exceptions: data.exceptions?.exceptions ?? [], notes: data.notes, errors: [] },
  };
}

describe('parseHostMessage', () => {
  it('accepts real run, compare and trend messages (after a JSON round trip, as postMessage does)', () => {
    const run1 = JSON.parse(JSON.stringify(runMessage()));
    assert.ok(parseHostMessage(run1));
    const comparison = compareRunStats([{ id: 'a', label: 'a', stats: data.stats }, { id: 'b', label: 'b', stats: data.stats }]);
    const compare = { type: 'render', target: { kind: 'compare', runIds: ['a', 'b'] }, title: 'x', strings, data: { kind: 'compare', runs: [{ id: 'a', label: 'a', files: [], live: false, history: data.history!.series.Aggregated, startS: data.history!.startS }], comparison, thresholds: [{ metric: 'p95', endpoint: null, value: 150, label: 'P95 <150ms' }], notes: [], errors: [] } };
    assert.ok(parseHostMessage(JSON.parse(JSON.stringify(compare))));
    for (const bad of [undefined, [{ metric: 'p95', endpoint: null, value: '150', label: 'x' }], [{ metric: 'p42', endpoint: null, value: 1, label: 'x' }]]) {
      assert.equal(parseHostMessage({ ...compare, data: { ...compare.data, thresholds: bad } }), undefined, JSON.stringify(bad));
    }
    const trend = { type: 'render', target: { kind: 'trend' }, title: 't', strings, data: { kind: 'trend', trend: buildTrend([], []), csvRuns: 0, trackerRuns: 0, errors: [] } };
    assert.ok(parseHostMessage(trend));
    assert.ok(parseHostMessage({ type: 'failed', target: { kind: 'trend' }, title: 't', strings, message: 'gone' }));
  });

  const broken: Array<[string, (m: Record<string, unknown>) => void]> = [
    ['unknown type', (m) => (m.type = 'html')],
    ['no target', (m) => delete m.target],
    ['strings with a number', (m) => (m.strings = { a: 1 })],
    ['title not text', (m) => (m.title = { toString: 1 })],
    ['stats endpoints not an array', (m) => ((m.data as Record<string, Record<string, unknown>>).stats.endpoints = 'x')],
    ['history column of another length', (m) => ((m.data as Record<string, Record<string, Record<string, Record<string, unknown>>>>).history.series.Aggregated.rps = [1])],
    ['failures with a bad row', (m) => ((m.data as Record<string, unknown>).failures = [{ error: 1 }])],
    ['unknown data kind', (m) => ((m.data as Record<string, unknown>).kind = 'pie')],
    ['notes not text', (m) => ((m.data as Record<string, unknown>).notes = [null])],
  ];
  for (const [name, mutate] of broken) {
    it(`refuses ${name}`, () => {
      const message = JSON.parse(JSON.stringify(runMessage()));
      mutate(message);
      assert.equal(parseHostMessage(message), undefined);
    });
  }
  it('refuses non-objects', () => {
    for (const value of [null, undefined, 'render', 3, []]) assert.equal(parseHostMessage(value), undefined);
  });
});

describe('parseState', () => {
  it('keeps good parts and drops bad ones', () => {
    assert.deepEqual(parseState({ target: { kind: 'run', runId: 'x' }, sort: { endpoints: { column: 'p95', descending: true }, bad: { column: 1 } }, historyEndpoint: 'home' }), {
      target: { kind: 'run', runId: 'x' },
      sort: { endpoints: { column: 'p95', descending: true } },
      historyEndpoint: 'home',
    });
    assert.equal(parseState({ target: { kind: 'compare', runIds: ['only-one'] } }), undefined);
    assert.equal(parseState(undefined), undefined);
  });
});
