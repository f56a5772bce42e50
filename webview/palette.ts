// Chart colours from VS Code's theme variables (--vscode-charts-*), with fallbacks for a host that does not set
// them. Pure: the caller passes the lookup (getComputedStyle in the webview, a table in tests).

export const SERIES_KEYS = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];

export interface Palette {
  series: Record<SeriesKey, string>;
  foreground: string;
  lines: string;
  background: string;
  fontFamily: string;
}

const FALLBACK: Palette = {
  series: { blue: '#3794ff', orange: '#d18616', green: '#89d185', purple: '#b180d7', red: '#f14c4c', yellow: '#cca700' },
  foreground: '#cccccc',
  lines: 'rgba(204, 204, 204, 0.5)',
  background: '#1e1e1e',
  fontFamily: 'sans-serif',
};

/** `get(name)` returns the CSS custom property's value ('' when unset). */
export function paletteFrom(get: (name: string) => string): Palette {
  const read = (name: string, fallback: string) => get(name).trim() || fallback;
  const series = {} as Record<SeriesKey, string>;
  for (const key of SERIES_KEYS) series[key] = read(`--vscode-charts-${key}`, FALLBACK.series[key]);
  return {
    series,
    foreground: read('--vscode-charts-foreground', read('--vscode-foreground', FALLBACK.foreground)),
    lines: read('--vscode-charts-lines', FALLBACK.lines),
    background: read('--vscode-editor-background', FALLBACK.background),
    fontFamily: read('--vscode-font-family', FALLBACK.fontFamily),
  };
}

/** The n-th series colour key, cycling. */
export const seriesKey = (index: number): SeriesKey => SERIES_KEYS[((index % SERIES_KEYS.length) + SERIES_KEYS.length) % SERIES_KEYS.length];

/** A translucent version of a CSS colour for fills ("#rrggbb" or "#rgb" only; others are left as they are). */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})([0-9a-f]{2})?$/i.exec(color.trim());
  if (!hex) return color;
  const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
