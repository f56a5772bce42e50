// Pieces several views share: run header, notes and errors, a collapsible data table under a chart.
import { h, note } from '../dom';
import type { RunInfo, Strings } from '../../src/shared/protocol';

export function runHeader(title: string, run: RunInfo | undefined, strings: Strings): HTMLElement {
  const header = h('header', { class: 'page-header' }, h('h1', {}, title));
  if (run?.live) header.appendChild(h('span', { class: 'badge live', role: 'status' }, run.liveText ? `${strings.liveRun} · ${run.liveText}` : strings.live));
  if (run && run.files.length) header.appendChild(h('details', { class: 'files' }, h('summary', {}, `${strings.files} (${run.files.length})`), h('ul', {}, ...run.files.map((f) => h('li', {}, h('code', {}, f))))));
  return header;
}

export function notesAndErrors(notes: readonly string[], errors: readonly string[], strings: Strings): HTMLElement | null {
  if (!notes.length && !errors.length) return null;
  const box = h('div', { class: 'notes' });
  if (errors.length) box.append(h('h2', {}, strings.errors), ...errors.map((e) => note(e, 'error')));
  if (notes.length) box.append(h('h2', {}, strings.notes), ...notes.map((n) => note(n, 'warning')));
  return box;
}

/**
 * The chart's data as a table inside a closed <details>; built only when opened, since a history series can
 * have thousands of rows.
 */
export function lazyTable(summary: string, build: () => HTMLElement): HTMLElement {
  const details = h('details', { class: 'data-table' }, h('summary', {}, summary));
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.appendChild(build());
  });
  return details;
}
