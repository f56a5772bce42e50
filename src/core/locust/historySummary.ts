// The end of a history read: the accumulated counts and downsampled buckets become the LocustHistory the charts,
// the Runs view and the CLI use, with the notes that explain what the file cannot say.
import * as l10n from '@vscode/l10n';
import type { HeaderMap } from './columns';
import { encodingNote, type TextEncodingName } from './decode';
import type { MinMaxBuckets } from './downsample';
import { FIXED_SERIES, historyPercentiles } from './historyLayout';
import type { HistorySeries, LocustEra, LocustHistory } from './model';


/** What the rows of a file (or of a part of one) add up to, besides the buckets. */
export interface HistoryCounts {
  header: HeaderMap;
  era: LocustEra;
  rows: number;
  points: number;
  startS: number;
  endS: number;
  peakUsers: number;
  finalRequests: number;
  finalFailures: number;
  endpointRows: number;
  skippedLastRow: boolean;
}

export interface HistoryTotals extends HistoryCounts {
  file: string;
  encoding: TextEncodingName;
  accumulators: ReadonlyArray<{ name: string; total: boolean; buckets: MinMaxBuckets }>;
  lineNumber: number;
}

export function summarizeHistory(totals: HistoryTotals): LocustHistory {
  const { header: map, era, startS, endS, endpointRows, points } = totals;
  const labels = historyPercentiles(map).map((p) => p.label);
  const keys: string[] = [...FIXED_SERIES, ...labels.map((label) => `p${label}`)];
  const series: Record<string, HistorySeries> = {};
  for (const acc of totals.accumulators) {
    const { t, values: columns } = acc.buckets.finish();
    const entry: Record<string, unknown> = { t };
    keys.forEach((key, s) => (entry[key] = columns[s]));
    series[acc.name] = entry as unknown as HistorySeries;
  }
  const endpoints = totals.accumulators.filter((acc) => !acc.total).map((acc) => acc.name);
  const durationS = Number.isFinite(startS) ? endS - startS : 0;
  const notes: string[] = [...encodingNote(totals.encoding)];
  if (endpointRows === 0) notes.push(l10n.t('Only Aggregated rows: the run did not use --csv-full-history, so there are no per-endpoint series.'));
  if (era === '1.2+' || era === '1.0-1.1') {
    notes.push(l10n.t('Locust 1.2-2.46.2 buffers this file and never flushes it at exit: the last 5-10 s of the run are usually missing (fixed in 2.46.3).'));
  }
  if (totals.skippedLastRow) notes.push(l10n.t('The last line ({0}) was incomplete (file still being written?) and was skipped.', totals.lineNumber));
  if (points <= 1) notes.push(l10n.t('Only the first tick was written: the run was shorter than the first flush (~10 s) or was stopped before it.'));
  if (!(map.index.users !== undefined)) notes.push(l10n.t('No User Count column (Locust before 1.0): user counts are unknown.'));
  const orNull = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    file: totals.file,
    kind: 'history',
    era,
    points,
    rows: totals.rows,
    startS: orNull(startS),
    endS: orNull(endS),
    durationS,
    peakUsers: orNull(totals.peakUsers),
    endpoints,
    fullHistory: endpointRows > 0,
    percentileLabels: labels,
    finalRequests: orNull(totals.finalRequests),
    finalFailures: orNull(totals.finalFailures),
    series,
    notes,
  };
}
