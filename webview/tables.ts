// Sortable tables: click (or Enter/Space on) a header to sort; aria-sort tells screen readers. The sort per
// table is kept in the webview state so it survives a reload.
import { h } from './dom';
import { nextSort, sortRows, type Cell } from './sort';
import type { SortState } from '../src/shared/protocol';

export interface Column<T> {
  id: string;
  label: string;
  numeric?: boolean;
  /** Sort key; without it the column does not sort. */
  value?: (row: T) => Cell;
  /** Cell content; text by default from value(). */
  render?: (row: T) => Node | string;
  cellClass?: (row: T) => string | undefined;
  title?: string;
}

export interface TableOptions<T> {
  id: string;
  caption: string;
  /** The caption says more than the heading above the table (the compare table's "each run against …"). Otherwise
   * it repeats that heading and is read by screen readers only. */
  showCaption?: boolean;
  columns: Array<Column<T>>;
  rows: readonly T[];
  /** Rows kept below the sorted ones (the Aggregated row). */
  footer?: readonly T[];
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  rowClass?: (row: T) => string | undefined;
  sortHint?: string;
}

function cell<T>(column: Column<T>, row: T, tag: 'td' | 'th'): HTMLElement {
  const content = column.render ? column.render(row) : String(column.value?.(row) ?? '—');
  const classes = [column.numeric ? 'num' : '', column.cellClass?.(row) ?? ''].filter(Boolean).join(' ');
  return h(tag, { class: classes || undefined, scope: tag === 'th' ? 'row' : undefined }, content);
}

export function sortableTable<T>(options: TableOptions<T>): HTMLElement {
  const table = h('table', { id: options.id, class: 'data' });
  let sort = options.sort && options.columns.some((c) => c.id === options.sort!.column && c.value) ? options.sort : undefined;
  const caption = h('caption', { class: options.showCaption ? 'shown' : undefined }, options.caption);
  const thead = h('thead');
  const tbody = h('tbody');
  const tfoot = h('tfoot');

  const renderHead = () => {
    const row = h('tr');
    for (const column of options.columns) {
      const sorted = sort?.column === column.id;
      const th = h('th', { scope: 'col', class: column.numeric ? 'num' : undefined, title: column.title, 'aria-sort': sorted ? (sort!.descending ? 'descending' : 'ascending') : column.value ? 'none' : undefined });
      if (column.value) {
        const button = h('button', { type: 'button', class: 'sort', title: options.sortHint }, column.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (sort!.descending ? ' ▼' : ' ▲') : ''));
        button.addEventListener('click', () => {
          sort = nextSort(sort, column.id, column.numeric === true);
          options.onSort?.(sort);
          render();
        });
        th.appendChild(button);
      } else {
        th.textContent = column.label;
      }
      row.appendChild(th);
    }
    thead.replaceChildren(row);
  };

  const renderRows = (target: HTMLElement, rows: readonly T[]) => {
    target.replaceChildren(
      ...rows.map((row) => h('tr', { class: options.rowClass?.(row) }, ...options.columns.map((column, index) => cell(column, row, index === 0 ? 'th' : 'td')))),
    );
  };

  const render = () => {
    renderHead();
    const column = sort ? options.columns.find((c) => c.id === sort!.column) : undefined;
    renderRows(tbody, column?.value ? sortRows(options.rows, column.value, sort!.descending) : options.rows);
    renderRows(tfoot, options.footer ?? []);
  };
  render();
  table.append(caption, thead, tbody, tfoot);
  return h('div', { class: 'table-wrap' }, table);
}
