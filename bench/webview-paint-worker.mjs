// Webview first paint: the real chart bundle (dist/webview/main.js) in headless Chromium with a stand-in for
// acquireVsCodeApi. Times from posting the "render" message (a run with a history read by our reader) until every
// chart canvas has drawn pixels, measured inside the page.
// usage: node bench/webview-paint-worker.mjs HISTORY_FILE   (BENCH_CORE = the bundled src/core/locust)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { chromium } = require('playwright-core');
const core = require(process.env.BENCH_CORE);

const history = core.readHistoryFileSync(process.argv[2]);
const points = Math.max(...Object.values(history.series).map((s) => s.t.length));
const keys = JSON.parse(process.env.BENCH_STRING_KEYS);
const strings = Object.fromEntries(keys.map((key) => [key, key]));
const message = {
  type: 'render',
  target: { kind: 'run', runId: 'bench' },
  title: 'Chart: bench',
  strings,
  data: { kind: 'run', run: { id: 'bench', label: 'bench', files: ['bench_stats_history.csv'], live: false }, stats: null, history, failures: [], exceptions: [], notes: [], errors: [] },
};

const dir = mkdtempSync(join(tmpdir(), 'et-paint-'));
const page = join(dir, 'index.html');
writeFileSync(
  page,
  `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${pathToFileURL(join(root, 'dist/webview/main.css'))}"></head>
<body class="vscode-dark" style="--vscode-charts-blue:#3794ff;--vscode-charts-red:#f14c4c;--vscode-charts-yellow:#cca700;--vscode-charts-green:#89d185;--vscode-charts-orange:#d18616;--vscode-charts-purple:#b180d7;--vscode-foreground:#ccc;--vscode-editor-background:#1e1e1e">
<div id="app"></div>
<script>window.__posted=[];window.acquireVsCodeApi=()=>({postMessage:(m)=>window.__posted.push(m),getState:()=>undefined,setState:()=>{}});</script>
<script src="${pathToFileURL(join(root, 'dist/webview/main.js'))}"></script></body></html>`,
);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--allow-file-access-from-files'] });
try {
  const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await tab.goto(pathToFileURL(page).href);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'), null, { timeout: 30_000 });
  const ms = await tab.evaluate(
    (msg) =>
      new Promise((done) => {
        const start = performance.now();
        window.postMessage(msg, '*');
        const drawn = (canvas) => {
          const context = canvas.getContext('2d');
          const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
          for (let i = 3; i < data.length; i += 64) if (data[i] !== 0) return true;
          return false;
        };
        const poll = () => {
          const canvases = [...document.querySelectorAll('canvas')];
          if (canvases.length > 0 && canvases.every((c) => c.width > 0 && drawn(c))) done(performance.now() - start);
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
    message,
  );
  const canvases = await tab.evaluate(() => document.querySelectorAll('canvas').length);
  process.stdout.write(JSON.stringify({ ms, points, canvases, rows: history.rows }) + '\n');
} finally {
  await browser.close();
}
