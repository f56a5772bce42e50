// Cell values: numbers, with Locust's N/A (0 requests) and empty cells read as null, anything else an error.
import * as l10n from '@vscode/l10n';
import { LocustReadError } from './errors';

export function numberOrNull(cell: string | undefined): number | null | undefined {
  if (cell === undefined) return null;
  const text = cell.trim();
  if (text === '' || text === 'N/A') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A numeric cell; `undefined` from numberOrNull means "not a number", reported with the file and line. */
export function readNumber(cells: string[], at: number | undefined, column: string, file: string, line: number): number | null {
  if (at === undefined) return null;
  const value = numberOrNull(cells[at]);
  if (value === undefined) throw new LocustReadError(file, l10n.t('column "{0}" holds {1}, expected a number or N/A', column, JSON.stringify(cells[at])), line);
  return value;
}

export function readCount(cells: string[], at: number | undefined, column: string, file: string, line: number): number {
  return readNumber(cells, at, column, file, line) ?? 0;
}

/** Rows shorter than the header are what a file cut mid-write (or mid-copy) looks like. */
export function checkWidth(cells: string[], width: number, file: string, line: number): void {
  if (cells.length < width) throw new LocustReadError(file, l10n.t('row has {0} fields but the header has {1} (truncated row?)', cells.length, width), line);
  if (cells.length > width) throw new LocustReadError(file, l10n.t('row has {0} fields but the header has {1} (unquoted comma in a name?)', cells.length, width), line);
}
