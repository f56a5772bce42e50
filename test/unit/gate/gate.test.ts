import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { trackerCriteria } from '../../../src/core/checks/criteria';
import { evaluateGate, gateRunFromStats, gateRunFromSummary, type GateRun } from '../../../src/core/gate/gate';
import { formatGithub, formatJunit, gateJson, limitText } from '../../../src/core/gate/format';
import { GateInputError, parseQuantity, parseRegression, trackerLimits, type Limit } from '../../../src/core/gate/limits';
import { readBaselineSetting } from '../../../src/core/gate/baselineSetting';
import { readLocustFileSync, type LocustStats } from '../../../src/core/locust';
import { parseTracker, splitLines } from '../../../src/core/tracker/parse';
import { fixturePath, seedTracker } from '../fixtures';

const stats = (...parts: string[]): LocustStats => {
  const result = readLocustFileSync(fixturePath('locust', ...parts));
  if (result.kind === 'stats') return result;
  if (result.kind === 'html') return result.stats;
  throw new Error(`not stats: ${result.kind}`);
};
const run1 = (): GateRun => gateRunFromStats('run1', stats('debian-2.12.1', 'run1', 'run1_stats.csv'));
const run2 = (): GateRun => gateRunFromStats('run2', stats('debian-2.12.1', 'run2_tags_nofullhistory', 'run2_stats.csv'));
const flag = (metric: Limit['metric'], op: Limit['op'], value: number, endpoint?: string): Limit => ({ metric, op, value, endpoint, source: { kind: 'flag', flag: `--x-${metric}` } });

describe('gate: threshold parsing', () => {
  it('reads durations, percentages and rates in the unit the flag expects', () => {
    assert.equal(parseQuantity('--max-p95', '500ms', 'time'), 500);
    assert.equal(parseQuantity('--max-p99', '2s', 'time'), 2000);
    assert.equal(parseQuantity('--max-p99', '1.5s', 'time'), 1500);
    assert.equal(parseQuantity('--max-failure-rate', '1%', 'percent'), 1);
    assert.equal(parseQuantity('--max-failure-rate', '0.05', 'percent'), 0.05);
    assert.equal(parseQuantity('--min-rps', '25', 'rate'), 25);
    assert.equal(parseQuantity('--min-rps', '25rps', 'rate'), 25);
    assert.equal(parseQuantity('--min-rps', '25 req/s', 'rate'), 25);
  });

  it('refuses what does not parse, naming the flag and the value', () => {
    for (const [flag, value, dimension] of [
      ['--max-p95', 'fast', 'time'],
      ['--max-p95', '500', 'time'], // a bare number is not a duration
      ['--max-p95', '5%', 'time'],
      ['--max-p95', '500ms 2s', 'time'],
      ['--max-failure-rate', '1ms', 'percent'],
      ['--min-rps', '-3', 'rate'],
      ['--min-rps', '', 'rate'],
    ] as const) {
      assert.throws(() => parseQuantity(flag, value, dimension), (e: Error) => e instanceof GateInputError && e.message.startsWith(flag) && !e.message.includes('\n'), `${flag} ${value}`);
    }
    assert.throws(() => parseQuantity('--max-p95', undefined, 'time'), /needs a value/);
  });

  it('reads regression limits and refuses unknown metrics', () => {
    assert.deepEqual(parseRegression('--max-regression', 'p95=10%,rps=5%'), [{ metric: 'p95', percent: 10 }, { metric: 'rps', percent: 5 }]);
    assert.deepEqual(parseRegression('--max-regression', 'median=3, failure-rate=50'), [{ metric: 'p50', percent: 3 }, { metric: 'failureRate', percent: 50 }]);
    assert.throws(() => parseRegression('--max-regression', 'p97=10%'), GateInputError);
    assert.throws(() => parseRegression('--max-regression', 'p95'), GateInputError);
    assert.throws(() => parseRegression('--max-regression', 'p95=fast'), GateInputError);
  });

  it("takes the tracker's criteria as the checks read them (Target Metrics, Exit Criteria), with their lines", () => {
    const text = seedTracker();
    const lines = splitLines(text);
    const limits = trackerLimits(trackerCriteria(lines, parseTracker(text)));
    const at = (metric: string) => limits.filter((l) => l.metric === metric).map((l) => [l.op, l.value, l.source.kind === 'tracker' ? lines[l.source.line].trim().slice(0, 18) : '']);
    assert.deepEqual(at('p95').map((x) => x.slice(0, 2)), [['<', 300], ['<', 200], ['<', 150]]);
    assert.ok(String(at('p95').at(-1)![2]).startsWith('P95 Response Time'));
    assert.deepEqual(at('rps').map((x) => x.slice(0, 2)), [['>', 50]]);
    assert.deepEqual(at('failureRate').map((x) => x.slice(0, 2)), [['<', 0.05]]);
    assert.deepEqual(at('p99').map((x) => x.slice(0, 2)), [['<', 2000], ['<', 300]]);
    // "Write Coverage: >90%" is not a run metric; the mis-decoded tick does not become a qualifier.
    assert.ok(!limits.some((l) => l.qualifier?.includes('Ö') || l.qualifier === 'Write'));
    assert.deepEqual(limits.filter((l) => l.qualifier).map((l) => l.qualifier), ['V2 endpoints', 'Dashboard']);
  });

  it('reads the pinned baseline from settings.json with comments and trailing commas', () => {
    assert.equal(readBaselineSetting('{\n // pinned\n "executionTracker.baselineRun": "runs/v39",\n}', 's.json'), 'runs/v39');
    assert.equal(readBaselineSetting('{"editor.tabSize": 2}', 's.json'), undefined);
    assert.equal(readBaselineSetting('', 's.json'), undefined);
    assert.throws(() => readBaselineSetting('{"a": ', '.vscode/settings.json'), /^Error: \.vscode\/settings\.json:1: not valid JSON/);
  });
});

