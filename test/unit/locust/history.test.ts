import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compareRunFiles, createHistoryReader, groupRuns, MinMaxBuckets, readHistoryFile, readHistoryText, readLocustFileSync, readLocustRunSync, type LocustHistory } from '../../../src/core/locust';
import { fixturePath } from '../fixtures';

const pub = (name: string) => fixturePath('locust', 'public', name);
const deb = (...parts: string[]) => fixturePath('locust', 'debian-2.12.1', ...parts);

function history(path: string): LocustHistory {
  const result = readLocustFileSync(path);
  assert.equal(result.kind, 'history');
  return result as LocustHistory;
}

describe('history files of every era', () => {
  // [file, era, ticks, rows, durationS, peakUsers, endpoints, full history]
  const cases: Array<[string, string, number, number, number, number | null, number, boolean]> = [
    [deb('run1', 'run1_stats_history.csv'), '1.2+', 11, 51, 10, 5, 4, true],
    [deb('run2_tags_nofullhistory', 'run2_stats_history.csv'), '1.2+', 11, 11, 10, 4, 0, false],
    [deb('run3_comma_tags', 'run3_stats_history.csv'), '1.2+', 1, 1, 0, 0, 0, false],
    [deb('run5_distributed', 'run5_stats_history.csv'), '1.2+', 11, 23, 10, 4, 2, true],
    [pub('isNeil__neuro__locust_stats_history.csv'), '1.2+', 41, 41, 40, 10, 0, false],
    [pub('Nikita-Filonov__load-testing-hub__locust_stats_history.csv'), '1.2+', 36, 71, 175, 500, 1, true],
    [pub('zhajiangmian2342__20200823__locust_stats_history.csv'), '1.0-1.1', 3, 3, 2, 10, 0, false],
    [pub('ONSdigital__eq-survey-runner-benchmark__doc__performance-investigations__0007-use-uwsgi-server__outputs__gunicorn__runner-benchmark-nh2-z7kvg_output_stats_history.csv'), '1.0-1.1', 297, 297, -1, 64, 0, false],
    [pub('ONSdigital__eq-survey-runner-benchmark__doc__performance-investigations__0002-use-firestore-in-datastore-mode__baseline_output_stats_history.csv'), '0.13.3-0.14', 855, 855, -1, null, 0, false],
  ];
  for (const [path, era, ticks, rows, duration, peak, endpoints, full] of cases) {
    it(`${path.split('/').pop()} (${era})`, () => {
      const result = history(path);
      assert.deepEqual([result.era, result.points, result.rows, result.peakUsers, result.endpoints.length, result.fullHistory], [era, ticks, rows, peak, endpoints, full]);
      if (duration >= 0) assert.equal(result.durationS, duration);
      const aggregated = result.series.Aggregated;
      assert.ok(aggregated, 'an Aggregated series');
      for (const key of Object.keys(aggregated)) assert.equal((aggregated as unknown as Record<string, unknown[]>)[key].length, aggregated.t.length, key);
      if (!full) assert.ok(result.notes.some((n) => /Only Aggregated rows/.test(n)));
    });
  }

  it('keeps names with commas and quotes, and per-endpoint cumulative totals', () => {
    const result = history(deb('run1', 'run1_stats_history.csv'));
    assert.deepEqual(result.endpoints, ['/data.json', '/missing (404)', 'home', 'search "a,b"']);
    assert.deepEqual(result.series['search "a,b"'].requests.slice(-1), [29]);
    assert.equal(result.finalRequests, 356);
    assert.equal(result.finalFailures, 42);
    assert.deepEqual(result.series.Aggregated.p95.slice(0, 1), [null], 'N/A in the first tick');
    assert.ok(result.notes.some((n) => /2\.46\.3/.test(n)), 'tail-loss note');
  });

  it('a first-tick-only history says so', () => {
    assert.ok(history(deb('run4_sigTERM', 'run4_stats_history.csv')).notes.some((n) => /Only the first tick/.test(n)));
  });

  it('gives the same result whatever the chunk borders (byte by byte, \\r\\n split, GBK split)', () => {
    for (const path of [deb('run1', 'run1_stats_history.csv'), pub('zhajiangmian2342__20200823__locust_stats_history.csv')]) {
      const bytes = readFileSync(path);
      const whole = readHistoryText(bytes, path);
      for (const size of [1, 7, 64]) {
        const reader = createHistoryReader(path);
        for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
        assert.deepEqual(reader.finish(), whole, `chunks of ${size}`);
      }
    }
  });

  it('async streaming equals the sync reader', async () => {
    const path = deb('run1', 'run1_stats_history.csv');
    assert.deepEqual(await readHistoryFile(path), readLocustFileSync(path));
  });

  it('a quoted name with an embedded newline, BOM and \\r\\r\\n line ends', () => {
    const text = '\ufeffTimestamp,User Count,Type,Name,Requests/s,Failures/s,50%,95%,Total Request Count,Total Failure Count\r\r\n1,1,GET,"two\nlines",1.5,0,3,N/A,1,0\r\r\n1,1,,Aggregated,1.5,0,3,4,1,0\r\r\n2,2,GET,"two\nlines",2.5,0,5,9,3,0\r\r\n2,2,,Aggregated,2.5,0,5,9,3,0\r\r\n';
    const result = readHistoryText(text, 'h.csv');
    assert.deepEqual(result.endpoints, ['two\nlines']);
    assert.deepEqual(result.series['two\nlines'].p95, [null, 9]);
    assert.deepEqual([result.points, result.peakUsers, result.percentileLabels], [2, 2, ['50', '95']]);
  });

  it('the same name under two request types gives two series', () => {
    const text = 'Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,Total Request Count,Total Failure Count\n1,1,GET,/x,1,0,3,1,0\n1,1,POST,/x,1,0,3,1,0\n1,1,,Aggregated,2,0,3,2,0\n';
    assert.deepEqual(readHistoryText(text, 'h.csv').endpoints, ['/x', 'POST /x']);
  });
});

  it('a column it does not keep may hold anything a CSV cell can: quoted commas, text, nothing', () => {
    const header = 'Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,95%,Total Request Count,Total Failure Count,Total Average Content Size';
    const rows = (skipped: string[]) => [`${header}\n`, ...skipped.map((cell, i) => `${i + 1},1,GET,/a,1.5,0,3,${cell},4,${i + 1},0,${cell}\n`)].join('');
    const plain = readHistoryText(rows(['1', '2', '3', '4']), 'h.csv');
    const odd = readHistoryText(rows(['"1,5"', 'fast', '', '"a ""b"", c"']), 'h.csv');
    assert.deepEqual(odd, plain);
    assert.throws(() => readHistoryText(`${header}\n1,1,GET,/a,1.5,0,3,1,4,1,0,1,extra\n`, 'h.csv'), /h\.csv:2: row has more fields than the header's 12/);
    assert.throws(() => readHistoryText(`${header}\n1,1,GET,/a,1.5,0,3,1,4,1,0\n`, 'h.csv'), /h\.csv:2: row has 11 fields but the header has 12/);
  });

describe('downsampling', () => {
  it('bounds the points and keeps spikes (min and max per bucket)', () => {
    const buckets = new MinMaxBuckets(1, 100);
    for (let t = 0; t < 100_000; t++) buckets.add(1000 + t, [t === 54_321 ? 5000 : t === 77_777 ? -3 : 10]);
    const { t, values } = buckets.finish();
    assert.ok(t.length <= 200, `${t.length} points`);
    assert.ok(t.length >= 100);
    assert.equal(Math.max(...(values[0] as number[])), 5000);
    assert.equal(Math.min(...(values[0] as number[])), -3);
    assert.deepEqual([...t].sort((a, b) => a - b), t, 'times ascend');
    assert.equal(t[0], 1000);
    assert.equal(t[t.length - 1], 100_999);
  });

  it('keeps short series as they are and N/A as null', () => {
    const buckets = new MinMaxBuckets(2, 100);
    [1, 2, 3].forEach((t) => buckets.add(t, [t, t === 2 ? Number.NaN : t * 10]));
    assert.deepEqual(buckets.finish(), { t: [1, 2, 3], values: [[1, 2, 3], [10, null, 30]] });
  });

  it('history series respect maxPoints', () => {
    const lines = ['Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,Total Request Count,Total Failure Count'];
    for (let t = 0; t < 20_000; t++) lines.push(`${t},${t % 97},,Aggregated,${t % 13},0,${t === 12_345 ? 99_999 : 5},${t},0`);
    const result = readHistoryText(lines.join('\n'), 'h.csv', { maxPoints: 500 });
    assert.ok(result.series.Aggregated.t.length <= 500);
    assert.equal(Math.max(...(result.series.Aggregated.p50 as number[])), 99_999);
    assert.deepEqual([result.points, result.durationS, result.peakUsers], [20_000, 19_999, 96]);
  });
});

describe('a run read together', () => {
  it('notes the lag of _stats.csv behind the HTML report and the history tail loss', () => {
    const dir = deb('run1');
    const [run] = groupRuns(['run1_stats.csv', 'run1_stats_history.csv', 'run1_failures.csv', 'run1_exceptions.csv', 'run1_report.html'].map((f) => `${dir}/${f}`));
    const data = readLocustRunSync(run);
    assert.deepEqual(data.errors, []);
    assert.equal(data.stats?.aggregated?.requests, 676);
    assert.equal(data.html?.stats.aggregated?.requests, 700);
    assert.equal(data.notes.length, 2);
    assert.match(data.notes[0], /676 requests, the HTML report 700/);
    assert.match(data.notes[1], /history ends at 356 requests, 344 fewer than the final 700/);
  });

  it('merges 0.x _distribution.csv percentiles into _requests.csv', () => {
    const [run] = groupRuns([pub('jmath1__ChatOps-LocustIO__example_requests.csv'), pub('jmath1__ChatOps-LocustIO__example_distribution.csv')]);
    const data = readLocustRunSync(run);
    assert.equal(data.stats?.endpoints[2].percentiles['99'], 12);
    assert.equal(data.stats?.aggregated?.percentiles['100'], 51);
  });

  it('no notes when nothing disagrees', () => {
    assert.deepEqual(compareRunFiles(null, null, null), []);
  });
});
