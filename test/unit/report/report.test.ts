import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { css, script } from 'report-assets';
import { runCli } from '../../../src/cli/run';
import { inlineJson, reportHtml } from '../../../src/core/report/html';
import { webviewStrings } from '../../../src/core/report/strings';
import { chartThresholds } from '../../../src/core/report/viewData';
import type { Limit } from '../../../src/core/gate/limits';
import type { ReportData } from '../../../src/shared/protocol';
import { fixturePath } from '../fixtures';

const dir = mkdtempSync(join(tmpdir(), 'et-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, (t) => (stdout += `${t}\n`), (t) => (stderr += t));
  return { code, stdout, stderr };
}

const hostile = '</script><script>alert(1)</script><!-- \u2028 & "quotes" <img src=x onerror=alert(2)>';

describe('report html', () => {
  const data: ReportData = { title: hostile, generated: '2026-01-01T00:00:00Z', strings: webviewStrings(), sections: [] };
  const html = reportHtml(data, { script, css });

  it('inlines the data as JSON that cannot end its block, and round-trips', () => {
    const json = inlineJson({ hostile });
    assert.ok(!/[<>&\u2028]/.test(json));
    assert.deepEqual(JSON.parse(json), { hostile });
    const block = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
    assert.ok(block, 'one data block, no markup inside');
    assert.equal(JSON.parse(block![1]).title, hostile);
  });

  it('escapes the title and allows only its own inline script and style, by hash', () => {
    assert.ok(html.includes('<title>&#60;/script&#62;&#60;script&#62;alert(1)'));
    assert.equal((html.match(/<script/g) ?? []).length, 2, 'the data block and the bundle');
    const csp = /content="([^"]+)"/.exec(html)![1];
    const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    const inlineScript = /<script>([\s\S]*)<\/script>\n<\/body>/.exec(html)![1];
    const inlineStyle = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    assert.equal(csp, `default-src 'none'; script-src '${hash(inlineScript)}'; style-src '${hash(inlineStyle)}'; img-src data:; base-uri 'none'; form-action 'none'`);
    assert.ok(!/<(link|img|iframe)\b/i.test(html.replace(inlineScript, '')), 'no element that loads anything');
  });
});

describe('compare thresholds from criteria', () => {
  const tracker = (metric: Limit['metric'], value: number, qualifier?: string): Limit => ({ metric, op: '<', value, qualifier, source: { kind: 'tracker', line: 3, column: 0, text: `${metric} <${value}` } });
  it('draws P95 and RPS limits on the Aggregated row or on the endpoints a criterion names', () => {
    const names = ['/dashboard/', '/api/v2/items', 'Login POST'];
    assert.deepEqual(chartThresholds([tracker('p95', 150), tracker('p99', 300), tracker('rps', 50), tracker('p95', 200, 'Dashboard'), tracker('p95', 300, 'V2 endpoints'), tracker('p95', 1, 'Nowhere')], names), [
      { metric: 'p95', endpoint: null, value: 150, label: 'p95 <150' },
      { metric: 'rps', endpoint: null, value: 50, label: 'rps <50' },
      { metric: 'p95', endpoint: '/dashboard/', value: 200, label: 'p95 <200' },
      { metric: 'p95', endpoint: '/api/v2/items', value: 300, label: 'p95 <300' },
    ]);
  });
});

describe('cli report', () => {
  const run1 = fixturePath('locust', 'debian-2.12.1', 'run1', 'run1_stats.csv');
  const run5 = fixturePath('locust', 'debian-2.12.1', 'run5_distributed', 'run5_report.html');

  it('writes one file with a run, a compare and a trend section', () => {
    const out = join(dir, 'r.html');
    const sample = join(process.cwd(), 'sample');
    const { code, stdout } = run('report', run1, '--compare', run5, '--trend', '--workspace', sample, '-o', out);
    assert.equal(code, 0);
    assert.match(stdout, /report of Chart: run1, Compare: run5 ↔ run1, Run Trend/);
    const data = JSON.parse(/id="report-data">([^<]*)</.exec(readFileSync(out, 'utf8'))![1]) as ReportData;
    assert.deepEqual(data.sections.map((s) => s.data.kind), ['run', 'compare', 'trend']);
    const trend = data.sections[2].data;
    assert.ok(trend.kind === 'trend' && trend.csvRuns > 0 && trend.trackerRuns > 0);
  });

  it('bad input exits 2 with one line', () => {
    for (const [args, pattern] of [
      [['report', run1], /-o FILE\.html is required/],
      [['report', run1, '-o', join(dir, 'x.txt')], /expected a \.html file name/],
      [['report', 'v77', '--workspace', join(process.cwd(), 'sample'), '-o', join(dir, 'y.html')], /NEW "v77": unknown run/],
      [['report', run1, '--compare', 'nope', '--workspace', dir, '-o', join(dir, 'y.html')], /--compare "nope": unknown run/],
      [['report', run1, '-o', join(dir, 'missing', 'y.html')], /cannot write \(ENOENT\)/],
    ] as Array<[string[], RegExp]>) {
      const { code, stderr } = run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, pattern);
      assert.equal(stderr.trim().split('\n').length, 1);
    }
  });
});