describe('gate: verdicts on real Locust runs', () => {
  it('judges the Aggregated row by default and each limit on its own', () => {
    // run1: 676 requests, 74 failures (10.95 %), P95 10 ms, 35.5 req/s.
    const result = evaluateGate({ run: run1(), limits: [flag('p95', '<=', 10), flag('p95', '<', 10), flag('failureRate', '<=', 11), flag('failureRate', '<=', 10), flag('rps', '>=', 35), flag('rps', '>=', 36)] });
    assert.deepEqual(result.checks.map((c) => [c.endpoint, c.value, c.pass]), [
      ['Aggregated', 10, true],
      ['Aggregated', 10, false],
      ['Aggregated', 10.9467, true],
      ['Aggregated', 10.9467, false],
      ['Aggregated', 35.54906166308579, true],
      ['Aggregated', 35.54906166308579, false],
    ]);
    assert.equal(result.pass, false);
    assert.equal(evaluateGate({ run: run1(), limits: [flag('p95', '<=', 10)] }).pass, true);
  });

  it('applies --endpoint limits to that endpoint (by name or "TYPE name"), and refuses an unknown one', () => {
    const byName = evaluateGate({ run: run1(), limits: [flag('failureRate', '<=', 1, '/missing (404)')] });
    assert.deepEqual(byName.checks.map((c) => [c.endpoint, c.value, c.pass]), [['/missing (404)', 100, false]]);
    const byType = evaluateGate({ run: run1(), limits: [flag('p99', '<=', 20, 'GET home')] });
    assert.deepEqual(byType.checks.map((c) => [c.endpoint, c.value, c.pass]), [['home', 20, true]]);
    assert.throws(() => evaluateGate({ run: run1(), limits: [flag('p95', '<=', 1, '/nope')] }), (e: Error) => e instanceof GateInputError && /no such endpoint.*home/.test(e.message));
  });

  it('judges regressions against the baseline and shows the baseline value beside every check', () => {
    // run2 against run1: P95 7 vs 10 ms (better), RPS 31.3 vs 35.5 (12 % worse).
    const result = evaluateGate({ run: run2(), baseline: run1(), limits: [flag('p95', '<=', 50)], regressions: [{ metric: 'p95', percent: 10 }, { metric: 'rps', percent: 5 }] });
    assert.deepEqual(result.checks.map((c) => [c.kind, c.metric, c.value, c.baseline, c.pass]), [
      ['threshold', 'p95', 7, 10, true],
      ['regression', 'p95', 7, 10, true],
      ['regression', 'rps', 31.29371235948671, 35.54906166308579, false],
    ]);
    assert.equal(result.checks[1].limit, 11);
    assert.equal(result.checks[2].op, '>=');
    assert.ok(Math.abs(result.checks[2].limit - 35.54906166308579 * 0.95) < 1e-3);
    assert.equal(result.baseline, 'run1');
    assert.equal(limitText(result.checks[1]), '<= 11ms (baseline +10%)');
    assert.equal(limitText(result.checks[2]), '>= 33.77 req/s (baseline −5%)');
  });

  it('refuses a baseline with no endpoint in common, and regressions without a baseline', () => {
    const other = gateRunFromStats('neuro', stats('public', 'isNeil__neuro__locust_stats.csv'));
    assert.throws(() => evaluateGate({ run: run1(), baseline: other, limits: [] }), (e: Error) => e instanceof GateInputError && /no endpoint in common/.test(e.message));
    assert.throws(() => evaluateGate({ run: run1(), limits: [], regressions: [{ metric: 'p95', percent: 10 }] }), /needs a baseline/);
  });

  it('judges a run known only from tracker prose on its totals', () => {
    const summary = gateRunFromSummary('v18', { requests: 7064, failures: null, failureRate: 0.64, p95Ms: 2100, p99Ms: 19000, rps: 23.6 });
    const result = evaluateGate({ run: run1(), baseline: summary, limits: [], regressions: [{ metric: 'p95', percent: 0 }] });
    assert.deepEqual(result.checks.map((c) => [c.value, c.baseline, c.pass]), [[10, 2100, true]]);
  });

  it('fails a check whose metric the run does not measure', () => {
    const noRows: GateRun = { label: 'empty', endpoints: [], aggregated: null };
    const result = evaluateGate({ run: noRows, limits: [flag('p95', '<=', 100)] });
    assert.deepEqual(result.checks.map((c) => [c.value, c.pass]), [[null, false]]);
  });

  it("applies the tracker's qualified criteria to the endpoints they name, and says which it could not", () => {
    const text = seedTracker();
    const limits = trackerLimits(trackerCriteria(splitLines(text), parseTracker(text)));
    const renamed: GateRun = { ...run1(), endpoints: run1().endpoints.map((e) => (e.name === 'home' ? { ...e, name: '/dashboard/' } : e)) };
    const result = evaluateGate({ run: renamed, limits });
    assert.ok(result.checks.some((c) => c.endpoint === '/dashboard/' && c.metric === 'p95' && c.limit === 200 && c.pass));
    assert.deepEqual(result.notApplicable.map((n) => n.text), ['Exit Criteria: V2 endpoints P95 <300ms']);
  });
});

