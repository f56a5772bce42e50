// Differential test of the byte-level history reader against the reader it replaced (reference/historyBefore.ts):
// same summary, points and values, and the same error (message and line) on bad input, on every fixture era and
// on generated files (quoted names with commas and quotes, embedded newlines, CRLF, BOM, N/A, GBK names), fed
// whole and in chunks of many sizes.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createHistoryReader, type LocustHistory } from '../../../src/core/locust';
import { HISTORY_PERCENTILES } from '../../../src/core/locust/historyLayout';
import { seededRandom } from '../fuzz';
import { fixturePath } from '../fixtures';
import { createHistoryReader as createReferenceReader } from './reference/historyBefore';

type Outcome = { result: unknown } | { error: string; line: number | undefined };

function run(create: (file: string, options?: object) => { push(chunk: Uint8Array): void; finish(): unknown }, bytes: Uint8Array, chunk: number, options = {}): Outcome {
  try {
    const reader = create('f.csv', options);
    // One reused buffer, as readHistoryFileSync does: the reader must copy what it keeps.
    const buffer = new Uint8Array(chunk);
    for (let at = 0; at < bytes.length; at += chunk) {
      const part = bytes.subarray(at, at + chunk);
      buffer.set(part);
      reader.push(buffer.subarray(0, part.length));
    }
    return { result: reader.finish() };
  } catch (error) {
    const { message, line } = error as { message: string; line?: number };
    return { error: message, line };
  }
}

/**
 * The reference read every percentile column and the average; the reader now keeps only HISTORY_PERCENTILES'
 * series (p50, p95, p99) and no average. Everything else must stay the same, so the reference's result is
 * compared without the others.
 */
function referenceOutcome(bytes: Uint8Array, chunk: number, options: object): Outcome {
  const outcome = run(createReferenceReader, bytes, chunk, options);
  return 'result' in outcome ? { result: withReadSeriesOnly(outcome.result as LocustHistory) } : outcome;
}

function withReadSeriesOnly(history: LocustHistory): LocustHistory {
  const kept = (label: string) => HISTORY_PERCENTILES.includes(label);
  const series = Object.fromEntries(
    Object.entries(history.series).map(([name, entry]) => [name, Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'avgMs' && (!/^p\d/.test(key) || kept(key.slice(1)))))]),
  );
  return { ...history, series: series as LocustHistory['series'], percentileLabels: history.percentileLabels.filter(kept) };
}

function assertSame(bytes: Uint8Array, label: string, options = {}): Outcome {
  // The same chunks for both: the text encoding is judged on the first chunk, by both readers.
  for (const chunk of [1, 3, 64, 1000]) {
    assert.deepStrictEqual(run(createHistoryReader, bytes, chunk, options), referenceOutcome(bytes, chunk, options), `${label}, chunks of ${chunk}`);
  }
  const whole = referenceOutcome(bytes, bytes.length || 1, options);
  assert.deepStrictEqual(run(createHistoryReader, bytes, bytes.length || 1, options), whole, `${label}, whole`);
  return whole;
}

function historyFixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return historyFixtures(path);
    return name.endsWith('_stats_history.csv') ? [path] : [];
  });
}

const HEADER = 'Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,95%,99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time';
/** Of HEADER's 11 number columns, the ones the reader skips: 66%, 100%, the total median and average. */
const NOT_READ = [3, 6, 9, 10];
const NAMES = ['/api/login', 'search "a,b"', '/items,all', 'x"y', '/α/β', '/multi\nline', '/lone\rcr', 'Aggregated'];

