// Builds the three shipped bundles (extension, webview, CLI) and, with --tests, the unit tests.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lazyPackageBuilds, lazyPackagesPlugin } from './scripts/lazyPackages.mjs';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');

// mainFields: prefer ES modules (jsonc-parser's UMD build requires files by computed paths esbuild cannot follow).
const common = { bundle: true, mainFields: ['module', 'main'], sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };

// The report page (webview/report.ts, chart.js included) with the panel's stylesheet and the report's own. The
// CLI (one file for CI) embeds them through `import { script, css } from 'report-assets'`; the extension reads
// the same text from dist/report/ when a report is exported, so chart.js stays out of the bundle it activates.
// Built once per run of this script.
let reportAssets;
function buildReportAssets() {
  reportAssets ??= esbuild
    .build({ entryPoints: ['webview/report.ts'], bundle: true, write: false, minify: true, legalComments: 'none', platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning' })
    .then((result) => ({
      script: result.outputFiles[0].text.trimEnd(),
      css: `${readFileSync('webview/main.css', 'utf8')}\n${readFileSync('webview/report.css', 'utf8')}`,
    }));
  return reportAssets;
}
const reportAssetsPlugin = {
  name: 'report-assets',
  setup(build) {
    build.onResolve({ filter: /^report-assets$/ }, () => ({ path: 'report-assets', namespace: 'report-assets' }));
    build.onLoad({ filter: /.*/, namespace: 'report-assets' }, async () => {
      if (watch) reportAssets = undefined; // rebuilt on each rebuild in watch mode
      const { script, css } = await buildReportAssets();
      return { contents: `export const script = ${JSON.stringify(script)};\nexport const css = ${JSON.stringify(css)};\n`, loader: 'js', watchFiles: ['webview/main.css', 'webview/report.css'] };
    });
  },
};

// esbuild wraps each `import * as vscode from 'vscode'` of a CommonJS external in its own __toESM(), which copies
// every name of the API: 90 files x ~300 names, about 20 ms of activation. Every import of 'vscode' resolves to one
// module that re-exports the API instead, so the copy is made once.
const VSCODE_API = 'vscode-api';
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === VSCODE_API ? { path: 'vscode', external: true } : { path: 'vscode', namespace: VSCODE_API }));
    build.onLoad({ filter: /.*/, namespace: VSCODE_API }, () => ({ contents: "export * from 'vscode';\n", loader: 'js' }));
  },
};

// Only bundles whose entry exists are built.
const shipped = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', plugins: [vscodeOnce, lazyPackagesPlugin] },
  // What the extension loads on first use, not at activation (scripts/lazyPackages.mjs).
  ...lazyPackageBuilds(common, 'dist'),
  // Reads a part of a big history file on a worker thread (core/locust/historyWorkers.ts).
  { ...common, entryPoints: ['src/historyWorker.ts'], outfile: 'dist/historyWorker.js', platform: 'node', format: 'cjs', target: 'node18' },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18', banner: { js: '#!/usr/bin/env node' }, plugins: [reportAssetsPlugin] },
  { ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022' },
  { ...common, entryPoints: ['src/features/preview/previewScript.ts'], outfile: 'dist/preview/previewScript.js', platform: 'browser', format: 'iife', target: 'es2022' },
].filter((options) => !options.entryPoints || existsSync(options.entryPoints[0]));

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

async function main() {
  if (args.has('--tests')) {
    rmSync('dist-test', { recursive: true, force: true });
    await esbuild.build({ ...common, sourcemap: true, entryPoints: findTests('test/unit'), outdir: 'dist-test', outbase: 'test/unit', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'esbuild'], plugins: [reportAssetsPlugin] });
    // The history worker, for the test that reads a file on real worker threads (not a test file itself).
    await esbuild.build({ ...common, sourcemap: true, entryPoints: ['src/historyWorker.ts'], outfile: 'dist-test/workers/historyWorker.js', platform: 'node', format: 'cjs', target: 'node20' });
    return;
  }
  if (watch) {
    copyWebviewCss();
    // Written once: Export Report in a watched build reads it (a change to webview/report.ts needs a restart).
    await writeReportAssets();
    for (const options of shipped) await (await esbuild.context(options)).watch();
    return;
  }
  await Promise.all(shipped.map((options) => esbuild.build(options)));
  copyWebviewCss();
  await writeReportAssets();
}

async function writeReportAssets() {
  const { script, css } = await buildReportAssets();
  mkdirSync('dist/report', { recursive: true });
  writeFileSync('dist/report/report.js', script);
  writeFileSync('dist/report/report.css', css);
}

// The webview's stylesheet is plain CSS: copied, not bundled, next to dist/webview/main.js.
function copyWebviewCss() {
  if (!existsSync('webview/main.css')) return;
  mkdirSync('dist/webview', { recursive: true });
  copyFileSync('webview/main.css', 'dist/webview/main.css');
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
