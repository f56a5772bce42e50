// A _stats_history.csv followed while Locust writes it: fed only the bytes appended since the last read, it
// keeps the latest Aggregated tick (for the status bar) and a downsampled series per endpoint (for the live
// chart), in the chart's LocustHistory shape. Built on the per-row pieces (splitCsvLine, mapHeader,
// MinMaxBuckets) rather than the whole-file reader, whose job is one pass over a finished file.
import * as l10n from '@vscode/l10n';
import { classifyHeader, mapHeader, type HeaderMap } from '../locust/columns';
import { splitCsvLine } from '../locust/csvLine';
import { MinMaxBuckets } from '../locust/downsample';
import { FIXED_SERIES, historyPercentiles } from '../locust/historyLayout';
import type { HistorySeries, LocustHistory } from '../locust/model';

/** The newest Aggregated row. Counts are cumulative since the run started. */
export interface LiveTick {
  readonly timestampS: number;
  readonly users: number | null;
  readonly rps: number | null;
  readonly failuresPerS: number | null;
  readonly requests: number | null;
  readonly failures: number | null;
}

const MAX_PENDING = 1024 * 1024;

interface Series {
  readonly name: string;
  readonly buckets: MinMaxBuckets;
}

export class HistoryFollower {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private header: HeaderMap | undefined;
  private readonly series = new Map<string, Series>();
  private rowCount = 0;
  private ticks = 0;
  private startS = Number.POSITIVE_INFINITY;
  private endS = Number.NEGATIVE_INFINITY;
  private peakUsers = Number.NaN;
  private last: LiveTick | undefined;
  private fault: string | undefined;

  constructor(
    readonly file: string,
    private readonly maxPoints = 600,
  ) {}

  /** Rows read so far (endpoint rows included). */
  get rows(): number {
    return this.rowCount;
  }

  get latest(): LiveTick | undefined {
    return this.last;
  }

  /** Why following stopped (not a history file, a line too long); undefined while all is well. */
  get problem(): string | undefined {
    return this.fault;
  }

  /** Bytes appended to the file since the previous push. A row cut in the middle waits for its end. */
  push(chunk: Uint8Array): void {
    if (this.fault || chunk.length === 0) return;
    const text = this.pending + this.decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.pending = lines.pop() ?? '';
    if (this.pending.length > MAX_PENDING) this.fault = l10n.t('a line longer than {0} bytes: not a Locust history file', MAX_PENDING);
    for (const raw of lines) {
      const line = raw.replace(/\r+$/, '');
      if (line === '' || this.fault) continue;
      this.readLine(line);
    }
  }

  private readLine(line: string): void {
    const cells = splitCsvLine(line);
    if (!cells) return; // a quoted newline inside a name: Locust never writes one in history rows
    if (!this.header) {
      const header = mapHeader(cells);
      if (classifyHeader(header) !== 'history') {
        this.fault = l10n.t('the first line is not the header of a Locust _stats_history.csv');
        return;
      }
      this.header = header;
      return;
    }
    const index = this.header.index;
    const cell = (i: number | undefined): number => {
      if (i === undefined || i >= cells.length) return Number.NaN;
      const text = cells[i].trim();
      return text === '' || text === 'N/A' ? Number.NaN : Number(text);
    };
    const t = cell(index.timestamp);
    if (!Number.isFinite(t)) return;
    const name = cells[index.name ?? 0] ?? '';
    const values = [cell(index.users), cell(index.rps), cell(index.failuresPerS), cell(index.totalRequests ?? index.requests), cell(index.totalFailures ?? index.failures), ...historyPercentiles(this.header).map((p) => cell(p.index))];
    this.rowCount++;
    const key = name === 'Aggregated' || name === 'Total' ? 'Aggregated' : name;
    let series = this.series.get(key);
    if (!series) {
      series = { name: key, buckets: new MinMaxBuckets(values.length, this.maxPoints) };
      this.series.set(key, series);
    }
    series.buckets.add(t, values);
    if (key !== 'Aggregated') return;
    this.ticks++;
    this.startS = Math.min(this.startS, t);
    this.endS = Math.max(this.endS, t);
    if (!Number.isNaN(values[0])) this.peakUsers = Number.isNaN(this.peakUsers) ? values[0] : Math.max(this.peakUsers, values[0]);
    const orNull = (v: number) => (Number.isFinite(v) ? v : null);
    this.last = { timestampS: t, users: orNull(values[0]), rps: orNull(values[1]), failuresPerS: orNull(values[2]), requests: orNull(values[3]), failures: orNull(values[4]) };
  }

  /** What has been read so far, shaped like a finished file's history; null before the first row. */
  snapshot(): LocustHistory | null {
    const header = this.header;
    if (!header || this.ticks === 0) return null;
    const labels = historyPercentiles(header).map((p) => p.label);
    const keys = [...FIXED_SERIES, ...labels.map((label) => `p${label}`)];
    const series: Record<string, HistorySeries> = {};
    for (const { name, buckets } of this.series.values()) {
      const { t, values } = buckets.finish();
      const entry: Record<string, unknown> = { t };
      keys.forEach((key, s) => (entry[key] = values[s]));
      series[name] = entry as unknown as HistorySeries;
    }
    const endpoints = [...this.series.keys()].filter((name) => name !== 'Aggregated');
    const orNull = (v: number) => (Number.isFinite(v) ? v : null);
    return {
      file: this.file,
      kind: 'history',
      era: '1.2+',
      points: this.ticks,
      rows: this.rowCount,
      startS: orNull(this.startS),
      endS: orNull(this.endS),
      durationS: this.endS - this.startS,
      peakUsers: orNull(this.peakUsers),
      endpoints,
      fullHistory: endpoints.length > 0,
      percentileLabels: labels,
      finalRequests: this.last?.requests ?? null,
      finalFailures: this.last?.failures ?? null,
      series,
      notes: [l10n.t('Live: read while Locust writes the file. Locust flushes it every few seconds (10 s before 2.29), so the newest seconds appear in steps.')],
    };
  }
}

/** "12 users · 1,234 requests · 20.5 RPS · 0.81% failures · 1:05", for the status bar and the live badge. */
export function formatLiveTick(tick: LiveTick | undefined, elapsedS: number): string {
  const elapsed = `${Math.floor(elapsedS / 60)}:${String(Math.floor(elapsedS % 60)).padStart(2, '0')}`;
  if (!tick) return l10n.t('starting… {0}', elapsed);
  const failurePercent = tick.requests ? ((tick.failures ?? 0) / tick.requests) * 100 : 0;
  return l10n.t(
    '{0} users · {1} requests · {2} RPS · {3}% failures · {4}',
    tick.users ?? '?',
    (tick.requests ?? 0).toLocaleString('en-US'),
    (tick.rps ?? 0).toFixed(1),
    failurePercent.toFixed(2),
    elapsed,
  );
}
