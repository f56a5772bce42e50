import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readLocustFileSync, readLocustText, type LocustStats } from '../../../src/core/locust';
import { fixturePath } from '../fixtures';

const pub = (name: string) => fixturePath('locust', 'public', name);
const deb = (...parts: string[]) => fixturePath('locust', 'debian-2.12.1', ...parts);

function stats(path: string): LocustStats {
  const result = readLocustFileSync(path);
  assert.equal(result.kind, 'stats');
  return result as LocustStats;
}

describe('stats files of every era', () => {
  // [file, era, endpoints, aggregated requests, aggregated failures, a checked endpoint name, its P95 (or P50 for 0.x)]
  const cases: Array<[string, string, number, number, number, string, string, number | null]> = [
    [pub('jmath1__ChatOps-LocustIO__example_requests.csv'), '0.8-0.13.2', 3, 635, 1, '/third-task', 'medianMs', 4],
    [pub('ONSdigital__eq-survey-runner-benchmark__output_requests.csv'), '0.8-0.13.2', 1, 36, 36, '/session', 'medianMs', 130],
    [pub('ONSdigital__eq-survey-runner-benchmark__doc__performance-investigations__0002-use-firestore-in-datastore-mode__baseline_output_stats.csv'), '0.13.3-0.14', 0, -1, -1, '/questionnaire/', '95', 1000],
    [pub('ONSdigital__eq-survey-runner-benchmark__doc__performance-investigations__0007-use-uwsgi-server__outputs__uwsgi-7-workers__runner-benchmark-op2-7lwbs_output_stats.csv'), '1.1', 0, -1, -1, '/questionnaire', '95', 250],
    [pub('esmy1990__locust-experiments__example_stats.csv'), '1.1', 2, 39444, 0, '/metrics', '99.99', 1600],
    [pub('zhajiangmian2342__20200823__locust_stats.csv'), '1.1', 1, 15, 0, 'get接口', '95', 88],
    [pub('isNeil__neuro__locust_stats.csv'), '1.2+', 1, 240, 0, '/', 'medianMs', 2007.5247999993735],
    [pub('ONSdigital__eq-author-benchmarks__output_stats.csv'), '1.2+', 0, -1, -1, '/questionnaire/benchmark/test_business/benchmark123/confirmation-group/0/confirmation', 'medianMs', 53],
    [pub('kei-gnu__locust-scenario__example_stats.csv'), '1.2+', 0, -1, -1, 'http://192.168.100.38:30946/', '100', 60000],
    [pub('Nikita-Filonov__load-testing-hub__locust_stats.csv'), '1.2+', 1, 11779, 0, '/backend.diftech.processing.caa.operationfacade.facadeback.v1.OperationFacadeBackService/GetOperfeed', '60', 5500],
    [deb('run1', 'run1_stats.csv'), '1.2+', 4, 676, 74, 'search "a,b"', '95', 10],
    [deb('run2_tags_nofullhistory', 'run2_stats.csv'), '1.2+', 2, -1, -1, 'home', '95', null],
  ];
  for (const [path, era, endpointCount, requests, failures, name, field, value] of cases) {
    it(`${path.split('/').pop()} (${era})`, () => {
      const result = stats(path);
      assert.equal(result.era, era);
      if (endpointCount) assert.equal(result.endpoints.length, endpointCount);
      if (requests >= 0) assert.equal(result.aggregated?.requests, requests);
      if (failures >= 0) assert.equal(result.aggregated?.failures, failures);
      assert.equal(result.aggregated?.name, 'Aggregated');
      const endpoint = result.endpoints.find((e) => e.name === name);
      assert.ok(endpoint, `endpoint ${name}`);
      if (value !== null) assert.equal(field === 'medianMs' ? endpoint.medianMs : endpoint.percentiles[field], value);
    });
  }

  it('maps percentile columns by pattern, in file order, including the custom list and era B\'s "99.999"', () => {
    assert.deepEqual(stats(pub('Nikita-Filonov__load-testing-hub__locust_stats.csv')).percentileLabels, ['50', '60', '70', '80', '90', '95', '99', '100']);
    const eraB = stats(pub('ONSdigital__eq-survey-runner-benchmark__doc__performance-investigations__0002-use-firestore-in-datastore-mode__baseline_output_stats.csv'));
    assert.deepEqual(eraB.percentileLabels.slice(-3), ['99.99', '99.999', '100']);
    assert.deepEqual(stats(deb('run1', 'run1_stats.csv')).percentileLabels, ['50', '66', '75', '80', '90', '95', '98', '99', '99.9', '99.99', '100']);
  });

  it('reads N/A as null and a no-request run as zero with a note', () => {
    const result = stats(deb('run3_comma_tags', 'run3_stats.csv'));
    assert.equal(result.endpoints.length, 0);
    assert.equal(result.aggregated?.requests, 0);
    assert.equal(result.aggregated?.percentiles['95'], null);
    assert.ok(result.notes.some((n) => /No requests/.test(n)));
  });

  it('surfaces the _stats.csv lag for 1.2+ files', () => {
    assert.ok(stats(deb('run1', 'run1_stats.csv')).notes.some((n) => /lag/.test(n)));
  });

  it('decodes the GBK (Windows, \\r\\r\\n) file and says so', () => {
    const result = stats(pub('zhajiangmian2342__20200823__locust_stats.csv'));
    assert.equal(result.endpoints[0].name, 'get接口');
    assert.ok(result.notes.some((n) => /gb18030/.test(n)));
  });
});

