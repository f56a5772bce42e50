// _stats.csv (0.13.3+), 0.x _requests.csv and _distribution.csv: rows -> per-endpoint statistics.
import * as l10n from '@vscode/l10n';
import { checkWidth, readCount, readNumber } from './cells';
import type { HeaderMap } from './columns';
import { requireColumns } from './columns';
import type { CsvRow } from './csv';
import { LocustReadError } from './errors';
import type { EndpointStats, LocustDistribution, LocustEra, LocustStats } from './model';

/** The total row: Name "Aggregated" (or "Total" in 0.x) with an empty or "None" type; lenient, as the doc advises. */
export function isTotalRow(type: string, name: string): boolean {
  return (name === 'Aggregated' || name === 'Total') && (type === '' || type === 'None' || type === 'Aggregated');
}

function readPercentiles(header: HeaderMap, cells: string[], file: string, line: number): Record<string, number | null> {
  const percentiles: Record<string, number | null> = {};
  for (const { label, index } of header.percentiles) percentiles[label] = readNumber(cells, index, `${label}%`, file, line);
  return percentiles;
}

function readEndpoint(header: HeaderMap, row: CsvRow, file: string): EndpointStats {
  const { cells, line } = row;
  const at = header.index;
  const num = (key: keyof typeof at, column: string) => readNumber(cells, at[key], column, file, line);
  const type = cells[at.type!] ?? '';
  return {
    type: type === 'None' ? '' : type,
    name: cells[at.name!] ?? '',
    requests: readCount(cells, at.requests, 'Request Count', file, line),
    failures: readCount(cells, at.failures, 'Failure Count', file, line),
    medianMs: num('medianMs', 'Median Response Time'),
    avgMs: num('avgMs', 'Average Response Time'),
    minMs: num('minMs', 'Min Response Time'),
    maxMs: num('maxMs', 'Max Response Time'),
    rps: num('rps', 'Requests/s'),
    failuresPerS: num('failuresPerS', 'Failures/s'),
    avgContentSize: num('avgContentSize', 'Average Content Size'),
    percentiles: readPercentiles(header, cells, file, line),
  };
}

export function statsEra(header: HeaderMap, quotedHeader: boolean): LocustEra {
  if (header.cells.includes('Method')) return '0.8-0.13.2';
  if (header.cells.includes('# requests')) return '0.13.3-0.14';
  if (quotedHeader) return '1.0';
  return header.cells.includes('99.999%') ? '1.1' : '1.2+';
}

export function readStatsRows(header: HeaderMap, rows: CsvRow[], file: string, era: LocustEra): LocustStats {
  requireColumns(header, ['type', 'name', 'requests', 'failures'], file);
  if (rows.length === 0) throw new LocustReadError(file, l10n.t('has a header but no rows (truncated, or Locust stopped before its first write)'));
  const endpoints: EndpointStats[] = [];
  let aggregated: EndpointStats | null = null;
  for (const row of rows) {
    checkWidth(row.cells, header.cells.length, file, row.line);
    const entry = readEndpoint(header, row, file);
    if (isTotalRow(entry.type, entry.name)) aggregated = { ...entry, name: 'Aggregated' };
    else endpoints.push(entry);
  }
  const notes: string[] = [];
  if (!aggregated) notes.push(l10n.t('No Aggregated row: the file may be truncated (Locust writes it last).'));
  else if (aggregated.requests === 0) notes.push(l10n.t('No requests were made (for example a tag filter that matched no task).'));
  if (era === '1.2+') {
    notes.push(l10n.t('Locust 1.2+ rewrites _stats.csv every second and does not write it at shutdown, so these totals can lag the final console/HTML numbers by up to about 1 s of traffic.'));
  }
  return { file, kind: 'stats', era, endpoints, aggregated, percentileLabels: header.percentiles.map((p) => p.label), notes };
}

export function readDistributionRows(header: HeaderMap, rows: CsvRow[], file: string): LocustDistribution {
  requireColumns(header, ['name', 'requests'], file);
  if (rows.length === 0) throw new LocustReadError(file, l10n.t('has a header but no rows (truncated?)'));
  const out = rows.map((row) => {
    checkWidth(row.cells, header.cells.length, file, row.line);
    return {
      name: row.cells[header.index.name!],
      requests: readCount(row.cells, header.index.requests, '# requests', file, row.line),
      percentiles: readPercentiles(header, row.cells, file, row.line),
    };
  });
  return { file, kind: 'distribution', era: '0.8-0.13.2', rows: out, notes: [] };
}

/** 0.x split percentiles into _distribution.csv, keyed "METHOD name" (and "Total"); join them back. */
export function mergeDistribution(stats: LocustStats, distribution: LocustDistribution): LocustStats {
  const byName = new Map(distribution.rows.map((row) => [row.name, row.percentiles]));
  const withPercentiles = (entry: EndpointStats, key: string): EndpointStats => ({ ...entry, percentiles: byName.get(key) ?? entry.percentiles });
  return {
    ...stats,
    endpoints: stats.endpoints.map((entry) => withPercentiles(entry, `${entry.type} ${entry.name}`)),
    aggregated: stats.aggregated && withPercentiles(stats.aggregated, 'Total'),
    percentileLabels: Object.keys(distribution.rows[0]?.percentiles ?? {}).sort((a, b) => Number(a) - Number(b)),
  };
}
