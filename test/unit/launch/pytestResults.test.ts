import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseCoverageXml, parseJunitXml, parsePytestOutput } from '../../../src/core/launch';

describe('pytest results', () => {
  it('JUnit XML as pytest writes it (one testsuite inside testsuites)', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="1" failures="2" skipped="3" tests="12" time="0.5" timestamp="2026-01-14T10:00:00" hostname="h"><testcase classname="t" name="a" time="0.1"/></testsuite></testsuites>`;
    assert.deepEqual(parseJunitXml(xml), { passed: 6, failed: 2, skipped: 3, errors: 1 });
    assert.deepEqual(parseJunitXml('<testsuite tests="2"/><testsuite tests="3" failures="1">'), { passed: 4, failed: 1, skipped: 0, errors: 0 });
    assert.equal(parseJunitXml('not xml'), undefined);
  });

  it('Cobertura coverage', () => {
    assert.equal(parseCoverageXml('<?xml version="1.0" ?>\n<coverage version="7.4" timestamp="1" lines-valid="100" lines-covered="87" line-rate="0.8734" branch-rate="0">'), 87.34);
    assert.equal(parseCoverageXml('<coverage branch-rate="0">'), null);
  });

  it('terminal summary and TOTAL row', () => {
    const out = ['Name    Stmts   Miss  Cover', 'app.py     10      2    80%', 'TOTAL      10      2    80%', '', '==== 3 passed, 1 failed, 2 skipped, 1 error in 0.12s ===='].join('\r\n');
    assert.deepEqual(parsePytestOutput(out), { passed: 3, failed: 1, skipped: 2, errors: 1, coveragePercent: 80 });
    assert.deepEqual(parsePytestOutput('=== 5 passed in 1.02s ==='), { passed: 5, failed: 0, skipped: 0, errors: 0, coveragePercent: null });
    assert.equal(parsePytestOutput('collecting ...'), undefined);
  });
});
