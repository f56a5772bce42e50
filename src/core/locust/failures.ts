// _failures.csv (0.14+, First/Last Seen from 2.44) and _exceptions.csv (1.4.2+).
import { checkWidth, readCount } from './cells';
import type { HeaderMap } from './columns';
import { requireColumns } from './columns';
import type { CsvRow } from './csv';
import type { ExceptionRow, FailureRow, LocustExceptions, LocustFailures } from './model';

export function readFailureRows(header: HeaderMap, rows: CsvRow[], file: string): LocustFailures {
  requireColumns(header, ['type', 'name', 'error', 'occurrences'], file);
  const at = header.index;
  const text = (cells: string[], index: number | undefined) => (index === undefined ? null : cells[index] || null);
  const failures: FailureRow[] = rows.map(({ cells, line }) => {
    checkWidth(cells, header.cells.length, file, line);
    return {
      method: cells[at.type!],
      name: cells[at.name!],
      error: cells[at.error!],
      occurrences: readCount(cells, at.occurrences, 'Occurrences', file, line),
      firstSeen: text(cells, at.firstSeen),
      lastSeen: text(cells, at.lastSeen),
    };
  });
  // Locust 2.x orders rows by a hash of the error; most frequent first is what a reader wants.
  failures.sort((a, b) => b.occurrences - a.occurrences);
  return { file, kind: 'failures', hasSeenTimes: at.firstSeen !== undefined, failures, notes: [] };
}

export function splitNodes(nodes: string): string[] {
  return nodes.split(',').map((node) => node.trim()).filter(Boolean);
}

export function readExceptionRows(header: HeaderMap, rows: CsvRow[], file: string): LocustExceptions {
  requireColumns(header, ['count', 'message', 'traceback'], file);
  const at = header.index;
  const exceptions: ExceptionRow[] = rows.map(({ cells, line }) => {
    checkWidth(cells, header.cells.length, file, line);
    return {
      count: readCount(cells, at.count, 'Count', file, line),
      message: cells[at.message!],
      traceback: cells[at.traceback!],
      nodes: at.nodes === undefined ? [] : splitNodes(cells[at.nodes]),
    };
  });
  exceptions.sort((a, b) => b.count - a.count);
  return { file, kind: 'exceptions', exceptions, notes: [] };
}
