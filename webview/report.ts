// An exported report: the same views as the chart panel, drawn from the data inline in the file (no host, no
// network). Charts are drawn without animation and resized before printing, so a printout has them complete.
import { chartCard, registerChartJs, type ChartCard } from './charts';
import { h, note } from './dom';
import { fill } from './format';
import { readPalette } from './theme';
import { parseHostMessage } from './validate';
import type { ViewContext } from './views/context';
import { viewOf } from './views/viewOf';
import type { ReportData, SortState, Strings, ViewData } from '../src/shared/protocol';

type Section = { title: string; data: ViewData };

/** The inline data, each section checked as the panel checks a render message. */
function readReport(text: string | null | undefined): { report: ReportData; sections: Section[] } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const report = value as ReportData;
  if (typeof report.title !== 'string' || typeof report.generated !== 'string' || !Array.isArray(report.sections)) return undefined;
  const sections: Section[] = [];
  for (const section of report.sections) {
    const message = parseHostMessage({ type: 'render', target: { kind: 'trend' }, title: section?.title, strings: report.strings, data: section?.data });
    if (!message || message.type !== 'render') return undefined;
    sections.push({ title: message.title, data: message.data });
  }
  return { report, sections };
}

function renderSection(section: Section, strings: Strings, cards: ChartCard[]): HTMLElement {
  const palette = readPalette();
  const sorts = new Map<string, SortState>();
  const article = h('article', { class: 'report-section', 'data-view': section.data.kind });
  let historyEndpoint: string | undefined;
  let progressWeek: number | undefined;
  const mine: ChartCard[] = [];
  const draw = () => {
    for (const card of mine.splice(0)) {
      card.destroy();
      cards.splice(cards.indexOf(card), 1);
    }
    const ctx: ViewContext = {
      strings,
      palette,
      chart: (spec, extra) => {
        const card = chartCard(spec, palette, strings.exportPng, () => undefined, extra, { animate: false });
        mine.push(card);
        cards.push(card);
        return card.element;
      },
      sortOf: (table) => sorts.get(table),
      setSort: (table, sort) => void sorts.set(table, sort),
      historyEndpoint,
      setHistoryEndpoint: (name) => {
        historyEndpoint = name;
        draw();
      },
      openRun: () => undefined,
      // A Progress section keeps its week picker; the range and the task links need the extension (no host here).
      progressWeek,
      setProgressWeek: (week) => {
        progressWeek = week;
        draw();
      },
      pickRange: () => undefined,
      openTask: () => undefined,
    };
    article.replaceChildren(...viewOf(section.title, section.data, ctx));
  };
  // chart.js sizes a chart from its attached canvas: draw once the article is in the page.
  queueMicrotask(draw);
  return article;
}

function main(): void {
  const root = document.getElementById('app')!;
  const read = readReport(document.getElementById('report-data')?.textContent);
  if (!read) {
    root.replaceChildren(note('This report is damaged: its data could not be read.', 'error'));
    document.body.dataset.ready = 'failed';
    return;
  }
  registerChartJs();
  const { report, sections } = read;
  const cards: ChartCard[] = [];
  document.title = report.title;
  const date = new Date(report.generated);
  root.replaceChildren(...sections.map((s) => renderSection(s, report.strings, cards)), h('footer', { class: 'report-footer' }, fill(report.strings.reportFooter, { date: Number.isNaN(date.getTime()) ? report.generated : date.toLocaleString() })));
  window.addEventListener('beforeprint', () => cards.forEach((card) => card.resize()));
  window.addEventListener('afterprint', () => cards.forEach((card) => card.resize()));
  queueMicrotask(() => (document.body.dataset.ready = 'true'));
}


main();
