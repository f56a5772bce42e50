// The chart webview: handshake (post "ready", then render what the host sends), state through
// getState/setState, theme changes recolour the charts in place. Everything the host sends is validated first.
import { chartCard, registerChartJs, type ChartCard } from './charts';
import { h, note } from './dom';
import { readPalette, themeKind, watchTheme } from './theme';
import { parseHostMessage, parseState } from './validate';
import type { ViewContext } from './views/context';
import { viewOf } from './views/viewOf';
import type { ChartTarget, HostMessage, WebviewMessage, WebviewState } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const sameTarget = (a: ChartTarget, b: ChartTarget): boolean => JSON.stringify(a) === JSON.stringify(b);

function main(): void {
  const vscode = acquireVsCodeApi();
  registerChartJs();
  const root = document.getElementById('app')!;
  let state = parseState(vscode.getState());
  let last: HostMessage | undefined;
  let cards: ChartCard[] = [];
  let palette = readPalette();

  const save = (next: WebviewState) => {
    state = next;
    vscode.setState(next);
  };

  const render = (message: HostMessage) => {
    last = message;
    if (!state || !sameTarget(state.target, message.target)) save({ target: message.target });
    const scroll = window.scrollY;
    for (const card of cards) card.destroy();
    cards = [];
    document.title = message.title;
    if (message.type === 'failed') {
      root.replaceChildren(h('h1', {}, message.title), note(message.message, 'error'));
      document.body.dataset.view = 'failed';
      return;
    }
    const ctx: ViewContext = {
      strings: message.strings,
      palette,
      chart: (spec, extra) => {
        const card = chartCard(spec, palette, message.strings.exportPng, (dataUrl, fileName) => vscode.postMessage({ type: 'exportPng', dataUrl, fileName }), extra);
        cards.push(card);
        return card.element;
      },
      sortOf: (table) => state?.sort?.[table],
      setSort: (table, sort) => save({ ...state!, sort: { ...state?.sort, [table]: sort } }),
      historyEndpoint: state?.historyEndpoint,
      setHistoryEndpoint: (name) => {
        save({ ...state!, historyEndpoint: name });
        if (last) render(last);
      },
      openRun: (runId) => vscode.postMessage({ type: 'openRun', runId }),
      progressWeek: state?.progressWeek,
      setProgressWeek: (week) => {
        save({ ...state!, progressWeek: week });
        if (last) render(last);
      },
      pickRange: (range) => {
        save({ ...state!, progressRange: range });
        vscode.postMessage({ type: 'pickRange', range });
      },
      openTask: (task) => vscode.postMessage({ type: 'openTask', line: task.line, text: task.text, kind: task.kind }),
    };
    // chart.js sizes a chart when its canvas is attached, so the views build detached and are added at once.
    root.replaceChildren();
    const data = message.data;
    const exportReport = h('button', { type: 'button', class: 'export export-report', title: message.strings.exportReport }, message.strings.exportReport);
    exportReport.addEventListener('click', () => vscode.postMessage({ type: 'exportReport' }));
    root.append(h('div', { class: 'toolbar' }, exportReport), ...viewOf(message.title, data, ctx));
    document.body.dataset.view = data.kind;
    window.scrollTo(0, scroll);
  };

  window.addEventListener('message', (event: MessageEvent) => {
    const message = parseHostMessage(event.data);
    if (message) render(message);
  });

  document.body.dataset.theme = themeKind();
  watchTheme(() => {
    palette = readPalette();
    document.body.dataset.theme = themeKind();
    for (const card of cards) card.recolor(palette);
  });

  vscode.postMessage({ type: 'ready' });
  // A restored Progress panel asks again for the range it showed.
  if (state?.progressRange) vscode.postMessage({ type: 'pickRange', range: state.progressRange });
}

main();
