// What a view needs from the page: translated strings, theme colours, chart cards that the page recolours and
// destroys, and the persisted UI state (table sorts, history endpoint).
import type { ChartSpec } from '../charts';
import type { Palette } from '../palette';
import type { HistoryRange, ProgressTask } from '../../src/shared/progressProtocol';
import type { SortState, Strings } from '../../src/shared/protocol';

export interface ViewContext {
  readonly strings: Strings;
  readonly palette: Palette;
  /** A chart card (figure with canvas, export button, optional extra content such as its data table). */
  chart(spec: ChartSpec, extra?: Node): HTMLElement;
  sortOf(tableId: string): SortState | undefined;
  setSort(tableId: string, sort: SortState): void;
  readonly historyEndpoint: string | undefined;
  setHistoryEndpoint(name: string): void;
  openRun(runId: string): void;
  /** Progress panel: the week the burn-up shows (undefined: overall), another range, a task clicked. */
  readonly progressWeek: number | undefined;
  setProgressWeek(week: number | undefined): void;
  pickRange(range: HistoryRange): void;
  openTask(task: ProgressTask): void;
}
