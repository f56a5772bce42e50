// The open chart panels, one per target: opening a target that has a panel reveals it. New panels open beside
// the editor without taking focus; panels restored after a reload are adopted through the serializer.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { ChartTarget } from '../../shared/protocol';
import { Disposable } from '../../util/dispose';
import { CHART_VIEW_TYPE, ChartPanel, targetKey } from './chartPanel';
import { webviewOptions } from './html';
import { parseState } from './validateMessage';

export class ChartPanels extends Disposable implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, ChartPanel>();

  constructor(
    private readonly services: Services,
    private readonly extensionUri: vscode.Uri,
  ) {
    super();
    this._register({ dispose: () => [...this.panels.values()].forEach((panel) => panel.dispose()) });
  }

  open(target: ChartTarget): void {
    const existing = this.panels.get(targetKey(target));
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(CHART_VIEW_TYPE, vscode.l10n.t('Chart'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.extensionUri));
    this.adopt(panel, target);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = parseState(state);
    if (!restored) {
      // Nothing to show again (state from another version, or never saved): close rather than leave it blank.
      this.services.logger.warn('Chart panel: closed a restored panel without a valid saved state.');
      panel.dispose();
      return;
    }
    const existing = this.panels.get(targetKey(restored.target));
    if (existing) {
      panel.dispose();
      existing.reveal();
      return;
    }
    this.adopt(panel, restored.target);
  }

  private adopt(panel: vscode.WebviewPanel, target: ChartTarget): void {
    const key = targetKey(target);
    const chart = new ChartPanel(panel, target, this.services, this.extensionUri);
    this.panels.set(key, chart);
    chart.onDidDispose(() => {
      if (this.panels.get(key) === chart) this.panels.delete(key);
    });
  }
}
