// Case 4: what activation costs: the extension bundle's size (the chart library must not be in it) and the time
// to load it and run activate() against a minimal stand-in of the vscode API.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerDir } from '../../scripts/setup.mjs';
import { judge, median, root, round, runNodeJson } from '../lib.mjs';

/** VS Code's extension host, as code-server 4.100.3 ships it: activation is timed with its built-ins loaded. */
const EXTENSION_HOST = join(codeServerDir, 'lib/vscode/out/vs/workbench/api/node/extensionHostProcess.js');

export const benchCase = { name: 'activation', run: activationCases };

export function activationCases({ smoke }) {
  execFileSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'ignore' });
  const bundle = join(root, 'dist/extension.js');
  const size = statSync(bundle).size;
  const text = readFileSync(bundle, 'utf8');
  const chartInBundle = /Chart\.js v\d|chartjs-/.test(text);
  if (!existsSync(EXTENSION_HOST)) throw new Error(`missing baseline: VS Code's extension host ${EXTENSION_HOST} (npm run setup)`);
  // Each activation in a fresh process (a second require() would hit the module cache): the median of 5, since
  // a single cold start on these machines swings by a third.
  const runs = Array.from({ length: smoke ? 1 : 5 }, () => runNodeJson(join(root, 'bench/activate-worker.cjs'), [bundle, EXTENSION_HOST]));
  const result = runs.find((run) => run.ms === median(runs.map((r) => r.ms)));
  return [
    judge({
      case: 'activation',
      ms: round(result.ms, 2),
      ratio: null,
      baseline: `load ${round(result.loadMs, 2)} ms + activate ${round(result.activateMs, 2)} ms (median of ${runs.length} cold starts: ${runs.map((r) => round(r.ms, 1)).join(', ')}; the ${result.preloaded.length} built-ins the extension host imports already loaded)`,
      peakRssMb: null,
      points: null,
    }, { field: 'ms', max: 50 }),
    judge({
      case: 'extension-bundle-size',
      ms: null,
      ratio: round(size / 500_000, 2),
      baseline: `${round(size / 1000, 1)} KB of a 500 KB budget; chart library in bundle: ${chartInBundle ? 'YES' : 'no'}`,
      peakRssMb: null,
      points: null,
      // The chart library belongs to the webview bundle only.
      ...(chartInBundle ? { ratio: Number.POSITIVE_INFINITY } : {}),
    }, { max: 1, note: 'and no chart library' }),
  ];
}
