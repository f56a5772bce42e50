// One self-contained HTML report: the report bundle (webview/report.ts, chart.js included) and its stylesheet
// inline, the data inline as JSON, and a CSP that allows exactly those two inline blocks (by hash) and nothing
// from anywhere else, so opening the file makes no request at all.
import { createHash } from 'node:crypto';
import type { ReportData } from '../../shared/protocol';

export interface ReportAssets {
  readonly script: string;
  readonly css: string;
}

/** Text for HTML content and attribute values (the panel's page uses it too). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that cannot end the <script> block or start a comment in it (`</script>`, `<!--`), nor break a JS line. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The bundle must not contain `</script` (it would end the block early); esbuild output never does, but check. */
function safeScript(script: string): string {
  if (/<\/script/i.test(script)) throw new Error('report bundle contains "</script": cannot be inlined');
  return script;
}

export function reportHtml(data: ReportData, assets: ReportAssets, lang = 'en'): string {
  const script = safeScript(assets.script);
  const css = assets.css.replace(/<\/style/gi, '<\\/style');
  const csp = [`default-src 'none'`, `script-src ${sha256(script)}`, `style-src ${sha256(css)}`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="Execution Tracker">
<title>${escapeHtml(data.title)}</title>
<style>${css}</style>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script type="application/json" id="report-data">${inlineJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
