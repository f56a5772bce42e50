import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/core/checks/types';
import { buildTracker, currentWeekOf, headingAtLine, type TrackerNode } from '../../../src/features/tree/nodes';
import { TrackerDocuments } from '../../../src/services/trackerDocuments';
import { seedTracker } from '../fixtures';
import { FakeDocument, fakeUri } from '../fakes';

const entryOf = (text: string) => new TrackerDocuments(() => ({ excludeTemplates: true })).forDocument(new FakeDocument(fakeUri('/w/TRACKER.md'), text));
const all = { hideCompleted: false, currentWeekOnly: false };
const walk = (node: TrackerNode): TrackerNode[] => [node, ...node.children.flatMap(walk)];

describe('tree nodes (pure)', () => {
  it('the seed: every task is one node, every node knows its parent, ids are unique', () => {
    const entry = entryOf(seedTracker());
    const built = buildTracker(entry, all);
    const nodes = walk(built.root);
    assert.equal(built.taskNodes.size, entry.model.tasks.length);
    assert.equal(nodes.filter((n) => n.kind === 'task').length, entry.model.tasks.length);
    for (const node of nodes) if (node !== built.root) assert.ok(node.parent && node.parent.children.includes(node), node.id);
    assert.equal(new Set(nodes.map((n) => n.id)).size, nodes.length, 'unique ids');
    assert.equal(built.currentWeek, currentWeekOf(entry.model));
  });

  it('hide completed keeps open tasks and a done task with open subtasks, and drops emptied headings', () => {
    const entry = entryOf('# A\n- [x] done\n  - [ ] open child\n- [x] gone\n# B\n- [x] all done\n');
    const built = buildTracker(entry, { hideCompleted: true, currentWeekOnly: false });
    const labels = walk(built.root).flatMap((n) => (n.kind === 'task' ? [n.task.text] : n.kind === 'heading' ? [`# ${n.heading.text}`] : []));
    assert.deepEqual(labels, ['# A', 'done', 'open child']);
  });

  it('findings: a summary node grouped by rule; a failed criterion is attached to its task', () => {
    const entry = entryOf('# A\n- [x] P99 < 2s\n- [ ] b\n');
    const findings: Finding[] = [
      { rule: 'criteria', severity: 'error', line: 1, startColumn: 0, endColumn: 3, message: 'P99 is 3 s' },
      { rule: 'status-claim', severity: 'warning', line: 0, startColumn: 0, endColumn: 3, message: 'claims done' },
    ];
    const built = buildTracker(entry, all, findings);
    const summary = built.root.children[0];
    assert.equal(summary.kind, 'findings');
    assert.deepEqual(summary.children.map((n) => (n.kind === 'rule' ? n.rule : '?')), ['criteria', 'status-claim']);
    const task = [...built.taskNodes.values()].find((n) => n.task.line === 1);
    assert.equal(task?.failedCriterion?.message, 'P99 is 3 s');
  });

  it('ids name the text, not the line: an edit above keeps them', () => {
    const before = buildTracker(entryOf('# A\n- [ ] a\n- [ ] a\n'), all);
    const after = buildTracker(entryOf('intro\n\n# A\n- [ ] a\n- [ ] a\n'), all);
    assert.deepEqual([...after.taskNodes.values()].map((n) => n.id.split('#')[1]), [...before.taskNodes.values()].map((n) => n.id.split('#')[1]));
  });

  it('headingAtLine finds the innermost heading, -1 before the first', () => {
    const model = entryOf('x\n# A\n## B\n- [ ] t\n').model;
    assert.equal(headingAtLine(model, 0), -1);
    assert.equal(model.headings[headingAtLine(model, 3)].text, 'B');
  });
});
