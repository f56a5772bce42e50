// The preview plugin renders exactly the tasks the tracker parser finds, each with its source line and mark.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { taskCheckboxes, type TaskCheckboxOptions } from '../../../src/core/preview/taskCheckboxes';
import { findMarkColumn } from '../../../src/core/tracker/edits';
import { parseTracker, splitLines } from '../../../src/core/tracker/parse';
import { seedTracker } from '../fixtures';

function render(text: string, attributes?: TaskCheckboxOptions['attributes']): string {
  // The same options as VS Code's preview engine.
  const md = new MarkdownIt({ html: true, breaks: false, linkify: true });
  taskCheckboxes(md, { attributes });
  return md.render(text, { currentDocument: 'doc' });
}

const boxes = (html: string) =>
  [...html.matchAll(/<input type="checkbox" class="task-list-item-checkbox" data-line="(\d+)" data-mark="([ xX])"([^>]*)>/g)].map((m) => ({
    line: Number(m[1]),
    mark: m[2],
    rest: m[3],
  }));

describe('taskCheckboxes', () => {
  it('renders enabled checkboxes with line and mark for bullet, nested and ordered tasks', () => {
    const html = render('# T\n\n- [ ] one\n- [x] two\n  * [X] nested\n+ plain\n\n3. [ ] ordered\n');
    assert.deepEqual(boxes(html).map(({ line, mark }) => [line, mark]), [[2, ' '], [3, 'x'], [4, 'X'], [7, ' ']]);
    assert.ok(!/disabled/.test(html), 'checkboxes are enabled');
    assert.match(html, /data-mark="x" checked>/);
    assert.match(html, /<ul class="contains-task-list">\n<li class="task-list-item">/);
    assert.match(html, /<li>plain<\/li>/, 'items without a checkbox stay plain');
  });

  it('leaves code, non-list brackets, links and [] without a space alone', () => {
    const html = render('```\n- [ ] fenced\n```\n\n    - [ ] indented code\n\n[ ] not a list\n\n- [] no space\n- [x]no space after\n- text [ ] later\n- [link](x) [ ] after\n');
    assert.deepEqual(boxes(html), []);
  });

  it('keeps task text formatting and removes only the mark', () => {
    const html = render('- [ ] **bold** `code` [link](https://example.com)\n');
    assert.match(html, /data-mark=" "> <strong>bold<\/strong> <code>code<\/code> <a href="https:\/\/example.com">link<\/a><\/li>/);
  });

  it('passes the source line (CRLF normalised) and env to the attribute callback, escaped', () => {
    const seen: unknown[] = [];
    const html = render('intro\r\n\r\n- [ ] a "quoted" <tag> & more\r\n', (task, env) => {
      seen.push([task.line, task.lineText, (env as { currentDocument: string }).currentDocument]);
      return [['data-et-text', task.lineText]];
    });
    assert.deepEqual(seen, [[2, '- [ ] a "quoted" <tag> & more', 'doc']]);
    assert.match(html, /data-et-text="- \[ \] a &quot;quoted&quot; &lt;tag&gt; &amp; more">/);
  });

  it('marks every task of the seed tracker, and only those, on the parser\'s lines', () => {
    const seed = seedTracker();
    const lines = splitLines(seed);
    const html = render(seed, (task) => [['data-et-text', task.lineText]]);
    const rendered = boxes(html);
    const parsed = parseTracker(seed, { excludeTemplates: false }).tasks;
    assert.equal(rendered.length, parsed.length);
    assert.deepEqual(rendered.map((b) => [b.line, b.mark]), parsed.map((t) => [t.line, t.mark]));
    for (const box of rendered) {
      const text = /data-et-text="([^"]*)"/.exec(box.rest)![1];
      assert.equal(text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), lines[box.line]);
    }
  });

  it('survives hostile input without throwing', () => {
    for (const text of ['', '- [', '- [ ]', '- [ ]\n', '-\t[x]\ttab', '> - [ ] quoted', '- [ ] a\0b', '- '.repeat(2000) + '[ ] deep']) {
      assert.doesNotThrow(() => render(text));
    }
    assert.deepEqual(boxes(render('> - [ ] quoted')).map((b) => b.line), [0]);
  });
});

describe('GFM fidelity: a marker followed by the end of the line', () => {
  // cmark-gfm's tasklist extension needs a space or tab after `]`; `- [x]` with the text on the next line is a
  // plain list item there. The parser (summary, tree), the preview and the toggles must all say the same.
  const text = '# W\n- [x]\n  text on the next line\n- [ ]\n- [x] real\n* [ ]\ttabbed\n';
  it('is not a task for the parser, the preview or the toggle', () => {
    const model = parseTracker(text);
    assert.deepEqual(model.tasks.map((t) => [t.line, t.text]), [[4, 'real'], [5, 'tabbed']]);
    assert.deepEqual(model.counted, { done: 1, total: 2 });
    assert.deepEqual(boxes(render(text)).map((b) => b.line), [4, 5]);
    const lines = splitLines(text);
    assert.deepEqual(lines.map((line, i) => [i, findMarkColumn(line)]).filter(([, c]) => c >= 0).map(([i]) => i), [4, 5]);
  });
});