describe('gate: output formats', () => {
  const result = () => {
    const text = seedTracker();
    return evaluateGate({ run: run1(), limits: [flag('p95', '<=', 100), ...trackerLimits(trackerCriteria(splitLines(text), parseTracker(text)))] });
  };

  it('JSON has pass and the checks with metric, endpoint, value, limit, baseline, pass', () => {
    const json = gateJson(result()) as { pass: boolean; checks: Array<Record<string, unknown>> };
    assert.equal(json.pass, false);
    for (const key of ['metric', 'endpoint', 'value', 'limit', 'baseline', 'pass']) assert.ok(key in json.checks[0], key);
    assert.ok(json.checks.some((c) => c.line === 636 && c.metric === 'failureRate' && c.pass === false));
  });

  it('GitHub annotations sit on the criterion line; flag limits have no file', () => {
    const text = formatGithub(evaluateGate({ ...{ run: run1() }, limits: [flag('p95', '<=', 1), ...trackerLimits(trackerCriteria(splitLines(seedTracker()), parseTracker(seedTracker())))] }), 'docs/MASTER, TRACKER.md');
    assert.match(text, /^::error file=docs\/MASTER%2C TRACKER\.md,line=636,col=\d+::Gate failed: Failure rate of Aggregated is 10\.95%25, limit < 0\.05%25/m);
    assert.match(text, /^::error title=Load test gate::Gate failed: P95 of Aggregated is 10ms, limit <= 1ms \(--x-p95\)$/m);
    assert.match(text.split('\n').at(-1)!, /^::notice::Gate failed: \d+ of \d+ checks on run1$/);
  });

  it('JUnit has one testcase per check and escapes what it quotes', () => {
    const r = result();
    const xml = formatJunit(r, 'T<&>.md');
    assert.equal((xml.match(/<testcase /g) ?? []).length, r.checks.length);
    assert.equal((xml.match(/<failure /g) ?? []).length, r.checks.filter((c) => !c.pass).length);
    assert.ok(xml.includes('T&#60;&#38;&#62;.md:636'));
    assert.ok(!/<[^/?a-z]/.test(xml.replace(/<!\[CDATA\[|<\?xml/g, '')));
  });
});
