// The seed's contradictions, found; a consistent tracker, clean; every quick fix changes exactly what it says.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runChecks } from '../../../src/core/checks/runChecks';
import type { EvidenceAccess, Finding } from '../../../src/core/checks/types';
import { applyTextEdits } from '../../../src/core/text/applyEdits';
import { parseTracker, splitLines } from '../../../src/core/tracker/parse';
import { readFixture, seedTracker } from '../fixtures';

function check(text: string, evidence?: EvidenceAccess, overrides = {}): Finding[] {
  return runChecks({ text, lines: splitLines(text), model: parseTracker(text), evidence }, overrides);
}

const at = (findings: Finding[], rule: string, line: number) => findings.filter((f) => f.rule === rule && f.line + 1 === line);

describe('checks on the seed tracker', () => {
  const findings = check(seedTracker());

  it('flags the 100% claim on line 13 with a fix to the computed value', () => {
    const [claim] = at(findings, 'progress-claim', 13);
    assert.match(claim.message, /Claims 100% but the whole tracker has 138\/189 tasks done \(73%\)/);
    const fixed = applyTextEdits(seedTracker(), claim.fixes![0].edits);
    assert.equal(splitLines(fixed)[12], '[###############-----] 73% Complete (PROJECT FINISHED)');
    assert.equal(fixed.length, seedTracker().length - 1, 'only the bar and the number changed');
  });

  it('flags the status contradictions of weeks 3, 4, 7 and 8', () => {
    const status = findings.filter((f) => f.rule === 'status-claim').map((f) => f.message);
    for (const week of [3, 4, 7, 8]) assert.ok(status.some((m) => m.includes(`Week ${week} `) || m.includes(`WEEK ${week}:`)), `week ${week}`);
    assert.equal(status.some((m) => /Week [0-2,5-6] /.test(m)), false);
  });

  it('flags the ticked "P99 <2s" criterion on line 701 and the error-rate target', () => {
    assert.match(at(findings, 'criteria', 701)[0].message, /P99 response time <2s.*2\.1s/);
    assert.ok(findings.some((f) => f.rule === 'criteria' && /Error Rate <0\.05%.*1\.18%/.test(f.message)));
    assert.equal(at(findings, 'criteria', 699).length, 0, '">99%" with 100% passes');
  });

  it('flags the duplicated row on line 651 and deletes only it', () => {
    const [row] = at(findings, 'duplicate-row', 651);
    assert.match(row.message, /repeats line 650/);
    const fixed = splitLines(applyTextEdits(seedTracker(), row.fixes![0].edits));
    const original = splitLines(seedTracker());
    assert.deepEqual(fixed, [...original.slice(0, 650), ...original.slice(651)]);
  });

  it('flags the comma-joined tags and fixes them to separate tags', () => {
    const [tags] = findings.filter((f) => f.rule === 'comma-tags');
    assert.equal(tags.line + 1, 175);
    assert.match(splitLines(applyTextEdits(seedTracker(), tags.fixes![0].edits))[174], /`--tags api page phase1 phase2`/);
  });

  it('flags the encoding once; after the repair nothing else changes', () => {
    const encoding = findings.filter((f) => f.rule === 'encoding');
    assert.equal(encoding.length, 1);
    const repaired = applyTextEdits(seedTracker(), encoding[0].fixes![0].edits);
    assert.ok(repaired.includes('### ✅ WEEK 0: PLANNING (COMPLETE)'));
    assert.equal(repaired.replace(/[^\x00-\x7f]/gu, ''), seedTracker().replace(/[^\x00-\x7f]/gu, ''));
    const after = check(repaired);
    assert.equal(after.filter((f) => f.rule === 'encoding').length, 0);
    const key = (f: Finding) => `${f.rule}:${f.line}`;
    assert.deepEqual(after.map(key), findings.filter((f) => f.rule !== 'encoding').map(key));
  });

  it('finds the same with CRLF line ends, and its fixes keep CRLF', () => {
    const crlf = seedTracker().replace(/\n/g, '\r\n');
    const crlfFindings = check(crlf);
    assert.deepEqual(crlfFindings.map((f) => `${f.rule}:${f.line}`), findings.map((f) => `${f.rule}:${f.line}`));
    const row = crlfFindings.find((f) => f.rule === 'duplicate-row')!;
    const fixed = applyTextEdits(crlf, row.fixes![0].edits);
    assert.equal(fixed.includes('\n') && !/[^\r]\n/.test(fixed), true, 'every LF still follows a CR');
  });

  it('lets a rule be switched off or re-rated', () => {
    assert.equal(check(seedTracker(), undefined, { 'status-claim': 'off' }).some((f) => f.rule === 'status-claim'), false);
    assert.ok(check(seedTracker(), undefined, { 'duplicate-row': 'error' }).some((f) => f.rule === 'duplicate-row' && f.severity === 'error'));
  });
});

describe('checks on a consistent tracker', () => {
  it('finds nothing', () => {
    const text = readFixture('trackers', 'consistent.md');
    const evidence: EvidenceAccess = {
      resolve: (ref) => (ref === 'hasil_test_v10_100u_stats.csv' ? ref : undefined),
      fileNames: () => ['hasil_test_v10_100u_stats.csv'],
      aggregated: () => ({ requests: 1003, failures: 0, p95Ms: 310, p99Ms: 900, rps: 10.4 }),
    };
    assert.deepEqual(check(text, evidence).map((f) => `${f.line + 1} ${f.rule}: ${f.message}`), []);
  });
});