describe('0.x distribution, failures, exceptions', () => {
  it('reads _distribution.csv percentiles keyed "METHOD name"', () => {
    const result = readLocustFileSync(pub('jmath1__ChatOps-LocustIO__example_distribution.csv'));
    assert.equal(result.kind, 'distribution');
    if (result.kind !== 'distribution') return;
    assert.deepEqual(result.rows.map((r) => r.name), ['GET /first-task', 'GET /second-task', 'GET /third-task', 'Total']);
    assert.equal(result.rows[3].percentiles['100'], 51);
  });

  const failureCases: Array<[string, number, string, number]> = [
    [deb('run1', 'run1_failures.csv'), 1, "HTTPError('404 Client Error: File not found for url: /missing (404)')", 74],
    [pub('ONSdigital__eq-survey-runner-benchmark__doc__performance-investigations__0003-session-performance__baseline_performance_failures.csv'), -1, '', 288],
    [pub('ONSdigital__eq-survey-runner-benchmark__doc__performance-investigations__0007-use-uwsgi-server__outputs__uwsgi-7-workers__runner-benchmark-op2-7lwbs_output_failures.csv'), -1, '', -1],
    [deb('run3_comma_tags', 'run3_failures.csv'), 0, '', -1],
  ];
  for (const [path, count, error, top] of failureCases) {
    it(`failures: ${path.split('/').pop()}`, () => {
      const result = readLocustFileSync(path);
      assert.equal(result.kind, 'failures');
      if (result.kind !== 'failures') return;
      assert.equal(result.hasSeenTimes, false);
      if (count >= 0) assert.equal(result.failures.length, count);
      if (error) assert.equal(result.failures[0].error, error);
      if (top >= 0) assert.equal(result.failures[0].occurrences, top);
    });
  }

  it('failures with First Seen / Last Seen (2.44+)', () => {
    const text = 'Method,Name,Error,Occurrences,First Seen,Last Seen\r\nGET,/x,"CatchResponseError(\'boom, bad\')",3,2026-08-01T10:00:00Z,2026-08-01T10:05:00Z\r\nPOST,/y,err,9,,\r\n';
    const path = fixturePath('locust', 'synthetic_failures_2.44.csv');
    const result = readLocustText(text, path);
    assert.equal(result.kind, 'failures');
    if (result.kind !== 'failures') return;
    assert.equal(result.hasSeenTimes, true);
    assert.deepEqual(result.failures.map((f) => [f.name, f.occurrences, f.firstSeen, f.lastSeen]), [
      ['/y', 9, null, null],
      ['/x', 3, '2026-08-01T10:00:00Z', '2026-08-01T10:05:00Z'],
    ]);
    assert.equal(result.failures[1].error, "CatchResponseError('boom, bad')");
  });

  it('exceptions: multi-line quoted traceback and worker nodes', () => {
    const local = readLocustFileSync(deb('run1', 'run1_exceptions.csv'));
    assert.equal(local.kind, 'exceptions');
    if (local.kind !== 'exceptions') return;
    assert.equal(local.exceptions[0].count, 65);
    assert.equal(local.exceptions[0].message, 'intentional test exception, with a comma');
    assert.match(local.exceptions[0].traceback, /raise ValueError\("intentional test exception, with a comma"\)\n$/);
    assert.deepEqual(local.exceptions[0].nodes, ['local']);
    const distributed = readLocustFileSync(deb('run5_distributed', 'run5_exceptions.csv'));
    assert.equal(distributed.kind === 'exceptions' && distributed.exceptions[0].nodes.length, 2);
    const empty = readLocustFileSync(deb('run2_tags_nofullhistory', 'run2_exceptions.csv'));
    assert.deepEqual(empty.kind === 'exceptions' && empty.exceptions, []);
  });
});
