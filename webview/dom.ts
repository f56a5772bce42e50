// Element building with text as text: every string goes through textContent or setAttribute, never innerHTML.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) element.setAttribute(name, value);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** An endpoint name that wraps after its slashes (`<wbr>`), not inside a word, in a narrow column. */
export function pathText(text: string): HTMLElement {
  const span = h('span');
  text.split(/(?<=\/)/).forEach((part, i) => append(span, i > 0 ? document.createElement('wbr') : null, part));
  return span;
}

/** A titled section with an id, for the page outline. */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
}

/** Visible note (Locust quirks, threshold explanation). */
export function note(text: string, kind: 'info' | 'warning' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `note note-${kind}`, role: kind === 'error' ? 'alert' : 'note' }, text);
}

export function clear(element: Element): void {
  element.replaceChildren();
}
