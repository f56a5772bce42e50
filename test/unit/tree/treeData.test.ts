import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Finding } from '../../../src/core/checks/types';
import { TrackerDocuments } from '../../../src/services/trackerDocuments';
import type { TrackerEntry } from '../../../src/services/trackerEntry';
import type { TreeFilter } from '../../../src/features/tree/nodes';
import { TrackerTreeData } from '../../../src/features/tree/treeData';
import { FakeDocument, FakeEvent, fakeUri, tick } from '../fakes';

/**
 * The tree's sources as in the extension: the store fires once an edit is parsed, and the findings service
 * re-fires that at once (it listens to the store), so every edit reaches the tree twice.
 */
function world(text: string, findingsDelayMs = 0) {
  const documents = new TrackerDocuments(() => ({ excludeTemplates: true }));
  const doc = new FakeDocument(fakeUri('/w/TRACKER.md'), text);
  const storeEvent = new FakeEvent();
  const findingsEvent = new FakeEvent();
  const filterEvent = new FakeEvent();
  let entries: TrackerEntry[] = [documents.forDocument(doc)];
  let findingsRuns = 0;
  let filter: TreeFilter = { hideCompleted: false, currentWeekOnly: false };
  storeEvent.event(() => findingsEvent.fire());
  const sources = {
    trackers: { trackers: () => entries, whenReady: () => Promise.resolve(), onDidChange: storeEvent.event },
    findings: {
      enabled: true,
      forEntry: async (entry: TrackerEntry): Promise<Finding[]> => {
        findingsRuns++;
        await tick(findingsDelayMs);
        return entry.model.tasks.filter((t) => !t.checked).map((t) => ({ rule: 'status-claim', severity: 'warning', line: t.line, startColumn: 0, endColumn: 1, message: `open: ${t.text}` }));
      },
      onDidChange: findingsEvent.event,
    },
    filter: { get current() { return filter; }, onDidChange: filterEvent.event },
  };
  let fired = 0;
  const data = new TrackerTreeData(sources, () => fired++, (error) => assert.fail(String(error)));
  return {
    data,
    get fired() { return fired; },
    get findingsRuns() { return findingsRuns; },
    /** A user edit: new text, the store re-parses and fires (the findings service re-fires). */
    edit(next: string) {
      doc.edit(next);
      entries = [documents.forDocument(doc)];
      storeEvent.fire();
    },
    /** The store fires without a change (a save, the same text read again). */
    resignal() {
      entries = [documents.forDocument(doc)];
      storeEvent.fire();
    },
    setFilter(next: TreeFilter) {
      filter = next;
      filterEvent.fire();
    },
    listeners: () => storeEvent.size + findingsEvent.size + filterEvent.size,
  };
}

const tasksOf = (data: TrackerTreeData) => [...data.current().values()][0].taskNodes.size;
const findingsOf = (data: TrackerTreeData) => [...data.current().values()][0].root.children.find((n) => n.kind === 'findings');

describe('TrackerTreeData (the Tracker view render pipeline)', () => {
  it('renders once per edit, with the tasks and the findings of the same text', async () => {
    const w = world('# W\n- [ ] a\n- [ ] b\n');
    await w.data.whenIdle();
    assert.equal(w.fired, 1, 'initial render');
    for (let i = 0; i < 5; i++) {
      w.edit(`# W\n- [x] a\n- [ ] b\n${'- [ ] c\n'.repeat(i + 1)}`);
      await w.data.whenIdle();
      assert.equal(w.fired, i + 2, `edit ${i + 1}: one more render, not two`);
      const findings = findingsOf(w.data);
      assert.ok(findings && findings.kind === 'findings');
      assert.equal(findings.findings.length, tasksOf(w.data) - 1, 'findings belong to the rendered text (one per open task)');
    }
    assert.equal(w.data.renders, 6);
  });

  it('a signal that changes nothing the tree shows fires no refresh; refresh() (a refused click) always does', async () => {
    const w = world('# W\n- [ ] a\n');
    await w.data.whenIdle();
    assert.equal(w.fired, 1);
    const before = w.data.current();
    w.resignal();
    await w.data.whenIdle();
    assert.equal(w.fired, 1, 'the same text, findings and filter: VS Code is not asked to refresh (a click in flight would be lost)');
    assert.equal(w.data.current(), before, 'the nodes VS Code holds stay the ones the tree serves');
    w.data.refresh();
    await w.data.whenIdle();
    assert.equal(w.fired, 2, 'a put-back refresh fires even when nothing changed');
    w.edit('# W\n- [x] a\n');
    await w.data.whenIdle();
    assert.equal(w.fired, 3);
  });

  it('slow findings hold the render back instead of rendering tasks first and findings later', async () => {
    const w = world('- [ ] a\n', 40);
    await w.data.whenIdle();
    w.edit('- [ ] a\n- [ ] b\n');
    await w.data.whenIdle();
    assert.equal(w.fired, 2);
    assert.equal(tasksOf(w.data), 2);
  });

  it('edits faster than the render collapse; the newest text wins and nothing older overwrites it', async () => {
    const w = world('- [ ] a\n', 15);
    await w.data.whenIdle();
    w.edit('- [ ] a\n- [ ] b\n');
    await tick(25); // the render of this edit is waiting on its findings
    w.edit('- [ ] a\n- [ ] b\n- [ ] c\n');
    await w.data.whenIdle();
    assert.equal(tasksOf(w.data), 3);
    assert.equal(w.fired, 2, 'the overtaken render was dropped');
  });

  it('a filter change is one render; refresh() (a refused click) renders again; dispose removes every listener', async () => {
    const w = world('- [x] a\n- [ ] b\n');
    await w.data.whenIdle();
    w.setFilter({ hideCompleted: true, currentWeekOnly: false });
    await w.data.whenIdle();
    assert.equal(tasksOf(w.data), 1);
    w.data.refresh();
    await w.data.whenIdle();
    assert.equal(w.fired, 3);
    w.data.dispose();
    assert.equal(w.listeners(), 1, 'only the fake findings service still listens to the fake store');
  });
});
