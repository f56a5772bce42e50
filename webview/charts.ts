// chart.js behind a small spec: each chart is a card with a title, an accessible canvas (role="img" and a
// label; the same data is in a table next to it), an "Export PNG" button, and colours taken from the theme and
// re-applied when it changes. Only the chart.js parts used are registered, to keep the bundle small.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type TooltipItem,
  type Plugin,
} from 'chart.js';
import { h } from './dom';
import { elapsedHasHours, formatElapsed, formatNumber } from './format';
import { withAlpha, type Palette, type SeriesKey } from './palette';
import { elapsedStep, longestX, type XY } from './series';

export interface DatasetSpec {
  label: string;
  color: SeriesKey;
  /** XY points for time charts, one value per label for category charts. */
  data: XY[] | Array<number | null>;
  dashed?: boolean;
  axis?: 'y' | 'y1';
  /** Per-point radius (category charts): marks the baseline. */
  pointRadius?: number | number[];
  /** Markers only, no line (the Progress panel's week claims). */
  markers?: boolean;
  /** A step line: the value holds until the next point (tasks done between commits). */
  stepped?: boolean;
  /** Drawn as a line even in a bar chart (a threshold across the bars). */
  line?: boolean;
}

export interface ChartSpec {
  /** Used for the export file name and as a test hook (data-chart). */
  id: string;
  title: string;
  /** What the chart shows, for screen readers. */
  ariaLabel: string;
  type: 'time' | 'category-line' | 'bar';
  labels?: string[];
  datasets: DatasetSpec[];
  yTitle?: string;
  y1Title?: string;
  xTitle?: string;
  /** Time charts: x is seconds elapsed (default) or milliseconds since the epoch, shown as dates. */
  xFormat?: 'elapsed' | 'date';
}

const formatDate = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '');

