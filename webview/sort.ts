// Table sorting: numbers numerically, text by locale, unknown values always last. Pure.

export type Cell = number | string | null | undefined;

export function compareCells(a: Cell, b: Cell, descending: boolean): number {
  const aMissing = a === null || a === undefined || (typeof a === 'number' && Number.isNaN(a));
  const bMissing = b === null || b === undefined || (typeof b === 'number' && Number.isNaN(b));
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
  return descending ? -order : order;
}

/** A sorted copy; ties keep their original order (Array.prototype.sort is stable). */
export function sortRows<T>(rows: readonly T[], key: (row: T) => Cell, descending: boolean): T[] {
  return [...rows].sort((a, b) => compareCells(key(a), key(b), descending));
}

/** Clicking the sorted column flips it; another column starts descending for numbers, ascending for text. */
export function nextSort(current: { column: string; descending: boolean } | undefined, column: string, numeric: boolean): { column: string; descending: boolean } {
  if (current?.column === column) return { column, descending: !current.descending };
  return { column, descending: numeric };
}
