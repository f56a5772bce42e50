// The report bundle (webview/report.ts) and its stylesheets, built by esbuild.mjs and embedded as text, so the
// CLI file stays self-contained and the extension needs no file of its own to export a report.
declare module 'report-assets' {
  export const script: string;
  export const css: string;
}
