// Case 5: the chart webview's first paint for the 1 M-row run (see webview-paint-worker.mjs).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judge, loadBundle, root, round, runNodeJson } from '../lib.mjs';
import { requirePrerequisites } from '../../scripts/prerequisites.mjs';
import { ensureHistory } from './history.mjs';

export const benchCase = { name: 'webview', run: webviewPaintCases };

export function webviewPaintCases({ smoke }) {
  requirePrerequisites(['chromium']);
  execFileSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'ignore' });
  const rows = smoke ? 20_000 : 1_000_000;
  const file = ensureHistory(rows);
  const core = loadBundle('src/core/locust/index.ts').path;
  // The string keys the webview expects, read from the protocol so the bench never drifts from it.
  const protocol = readFileSync(join(root, 'src/shared/protocol.ts'), 'utf8');
  const block = protocol.slice(protocol.indexOf('export type StringKey'), protocol.indexOf('export type Strings'));
  const keys = [...block.matchAll(/'([A-Za-z0-9]+)'/g)].map((m) => m[1]);
  const result = runNodeJson(join(root, 'bench/webview-paint-worker.mjs'), [file], { BENCH_CORE: core, BENCH_STRING_KEYS: JSON.stringify(keys) });
  return [
    judge({
      case: `webview-first-paint-${rows}-rows`,
      ms: round(result.ms, 1),
      ratio: round(result.ms / 1000, 2),
      baseline: `1 s target; ${result.canvases} charts drawn from the downsampled history`,
      peakRssMb: null,
      points: result.points,
    }, { max: 1, note: '1 s' }),
  ];
}
