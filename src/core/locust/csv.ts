// RFC 4180 records for the small Locust files (stats, failures, exceptions), through csv-parse's sync API.
// The large history file has its own streaming reader (historyLines.ts); these files are a few KB.
import * as l10n from '@vscode/l10n';
import { parse } from 'csv-parse/sync';
import { LocustReadError } from './errors';

export interface CsvRow {
  cells: string[];
  /** 1-based line where the record starts. */
  line: number;
}

/**
 * Windows Locust writes `\r\r\n` (csv's `\r\n` through a text-mode file), older ones `\n`: collapse every run of
 * `\r` before `\n` (and lone `\r`) to `\n`, so one record delimiter serves all eras. Inside quoted fields this only
 * changes line ends of multi-line tracebacks, which is harmless.
 */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r+\n?/g, '\n');
}

export function parseCsvRows(text: string, file: string): CsvRow[] {
  const normalized = normalizeLineEnds(text);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(normalized, {
      info: true,
      bom: true,
      record_delimiter: '\n',
      skip_empty_lines: true,
      relax_column_count: true,
      // Locust <= 1.0 quoted by hand ("%s"), so a name containing a quote yields an invalid field; keep it as text.
      relax_quotes: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    const what = code === 'CSV_QUOTE_NOT_CLOSED' ? l10n.t('a quoted field is never closed (file truncated?)') : l10n.t('not valid CSV ({0})', (error as Error).message);
    throw new LocustReadError(file, what, lines);
  }
  // info.lines is where a record ends; it starts as many lines earlier as its fields hold newlines.
  return records.map(({ record, info }) => ({ cells: record, line: info.lines - countNewlines(record) }));
}

function countNewlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count++;
  return count;
}
