// Number formatting for tables, tooltips and axis ticks. Pure (no DOM), unit-tested in test/unit/webview.

/** "1,234" / "12.3" / "0.05"; '—' for unknown. Grouping follows the webview's locale. */
export function formatNumber(value: number | null | undefined, maxDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? Math.min(1, maxDigits) : maxDigits;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function formatMs(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${formatNumber(value)} ms`;
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${formatNumber(value)} %`;
}

/** "+12", "−3.5" (a real minus sign), "0". */
export function formatSigned(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const sign = value > 0 ? '+' : value < 0 ? '\u2212' : '';
  return `${sign}${formatNumber(Math.abs(value))}${unit}`;
}

/** "+30 ms (+30 %)"; a change from zero has no percent: "+1.5 % (new)" is not claimed, only the absolute. */
export function formatDelta(abs: number, pct: number | null, unit = ''): string {
  return pct === null ? formatSigned(abs, unit) : `${formatSigned(abs, unit)} (${formatSigned(pct, ' %')})`;
}

/**
 * Seconds since start as m:ss, or as h:mm:ss with `hours` (or when the value itself reaches an hour). An axis or a
 * column passes `hours` from its longest value (elapsedHasHours), so all its labels and its title agree.
 */
export function formatElapsed(seconds: number, hours = false): string {
  if (!Number.isFinite(seconds)) return '';
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours || h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** An elapsed axis or column whose longest value is `longestS` is shown as h:mm:ss. */
export const elapsedHasHours = (longestS: number): boolean => Math.round(longestS) >= 3600;

/** Replaces {name} placeholders of a translated string. Unknown names stay as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
