// Locust's own web UI inside VS Code: a webview panel framing the UI's URL (through asExternalUri, so it also
// works when VS Code runs remotely, e.g. code-server's /proxy/PORT/), with a Stop button. The panel closes when
// the Locust process ends; closing the panel leaves the run alone (the status bar still offers Stop).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { Disposable } from '../../util/dispose';

export const WEB_UI_VIEW_TYPE = 'executionTracker.locustWebUi';

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export class WebUiPanel extends Disposable {
  static async show(execution: vscode.TaskExecution, url: string, title: string, services: Services): Promise<WebUiPanel> {
    const external = (await vscode.env.asExternalUri(vscode.Uri.parse(url))).toString(true);
    const panel = vscode.window.createWebviewPanel(WEB_UI_VIEW_TYPE, vscode.l10n.t('Locust: {0}', title), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { enableScripts: true, localResourceRoots: [] });
    return new WebUiPanel(panel, execution, external, url, services);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly execution: vscode.TaskExecution,
    frameUrl: string,
    url: string,
    private readonly services: Services,
  ) {
    super();
    panel.webview.html = this.html(frameUrl, url);
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(vscode.tasks.onDidEndTask((event) => event.execution === execution && this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)));
  }

  override dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    this.panel.dispose();
  }

  private onMessage(message: unknown): void {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'stop') return;
    const live = this.services.live.forExecution(this.execution);
    if (live) void this.services.live.stop(live);
    else this.execution.terminate();
  }

  private html(frameUrl: string, url: string): string {
    const nonce = randomBytes(16).toString('base64');
    const origin = new URL(frameUrl, 'http://127.0.0.1/').origin;
    const stop = vscode.l10n.t('Stop Load Test');
    const note = vscode.l10n.t('Locust web UI at {0}. Stop ends Locust (SIGINT) so it writes its CSVs; this panel then closes.', url);
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; frame-src ${origin}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
html, body { margin: 0; padding: 0; height: 100%; display: flex; flex-direction: column; }
.bar { display: flex; gap: 8px; align-items: center; padding: 4px 8px; font: 12px var(--vscode-font-family); color: var(--vscode-foreground); }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: 0; padding: 3px 10px; cursor: pointer; }
iframe { flex: 1; border: 0; width: 100%; background: #fff; }
</style></head>
<body><div class="bar"><button id="stop" type="button">${escapeAttr(stop)}</button><span>${escapeAttr(note)}</span></div>
<iframe src="${escapeAttr(frameUrl)}" title="${escapeAttr(note)}"></iframe>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('stop').addEventListener('click', () => { document.getElementById('stop').disabled = true; vscode.postMessage({ type: 'stop' }); });
</script></body></html>`;
  }
}