/** Fills the canvas with the editor background, so an exported PNG is readable outside VS Code. */
const backgroundPlugin: Plugin = {
  id: 'etBackground',
  beforeDraw(chart, _args, options: { color?: string }) {
    if (!options.color) return;
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.color;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export function registerChartJs(): void {
  Chart.register(BarController, BarElement, CategoryScale, Decimation, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, backgroundPlugin);
}

/** Large series: no animation, no point dots, no parsing, min-max decimation to the canvas width. */
const LARGE_SERIES = 2000;

function dataset(spec: DatasetSpec, type: ChartSpec['type'], palette: Palette): ChartDataset {
  const color = palette.series[spec.color];
  const base = { label: spec.label, borderColor: color, backgroundColor: type === 'bar' ? withAlpha(color, 0.75) : color, yAxisID: spec.axis ?? 'y' };
  if (type === 'bar' && !spec.line) return { ...base, type: 'bar', data: spec.data as Array<number | null>, borderWidth: 1 } as ChartDataset;
  return {
    ...base,
    type: 'line',
    data: spec.data as never,
    borderWidth: 1.5,
    borderDash: spec.dashed ? [6, 4] : undefined,
    pointRadius: spec.pointRadius ?? (spec.markers ? 6 : type === 'time' ? 0 : 3),
    pointStyle: spec.markers ? 'triangle' : undefined,
    showLine: spec.markers ? false : undefined,
    stepped: spec.stepped ? 'before' : undefined,
    pointHoverRadius: 5,
    spanGaps: type !== 'time',
    tension: 0,
    ...(spec.line ? { order: -1, backgroundColor: color } : {}),
  } as ChartDataset;
}

export interface CardOptions {
  /** Off for reports: a chart must be fully drawn the moment the page is printed. */
  animate?: boolean;
}

const MAX_X_TICKS = 10;

function config(spec: ChartSpec, palette: Palette, options: CardOptions = {}): ChartConfiguration {
  const time = spec.type === 'time';
  const hours = elapsedHasHours(longestX(spec));
  const formatX = spec.xFormat === 'date' ? formatDate : (seconds: number) => formatElapsed(seconds, hours);
  const large = time && spec.datasets.some((d) => d.data.length > LARGE_SERIES);
  const axisTitle = (text?: string) => (text ? { display: true, text, color: palette.foreground } : { display: false });
  const scales: Record<string, object> = {
    x: time
      ? { type: 'linear', title: axisTitle(spec.xTitle), ticks: { color: palette.foreground, callback: (v: number | string) => formatX(Number(v)), maxTicksLimit: MAX_X_TICKS, ...(spec.xFormat === 'date' ? {} : { stepSize: elapsedStep(longestX(spec), MAX_X_TICKS) }) }, grid: { color: palette.lines } }
      : { type: 'category', title: axisTitle(spec.xTitle), ticks: { color: palette.foreground, autoSkip: true }, grid: { color: palette.lines } },
    y: { type: 'linear', beginAtZero: true, title: axisTitle(spec.yTitle), ticks: { color: palette.foreground, callback: (v: number | string) => formatNumber(Number(v)) }, grid: { color: palette.lines } },
  };
  if (spec.datasets.some((d) => d.axis === 'y1')) {
    scales.y1 = { type: 'linear', position: 'right', beginAtZero: true, title: axisTitle(spec.y1Title), ticks: { color: palette.foreground }, grid: { drawOnChartArea: false } };
  }
  return {
    type: spec.type === 'bar' ? 'bar' : 'line',
    data: { labels: spec.labels, datasets: spec.datasets.map((d) => dataset(d, spec.type, palette)) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: large || options.animate === false ? false : { duration: 200 },
      parsing: time ? false : undefined,
      normalized: time ? true : undefined,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales,
      plugins: {
        legend: { labels: { color: palette.foreground } },
        tooltip: time ? { callbacks: { title: (items: Array<TooltipItem<'line'>>) => (items[0] ? formatX(items[0].parsed.x ?? 0) : '') } } : {},
        decimation: { enabled: time, algorithm: 'min-max' },
        etBackground: { color: palette.background },
      } as never,
    },
  } as ChartConfiguration;
}

export interface ChartCard {
  element: HTMLElement;
  recolor(palette: Palette): void;
  /** Fits the chart to its box again (before and after printing). */
  resize(): void;
  destroy(): void;
}

/** Writes the colours and series in use onto the canvas (data-colors, data-series), for tests: a theme change
 *  took effect, a threshold line is drawn. */
function markColors(canvas: HTMLCanvasElement, chart: Chart): void {
  canvas.dataset.colors = JSON.stringify(chart.data.datasets.map((d) => d.borderColor));
  canvas.dataset.series = JSON.stringify(chart.data.datasets.map((d) => d.label ?? ''));
}

export function chartCard(spec: ChartSpec, palette: Palette, exportLabel: string, onExport: (dataUrl: string, fileName: string) => void, extra?: Node, options: CardOptions = {}): ChartCard {
  const canvas = h('canvas', { role: 'img', 'aria-label': spec.ariaLabel, 'data-chart': spec.id }, spec.ariaLabel);
  const exportButton = h('button', { type: 'button', class: 'export', title: `${exportLabel}: ${spec.title}` }, exportLabel);
  const element = h('figure', { class: 'chart-card' }, h('figcaption', {}, h('span', { class: 'chart-title' }, spec.title), exportButton), h('div', { class: 'chart-box' }, canvas));
  if (extra) element.appendChild(extra);
  Chart.defaults.font.family = palette.fontFamily;
  const chart = new Chart(canvas, config(spec, palette, options));
  markColors(canvas, chart);
  exportButton.addEventListener('click', () => onExport(canvas.toDataURL('image/png'), `${spec.id}.png`));
  return {
    element,
    recolor(next: Palette) {
      const fresh = config(spec, next, options);
      chart.data.datasets.forEach((d, index) => {
        const colors = fresh.data.datasets[index];
        d.borderColor = colors.borderColor;
        d.backgroundColor = colors.backgroundColor;
      });
      chart.options.scales = fresh.options!.scales;
      chart.options.plugins = fresh.options!.plugins;
      Chart.defaults.font.family = next.fontFamily;
      chart.update('none');
      markColors(canvas, chart);
    },
    resize: () => chart.resize(),
    destroy: () => chart.destroy(),
  };
}
