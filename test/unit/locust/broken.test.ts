import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LocustReadError, readLocustBytes, readLocustFile, readLocustFileSync } from '../../../src/core/locust';

const STATS_HEADER = 'Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,95%,100%';
const HISTORY_HEADER = 'Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,95%,Total Request Count,Total Failure Count';

describe('bad input gets one clear LocustReadError', () => {
  // [label, content, expected message pattern, expected line]
  const cases: Array<[string, string | Uint8Array, RegExp, number | undefined]> = [
    ['empty', '', /file is empty/, undefined],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), /looks binary/, undefined],
    ['markdown', '# Weekly tracker\n\n- [ ] task\n', /not a Locust result/, 1],
    ['random csv', 'id,price,qty\n1,2,3\n', /not a Locust result/, 1],
    ['stats header only', `${STATS_HEADER}\r\n`, /header but no rows/, undefined],
    ['stats row cut mid-way', `${STATS_HEADER}\r\nGET,/a,10,0,3,3.5,1,9,100,1.5,0,3,9,9\r\n,Aggregated,10,0,3,3.`, /row has 6 fields but the header has 14 \(truncated row\?\)/, 3],
    ['stats non-number', `${STATS_HEADER}\r\nGET,/a,ten,0,3,3.5,1,9,100,1.5,0,3,9,9\r\n`, /"Request Count" holds "ten"/, 2],
    ['unclosed quote', `${STATS_HEADER}\r\nGET,"/a,10,0,3,3.5,1,9,100,1.5,0,3,9,9\r\n`, /never closed/, 2],
    ['history header only', `${HISTORY_HEADER}\r\n`, /header but no rows/, undefined],
    ['history row cut mid-way', `${HISTORY_HEADER}\r\n1,1,,Aggregated,0,0,N/A,N/A,0,0\r\n2,1,,Aggregated,1.5,0,3`, /row has 7 fields but the header has 10/, 3],
    ['history row too long', `${HISTORY_HEADER}\n1,1,GET,/a,b,0,0,1,1,0,0\n`, /more fields than the header/, 2],
    ['history bad timestamp', `${HISTORY_HEADER}\n,1,,Aggregated,0,0,N/A,N/A,0,0\n`, /Timestamp cell is not a number/, 2],
    ['history bad number', `${HISTORY_HEADER}\n1,1,,Aggregated,fast,0,N/A,N/A,0,0\n`, /"Requests\/s" holds a value that is not a number/, 2],
    ['history unclosed quote', `${HISTORY_HEADER}\n1,1,GET,"/a,0,0,N/A,N/A,0,0\n`, /never closed/, 2],
    ['whitespace only', '\n\n  \n', /first line is empty/, 1],
  ];
  for (const [label, content, pattern, line] of cases) {
    it(label, () => {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      assert.throws(
        () => readLocustBytes(bytes, `dir/${label}.csv`),
        (error: unknown) => {
          assert.ok(error instanceof LocustReadError, String(error));
          assert.match(error.message, pattern);
          assert.ok(error.message.startsWith(`dir/${label}.csv`), error.message);
          assert.equal(error.line, line, error.message);
          assert.ok(!error.message.includes('\n'), 'one line');
          return true;
        },
      );
    });
  }

  it('a live history with a half-written last line can skip it with a note', () => {
    const text = `${HISTORY_HEADER}\n1,1,,Aggregated,0,0,N/A,N/A,0,0\n2,1,,Aggregated,1.5,0,3`;
    const result = readLocustBytes(Buffer.from(text), 'live.csv', { partialLastRow: 'skip' });
    assert.equal(result.kind === 'history' && result.points, 1);
    assert.ok(result.notes.some((n) => /incomplete/.test(n)));
  });

  it('files: missing, a directory, a big non-history file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locust-bad-'));
    assert.throws(() => readLocustFileSync(join(dir, 'nope.csv')), /nope\.csv: file not found/);
    assert.throws(() => readLocustFileSync(dir), /is a directory/);
    await assert.rejects(readLocustFile(join(dir, 'nope.csv')), LocustReadError);
    const binary = join(dir, 'image_stats_history.csv');
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 10, 0]));
    assert.throws(() => readLocustFileSync(binary), /looks binary/);
    const stats = join(dir, 'x_stats.csv');
    writeFileSync(stats, `\ufeff${STATS_HEADER}\n,Aggregated,1,0,3,3,3,3,3,1,0,3,3,3\n`);
    assert.equal(readLocustFileSync(stats).kind, 'stats', 'a UTF-8 BOM is fine');
  });

  it('hand-quoted 1.0-era names with a stray quote do not crash', () => {
    const text = `"Type","Name","Request Count","Failure Count","Median Response Time","Average Response Time","Min Response Time","Max Response Time","Average Content Size","Requests/s","Failures/s","50%","100%"\n"GET","say "hi"",1,0,3,3,3,3,3,1,0,3,3\n"None","Aggregated",1,0,3,3,3,3,3,1,0,3,3`;
    const result = readLocustBytes(Buffer.from(text), 'old_stats.csv');
    assert.equal(result.kind === 'stats' && result.era, '1.0');
    assert.equal(result.kind === 'stats' && result.aggregated?.requests, 1);
  });
});
