// A markdown-it plugin that renders GFM task list items (`- [ ] text`) as enabled checkboxes carrying their source
// line, for VS Code's built-in Markdown preview. It works on the markdown-it instance it is given (VS Code's own,
// whatever its version), so it imports no markdown-it of its own (only types, and the shared task marker).
//
// A task is what the tracker parser calls a task: a list item whose first paragraph starts with `[ ]`, `[x]` or
// `[X]` followed by a space or tab (not the end of the line, as in GFM). The checkbox is added at parse time
// (tokens are cached per document version by the preview); its attributes are computed at render time, where the
// environment names the document.
import type MarkdownIt from 'markdown-it';
import { TASK_MARK } from '../tracker/taskMark';

type StateCore = MarkdownIt.StateCore;
type Token = MarkdownIt.Token;

export const CHECKBOX_TOKEN = 'execution_tracker_task_checkbox';
export const CHECKBOX_CLASS = 'task-list-item-checkbox';

export interface RenderedTask {
  /** 0-based source line of the list item's paragraph (where the mark is). */
  readonly line: number;
  readonly checked: boolean;
  readonly mark: ' ' | 'x' | 'X';
  /** The source line as markdown-it read it (line breaks normalised). */
  readonly lineText: string;
}

export interface TaskCheckboxOptions {
  /** Extra attributes for one checkbox (names should start with `data-`); `env` is markdown-it's render env. */
  readonly attributes?: (task: RenderedTask, env: unknown) => ReadonlyArray<readonly [string, string]>;
}


export function taskCheckboxes(md: MarkdownIt, options: TaskCheckboxOptions = {}): void {
  // After text_join (markdown-it 13+) `[ ] text` is one text token; an older markdown-it has no text_join (the
  // ruler throws for an unknown name) and keeps `[` apart, and the item is then left alone rather than guessed at.
  const rule = (state: StateCore) => addCheckboxes(state);
  try {
    md.core.ruler.after('text_join', 'execution_tracker_tasks', rule);
  } catch {
    md.core.ruler.after('inline', 'execution_tracker_tasks', rule);
  }
  md.renderer.rules[CHECKBOX_TOKEN] = (tokens, index, _options, env) => {
    const task = tokens[index].meta as RenderedTask;
    const attributes: Array<readonly [string, string]> = [
      ['type', 'checkbox'],
      ['class', CHECKBOX_CLASS],
      ['data-line', String(task.line)],
      ['data-mark', task.mark],
      ...(options.attributes?.(task, env) ?? []),
    ];
    const rendered = attributes.map(([name, value]) => ` ${name}="${md.utils.escapeHtml(value)}"`).join('');
    return `<input${rendered}${task.checked ? ' checked' : ''}>`;
  };
}

function addCheckboxes(state: StateCore): void {
  const tokens = state.tokens;
  let lines: string[] | undefined;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i];
    if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') continue;
    const match = TASK_MARK.exec(inline.content);
    const first = inline.children?.[0];
    if (!match || !inline.map || first?.type !== 'text' || !TASK_MARK.test(first.content)) continue;

    lines ??= state.src.split('\n');
    const line = inline.map[0];
    const mark = match[1] as RenderedTask['mark'];
    const checkbox = new state.Token(CHECKBOX_TOKEN, 'input', 0);
    checkbox.meta = { line, checked: mark !== ' ', mark, lineText: lines[line] ?? '' } satisfies RenderedTask;
    // Keep one space between the box and the text, like GitHub.
    first.content = first.content.slice(3).replace(/^\s+/, ' ');
    inline.children!.unshift(checkbox);

    tokens[i - 2].attrJoin('class', 'task-list-item');
    const list = enclosingList(tokens, i - 2);
    if (list && !(list.attrGet('class') ?? '').split(' ').includes('contains-task-list')) list.attrJoin('class', 'contains-task-list');
  }
}

/** The bullet/ordered list that opens the list item at `itemIndex`. */
function enclosingList(tokens: Token[], itemIndex: number): Token | undefined {
  const level = tokens[itemIndex].level - 1;
  for (let j = itemIndex - 1; j >= 0; j--) {
    const token = tokens[j];
    if (token.level === level && (token.type === 'bullet_list_open' || token.type === 'ordered_list_open')) return token;
    if (token.level < level) return undefined;
  }
  return undefined;
}