/** A generated history: random endpoints, spellings (quoted or not), numbers, N/A, line ends. */
function generated(seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const eol = pick(['\n', '\r\n', '\r\r\n']);
  const quote = (text: string) => (/[",\n]/.test(text) || random() < 0.2 ? `"${text.replace(/"/g, '""')}"` : text);
  // Now and then a cell the plain scan gives up on or reads the long way: quoted, padded, a bare sign or dot, more
  // than 15 digits with leading zeros; in a column the reader keeps, also ones that are not numbers (a quoted
  // comma, a lone CR), in a third of the files. The reference read every column, so a column no longer read gets only numbers.
  const rare = ['"7"', ' 8', '9 ', '-.5', '5.', '0000000000000001.5', '00.0000000000000000012'];
  const rareInKept = [...rare, '"1,5"', '1\r2', '-', '.'];
  const hostile = random() < 0.3; // most files hold only numbers, so most of them read
  const number = (kept: boolean) => (random() < 0.01 ? pick(kept && hostile ? rareInKept : rare) : pick(['0', '12', '3.5', '0.000123', '4.141918820513031', 'N/A', '', '-2', '1e3', '123456789012345678']));
  const lines = [(random() < 0.2 ? '\ufeff' : '') + HEADER];
  const names = NAMES.slice(0, 2 + Math.floor(random() * NAMES.length));
  for (let tick = 0; tick < 20 + Math.floor(random() * 40); tick++) {
    for (const name of names) {
      const type = name === 'Aggregated' ? '' : pick(['GET', 'POST', 'None']);
      const cells = [String(1_700_000_000 + tick), String(tick), type, quote(name), ...Array.from({ length: 11 }, (_, i) => number(!NOT_READ.includes(i)))];
      lines.push(cells.join(','));
    }
    if (random() < 0.05) lines.push('');
  }
  return lines.join(eol) + (random() < 0.5 ? eol : '');
}

describe('byte-level history reader == the reader it replaced', () => {
  for (const path of historyFixtures(fixturePath('locust'))) {
    it(path.split('/').slice(-2).join('/'), () => {
      const outcome = assertSame(readFileSync(path), path);
      assert.ok('result' in outcome, 'the fixture reads');
    });
  }

  it('generated files: quoted names with commas and quotes, embedded newlines, CRLF, BOM, N/A', () => {
    let read = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const outcome = assertSame(Buffer.from(generated(seed), 'utf8'), `seed ${seed}`);
      if ('result' in outcome) read++;
    }
    assert.ok(read > 50, `most generated files read (${read} of 120)`);
  });

  it('byte soup after a header: commas, quotes, CRs and newlines anywhere, the same outcome', () => {
    // The plain row scan checks no array end (it starts only where a newline lies ahead): here every cut, quote
    // and line break it could meet, in rows that are mostly plain, so both of its ways out are taken.
    // Columns the reader skips (before, between and after the ones it keeps) that the reference did not read either.
    const header = 'Timestamp,User Count,Type,Name,Requests/s,Total Min Response Time,Total Max Response Time,Failures/s,50%,Total Median Response Time,95%,99%,Total Request Count,Total Failure Count,Total Average Content Size,Extra';
    const pieces = ['1', '23', '4.5', ',', ',', ',', '"', '""', '\r', '\n', '\r\n', 'N/A', 'GET', '/a', ' ', '-', '.'];
    let read = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const random = seededRandom(1000 + seed);
      const rows = Array.from({ length: 30 }, (_, i) => {
        const plain = `${1_700_000_000 + i},${i},GET,/a,1.5,2,3.25,0,3,4,5,6,${i},0,8,9.25`;
        if (random() < 0.93) return plain;
        const soup = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
        const at = Math.floor(random() * plain.length);
        return plain.slice(0, at) + soup + plain.slice(at + (random() < 0.5 ? 0 : 1));
      });
      const text = `${header}\n${rows.join('\n')}${random() < 0.5 ? '\n' : ''}`;
      if ('result' in assertSame(Buffer.from(text, 'latin1'), `soup ${seed}`)) read++;
      assertSame(Buffer.from(text, 'latin1'), `soup ${seed} (skip)`, { partialLastRow: 'skip' });
    }
    assert.ok(read >= 5 && read <= 75, `some soups read, most do not (${read} of 80)`);
  });

  it('a GBK-encoded name, and text pushed as strings', () => {
    const gbk = Buffer.concat([Buffer.from(`${HEADER}\n1,1,GET,/`), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from(',1,0,1,1,1,1,1,5,0,1,1.5\n')]);
    assertSame(gbk, 'gbk');
    const text = `${HEADER}\n1,1,GET,/é,1,0,1,1,1,1,1,5,0,1,1.5\n`;
    const reference = createReferenceReader('f.csv');
    reference.push(text);
    const ours = createHistoryReader('f.csv');
    ours.push(text);
    assert.deepStrictEqual(ours.finish(), withReadSeriesOnly(reference.finish()));
  });

  it('bad input: the same error and line', () => {
    const bad = [
      '',
      `${HEADER}\n`,
      `${HEADER}\n1,1,GET,/a,1,0,1,1,1,1,1,5,0,1\n`,
      `${HEADER}\n1,1,GET,/a,b,1,0,1,1,1,1,1,5,0,1,1.5\n`,
      `${HEADER}\n,1,GET,/a,1,0,1,1,1,1,1,5,0,1,1.5\n`,
      `${HEADER}\n1,1,GET,/a,fast,0,1,1,1,1,1,5,0,1,1.5\n`,
      `${HEADER}\n1,1,GET,"/a,1,0,1,1,1,1,1,5,0,1,1.5\n`,
      `${HEADER}\n1,1,GET,/a,1,0,1,1,1,1,1,5,0,1,1.5\n2,1,GET,/a,1,0,1`,
      'Type,Name,Request Count,Failure Count\nGET,/a,1,0\n',
      'id,price\n1,2\n',
      '\u0000\u0001',
    ];
    for (const text of bad) {
      const outcome = assertSame(Buffer.from(text, 'utf8'), JSON.stringify(text));
      if (text) assert.ok('error' in outcome || text.includes('2,1,GET'), JSON.stringify(text));
      assertSame(Buffer.from(text, 'utf8'), `${JSON.stringify(text)} (skip)`, { partialLastRow: 'skip' });
    }
  });
});
