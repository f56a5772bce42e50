// The report bundle (webview/report.ts) and its stylesheets, built by esbuild.mjs and embedded as text, so the
// CLI file stays self-contained. The extension reads the same text from dist/report/ instead (exportReport.ts).
declare module 'report-assets' {
  export const script: string;
  export const css: string;
}
