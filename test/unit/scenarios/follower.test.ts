import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { formatLiveTick, HistoryFollower } from '../../../src/core/live/historyFollower';
import { readHistoryText } from '../../../src/core/locust';
import { buildWebUiCommand, scaffoldLocustfile, webUiUrl } from '../../../src/core/scenarios';
import { fixturePath } from '../fixtures';

const HISTORY = fixturePath('locust', 'debian-2.12.1', 'run1', 'run1_stats_history.csv');

describe('live: the history follower', () => {
  it('fed a real history file in odd-sized pieces ends where the whole-file reader ends', () => {
    const bytes = readFileSync(HISTORY);
    const whole = readHistoryText(bytes, HISTORY);
    for (const size of [1, 7, 100, 4096, bytes.length]) {
      const follower = new HistoryFollower(HISTORY);
      for (let at = 0; at < bytes.length; at += size) follower.push(bytes.subarray(at, at + size));
      const snap = follower.snapshot()!;
      assert.equal(snap.finalRequests, whole.finalRequests, `chunks of ${size}`);
      assert.equal(snap.finalFailures, whole.finalFailures);
      assert.equal(snap.points, whole.points);
      assert.equal(snap.rows, whole.rows);
      assert.deepEqual(snap.endpoints, whole.endpoints);
      assert.equal(follower.latest?.requests, whole.finalRequests);
    }
  });

  it('shows the rows read so far, and a row cut in the middle only once it is complete', () => {
    const lines = readFileSync(HISTORY, 'utf8').split('\n');
    const follower = new HistoryFollower(HISTORY);
    assert.equal(follower.snapshot(), null, 'nothing before the first row');
    follower.push(Buffer.from(`${lines[0]}\n`));
    assert.equal(follower.snapshot(), null, 'a header is not a tick');
    const aggregated = lines.findIndex((l, i) => i > 0 && l.includes(',Aggregated,'));
    const row = lines[aggregated];
    follower.push(Buffer.from(lines.slice(1, aggregated).join('\n') + (aggregated > 1 ? '\n' : '') + row.slice(0, 20)));
    const before = follower.latest;
    follower.push(Buffer.from(`${row.slice(20)}\n`));
    assert.notDeepEqual(follower.latest, before);
    assert.equal(follower.snapshot()!.points, 1);
  });

  it('a file that is not a history file stops following with a reason', () => {
    const follower = new HistoryFollower('x.csv');
    follower.push(Buffer.from('Type,Name,Request Count,Failure Count\nGET,/,1,0\n'));
    assert.match(String(follower.problem), /not the header/);
    assert.equal(follower.snapshot(), null);
  });

  it('formats the status bar text', () => {
    assert.equal(formatLiveTick({ timestampS: 1, users: 12, rps: 20.49, failuresPerS: 0, requests: 1234, failures: 10, }, 65), '12 users · 1,234 requests · 20.5 RPS · 0.81% failures · 1:05');
    assert.equal(formatLiveTick(undefined, 3), 'starting… 0:03');
  });
});

describe('scenarios: web UI command and scaffold', () => {
  it('the web UI run binds 127.0.0.1 on the given port, drops --run-time, keeps tags as separate items', () => {
    const line = buildWebUiCommand({ locustfile: 'l.py', tags: ['a', 'b'], userClasses: ['U'], users: 3, runTime: '5s', csvPrefix: 'p' }, 8123);
    assert.deepEqual(line.args, ['-f', 'l.py', '--tags', 'a', 'b', '--web-host', '127.0.0.1', '--web-port', '8123', '--users', '3', '--csv', 'p', 'U']);
    assert.throws(() => buildWebUiCommand({ locustfile: 'l.py' }, 80), /1024/);
    assert.throws(() => buildWebUiCommand({ locustfile: 'l.py', workers: 2 }, 8089), /single local process/);
    assert.throws(() => buildWebUiCommand({ locustfile: '${env:HOME}' }, 8089));
    assert.equal(webUiUrl(8123), 'http://127.0.0.1:8123');
  });

  it('the scaffold has tags on every task, the host from the setting and the CSV prefix comment; bad values are not written', () => {
    const text = scaffoldLocustfile({ host: 'http://127.0.0.1:8000', csvPrefix: 'hasil_test_v48_10u_r10' });
    assert.match(text, /host = "http:\/\/127\.0\.0\.1:8000"/);
    assert.match(text, /# CSV prefix: hasil_test_v48_10u_r10/);
    assert.equal((text.match(/@task/g) ?? []).length, (text.match(/@tag\(/g) ?? []).length);
    const hostile = scaffoldLocustfile({ host: 'http://x"\nimport os', csvPrefix: '$(rm -rf /)', className: 'A(B' });
    assert.doesNotMatch(hostile, /import os|rm -rf|A\(B/);
  });
});
