import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TrackerDocuments, type TrackerParser } from '../../../src/services/trackerDocuments';
import { parseTracker } from '../../../src/core/tracker/parse';
import { seedTracker } from '../fixtures';
import { FakeDocument, fakeUri } from '../fakes';

function counting(options = { excludeTemplates: true }) {
  const calls: Array<{ text: string }> = [];
  const parser: TrackerParser = (text, parseOptions) => {
    calls.push({ text });
    return parseTracker(text, parseOptions);
  };
  const opts = { ...options };
  return { documents: new TrackerDocuments(() => opts, parser), calls, opts };
}

describe('TrackerDocuments', () => {
  it('parses a document once per version; an edit is a new entry with the new text, the old one is never returned', () => {
    const { documents, calls } = counting();
    const doc = new FakeDocument(fakeUri('/w/T.md'), '# A\n- [ ] one\n');
    const first = documents.forDocument(doc);
    assert.equal(documents.forDocument(doc), first, 'same version: same entry');
    assert.equal(calls.length, 1);
    assert.equal(doc.reads, 1, 'the text is read only to parse it');
    doc.edit('# A\n- [x] one\n- [ ] two\n');
    const second = documents.forDocument(doc);
    assert.notEqual(second, first);
    assert.equal(second.model.tasks.length, 2);
    assert.equal(second.documentVersion, 2);
    assert.deepEqual(second.lines(), ['# A', '- [x] one', '- [ ] two', '']);
    assert.equal(second.text, '# A\n- [x] one\n- [ ] two\n', 'findings read this text, not lines re-joined');
    assert.equal(calls.length, 2);
  });

  it('the options that shape the model are part of the key', () => {
    const { documents, calls, opts } = counting();
    const doc = new FakeDocument(fakeUri('/w/T.md'), seedTracker());
    const excluded = documents.forDocument(doc);
    opts.excludeTemplates = false;
    const counted = documents.forDocument(doc);
    assert.notEqual(counted, excluded);
    assert.ok(counted.model.tasks.filter((t) => !t.excluded).length > excluded.model.tasks.filter((t) => !t.excluded).length, 'template tasks counted now');
    assert.equal(calls.length, 2);
  });

  it('with the incremental parser (issue 14): an edit reported through noteChanges gives the model of a full parse', () => {
    const documents = new TrackerDocuments(() => ({ excludeTemplates: true }));
    const text = seedTracker();
    const doc = new FakeDocument(fakeUri('/w/T.md'), text);
    documents.forDocument(doc);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('- [ ] '));
    lines[line] = lines[line].replace('- [ ] ', '- [x] ');
    doc.edit(lines.join('\n'));
    documents.noteChanges(doc.uri, doc.version, [{ startLine: line, endLine: line, text: lines[line] }]);
    const incremental = documents.forDocument(doc).model;
    assert.deepEqual(JSON.parse(JSON.stringify(incremental)), JSON.parse(JSON.stringify(parseTracker(lines.join('\n')))));
  });

  it('disk text is keyed by what was read; cached() says when a read can be skipped; forget() drops the entry', () => {
    const { documents, calls } = counting();
    const uri = fakeUri('/w/T.md');
    assert.equal(documents.cached(uri, 'disk:1:10'), undefined);
    const entry = documents.forText(uri, 'disk:1:10', () => '- [x] done\n');
    assert.equal(documents.cached(uri, 'disk:1:10'), entry);
    assert.equal(documents.cached(uri, 'disk:2:10'), undefined, 'another mtime');
    assert.equal(entry.documentVersion, undefined);
    documents.forget(uri);
    assert.equal(documents.cached(uri, 'disk:1:10'), undefined);
    assert.equal(calls.length, 1);
  });

  it('entries of different files do not evict each other', () => {
    const { documents, calls } = counting();
    const a = new FakeDocument(fakeUri('/w/A.md'), '- [ ] a\n');
    const b = new FakeDocument(fakeUri('/w/B.md'), '- [ ] b\n');
    const ea = documents.forDocument(a);
    documents.forDocument(b);
    assert.equal(documents.forDocument(a), ea);
    assert.equal(calls.length, 2);
  });
});
