// Each rule on small inputs, including the ones that must not fire.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runChecks } from '../../../src/core/checks/runChecks';
import { applyTextEdits } from '../../../src/core/text/applyEdits';
import { parseTracker, splitLines } from '../../../src/core/tracker/parse';
import { findThresholds } from '../../../src/core/tracker/thresholds';

function rules(text: string): string[] {
  return runChecks({ text, lines: splitLines(text), model: parseTracker(text) }).map((f) => `${f.line + 1}:${f.rule}`);
}

describe('progress claims', () => {
  it('judges a bar by its section, or the whole file when the section has no tasks', () => {
    assert.deepEqual(rules('## A\n[#####-----] 50%\n- [x] a\n- [ ] b\n'), []);
    assert.deepEqual(rules('## A\n[##########] 100%\n- [x] a\n- [ ] b\n'), ['2:progress-claim']);
    assert.deepEqual(rules('## Overall\n[##--] 50%\n## Work\n- [x] a\n- [ ] b\n'), []);
  });

  it('reads "N% Complete" and a finished "(100% overall)", not older snapshots', () => {
    assert.deepEqual(rules('## A\n**Progress**: 100% COMPLETE\n- [x] a\n- [ ] b\n'), ['2:progress-claim']);
    assert.deepEqual(rules('## A\nStatus: done (20% overall)\n- [x] a\n- [ ] b\n'), []);
    assert.deepEqual(rules('## A\nStatus: done (100% overall)\n- [x] a\n- [ ] b\n'), ['2:progress-claim']);
  });

  it('does not take a task box for a bar', () => {
    assert.deepEqual(rules('## A\n- [ ] 80% cache hit ratio\n'), []);
  });

  it('fixes the bar to the computed width', () => {
    const text = '## A\n[----------] 0%\n- [x] a\n- [x] b\n- [ ] c\n- [ ] d\n';
    const findings = runChecks({ text, lines: splitLines(text), model: parseTracker(text) });
    assert.equal(splitLines(applyTextEdits(text, findings[0].fixes![0].edits))[1], '[#####-----] 50%');
  });
});

describe('status claims', () => {
  it('flags complete with open tasks, in progress with none open, and a heading against its status line', () => {
    assert.deepEqual(rules('### WEEK 1: A (COMPLETE)\n- [ ] a\n'), ['1:status-claim']);
    assert.deepEqual(rules('### WEEK 1: A (IN PROGRESS)\n- [x] a\n'), ['1:status-claim']);
    assert.deepEqual(rules('### WEEK 1: A (IN PROGRESS)\n- [ ] a\n\n**Week 1 Status**: ✅ COMPLETE\n'), ['4:status-claim', '4:status-claim']);
    assert.deepEqual(rules('### WEEK 1: A (COMPLETE)\n- [x] a\n\n**Week 1 Status**: ✅ COMPLETE\n'), []);
  });

  it('ignores sections without tasks and template sections', () => {
    assert.deepEqual(rules('## ✅ Notes\ntext\n'), []);
    assert.deepEqual(rules('## 🔄 REVIEW TEMPLATE (COMPLETE)\n- [ ] x\n'), []);
  });
});

describe('criteria', () => {
  it('reads thresholds with their metric and qualifier', () => {
    const [auth, p99] = findThresholds('**Exit Criteria**: >99% auth, <2s P99');
    assert.deepEqual([auth.op, auth.value, auth.metric, auth.qualifier], ['>', 99, 'successRate', undefined]);
    assert.deepEqual([p99.op, p99.value, p99.metric], ['<', 2000, 'p99']);
    assert.equal(findThresholds('V2 endpoints P95 <300ms')[0].qualifier, 'V2 endpoints');
  });

  it('flags a ticked criterion whose own value fails it, and nothing when it passes or is open', () => {
    assert.deepEqual(rules('- [x] P99 <2s - ✅ 2.1s\n'), ['1:criteria']);
    assert.deepEqual(rules('- [x] P99 <2s - ✅ 1.9s\n'), []);
    assert.deepEqual(rules('- [ ] P99 <2s - 2.1s\n'), []);
    assert.deepEqual(rules('- [x] Loads fast (<500ms P99) - ✅ P95 250ms\n'), [], 'a P95 value says nothing about P99');
  });

  it('compares target metrics with the current metrics block', () => {
    const text = '### Current Metrics\n```\nError Rate: 1.18%\nP95: 70ms\n```\n### Target Metrics\n```\nError Rate: <0.05% ✅\nP95: <150ms ✅\n```\n';
    assert.deepEqual(rules(text), ['8:criteria']);
  });
});

describe('comma tags', () => {
  const cases: Array<[string, string[]]> = [
    ['locust --tags api,page --headless', ['1:comma-tags']],
    ['locust -T api,page', ['1:comma-tags']],
    ['locust --exclude-tags=export,admin', ['1:comma-tags']],
    ['locust --tags api page', []],
    ['Full Load Test v24 (tags api,page)', []],
    ['```bash\nlocust -E a,b\n```', ['2:comma-tags']],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(rules(text), expected));
});

describe('tables', () => {
  it('flags a repeated row only within one table', () => {
    assert.deepEqual(rules('| a | b |\n|---|---|\n| 1 | 2 |\n| 1 | 2 |\n'), ['4:duplicate-row']);
    assert.deepEqual(rules('| a | b |\n|---|---|\n| 1 | 2 |\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'), []);
  });
});
