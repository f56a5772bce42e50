// Writes the grammar unit tests (test/grammar/*.test.md) from the table below: each case is a source line and
// the fragments of it that must (or must not, with `not`) carry a scope. Carets are computed here because status
// emoji are two UTF-16 units wide and hand-counted columns drift. Run `node test/grammar/cases.mjs` after editing
// the table; `npm run test:grammar` runs the written files with vscode-tmgrammar-test.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ET = 'execution-tracker';
const complete = (kind) => `markup.inserted.status.complete.${kind}.${ET}`;
const progress = (kind) => `markup.changed.status.in-progress.${kind}.${ET}`;
const pending = `markup.changed.status.pending.keyword.${ET}`;
const blocked = (kind) => `markup.deleted.status.blocked.${kind}.${ET}`;
const number = `constant.numeric.metric.${ET}`;
const unit = `keyword.other.unit.${ET}`;
const runId = `entity.name.tag.run-id.${ET}`;
const file = `string.unquoted.evidence-file.${ET} markup.underline.link.evidence-file.${ET}`;

// Lines from the seed tracker (shared/seed/MASTER_EXECUTION_TRACKER.md), some shortened, plus hostile neighbours.
const files = {
  status: {
    title: 'status markers and keywords, correct and Mac Roman mis-encoded',
    cases: [
      ['### ✅ WEEK 1: TIER 1 STABILIZATION - COMPLETE', [['✅', complete('marker')], ['COMPLETE', complete('keyword')]]],
      ['**Week 3 Status**: ‚úÖ COMPLETE (60% overall)', [['‚úÖ', complete('marker')], ['COMPLETE', complete('keyword')]]],
      ['**Status**: IN PROGRESS ⏳ and PENDING', [['IN PROGRESS', progress('keyword')], ['⏳', progress('marker')], ['PENDING', pending]]],
      ['- [ ] ‚è≥ Load test at 200 users ‚ùå BLOCKED', [['‚è≥', progress('marker')], ['‚ùå', blocked('marker')], ['BLOCKED', blocked('keyword')]]],
      ['#### 🔄 Day 18 🚧 DONE', [['🔄', progress('marker')], ['🚧', blocked('marker')], ['DONE', complete('keyword')]]],
      ['Sprint: \uF8FFüîÑ running, \uF8FFüöß waiting, ❌ FAILED', [['\uF8FFüîÑ', progress('marker')], ['\uF8FFüöß', blocked('marker')], ['❌', blocked('marker')], ['FAILED', blocked('keyword')]]],
      ['- ✅️ with a variation selector, IN-PROGRESS too', [['✅️', complete('marker')], ['IN-PROGRESS', progress('keyword')]]],
      ['The work is complete and done; INCOMPLETE, COMPLETENESS and PENDING_X are not statuses.', [
        ['complete', 'markup.inserted', 'not'], ['done', 'markup.inserted', 'not'], ['INCOMPLETE', 'markup.inserted', 'not'],
        ['COMPLETENESS', 'markup.inserted', 'not'], ['PENDING_X', 'markup.changed', 'not'],
      ]],
      ['`COMPLETE ✅` in code stays code', [['COMPLETE', 'markup.inserted', 'not'], ['✅', 'markup.inserted', 'not']]],
    ],
  },
  metrics: {
    title: 'metric tokens',
    cases: [
      ['- P95 170ms, P99 2.1s', [['P95', `variable.other.metric.percentile.${ET}`], ['170', number], ['ms', unit], ['P99', `variable.other.metric.percentile.${ET}`], ['2.1', number], ['s', unit, 'at', 20]]],
      ['| v39 | 9,166 requests | 1.18% | RPS 30.64 |', [['9,166', number], ['requests', unit], ['1.18', `constant.numeric.metric.percent.${ET}`], ['%', unit], ['RPS', `variable.other.metric.rps.${ET}`], ['30.64', number]]],
      ['- **P95**: ~121s (timeouts) at 30.64 RPS', [['121', `constant.numeric.metric.duration.${ET}`], ['30.64', number], ['RPS', unit]]],
      ['Pytest: 679 passed, 63.51% coverage; failure rate 0% with 200 users', [['63.51', `constant.numeric.metric.percent.${ET}`], ['0', `constant.numeric.metric.percent.${ET}`, 'at', 50], ['200', number], ['users', unit]]],
      ['P95x 170msec and v1.18%x are not metrics; P95 170 alone is not either', [['P95x', 'variable', 'not'], ['170msec', 'constant.numeric', 'not']]],
    ],
  },
  references: {
    title: 'run ids and evidence file names',
    cases: [
      ['- [x] Run v39 and v26b (see hasil_test_v39_100u_r4_pool140_core_only_stats.csv)', [['v39', runId], ['v26b', runId], ['hasil_test_v39_100u_r4_pool140_core_only_stats.csv', file]]],
      ['Logs: `logs/runserver_8000.err.log`, logs/locust_login_failures.log and load_testing/locustfile.py', [['logs/locust_login_failures.log', file], ['load_testing/locustfile.py', file], ['logs/runserver_8000.err.log', file, 'not']]],
      ['Reports: WEEKLY_REPORT_2026-01-11.md, report.html, results.json, docker-compose.yml, ci.yaml, notes.txt', [
        ['WEEKLY_REPORT_2026-01-11.md', file], ['report.html', file], ['results.json', file], ['docker-compose.yml', file], ['ci.yaml', file], ['notes.txt', file],
      ]],
      ['Not ids or files: /api/v2/items, obv39, v39xyz, https://example.com/a.csv, data.csvx, user@host.md', [
        ['v2', runId, 'not'], ['obv39', runId, 'not'], ['v39xyz', runId, 'not'], ['example.com/a.csv', file, 'not'], ['data.csvx', file, 'not'], ['host.md', file, 'not'],
      ]],
    ],
  },
};

const COMMENT = '<!--';
function assertionLine(column, length, scope, negative) {
  const scopes = negative ? `- ${scope}` : scope;
  if (column >= COMMENT.length + 1) return `${COMMENT}${' '.repeat(column - COMMENT.length)}${'^'.repeat(length)} ${scopes}`;
  return `${COMMENT} <${'~'.repeat(column)}${'-'.repeat(length)} ${scopes}`;
}

function render({ title, cases }) {
  const out = [`${COMMENT} SYNTAX TEST "text.html.markdown" "${title}"`];
  for (const [line, checks] of cases) {
    out.push(line);
    for (const [fragment, scope, flag, from] of checks) {
      const column = line.indexOf(fragment, from ?? 0);
      if (column < 0) throw new Error(`"${fragment}" is not in "${line}"`);
      out.push(assertionLine(column, fragment.length, scope, flag === 'not'));
    }
  }
  return `${out.join('\n')}\n`;
}

const here = dirname(fileURLToPath(import.meta.url));
for (const [name, spec] of Object.entries(files)) writeFileSync(join(here, `${name}.test.md`), render(spec));
