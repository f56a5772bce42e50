// The extension bundle defers some packages to files of their own (scripts/lazyPackages.mjs). Built here for real
// with esbuild: the stand-ins must reach the real functions, and the packages must be out of the main bundle.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

interface LazyPackage {
  module: string;
  exports: string[];
  file: string;
}
interface LazyPackagesModule {
  lazyPackages: LazyPackage[];
  lazyPackagesPlugin: esbuild.Plugin;
  lazyPackageBuilds(common: esbuild.BuildOptions, outdir: string): esbuild.BuildOptions[];
}

const root = process.cwd();
const loadScript = (): Promise<LazyPackagesModule> => import(pathToFileURL(join(root, 'scripts', 'lazyPackages.mjs')).href);
const common: esbuild.BuildOptions = { bundle: true, mainFields: ['module', 'main'], logLevel: 'silent' };

async function inTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lazy-packages-'));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('lazy packages', () => {
  it('each stand-in loads its file on the first call and returns what the package returns', async () => {
    const { lazyPackagesPlugin, lazyPackageBuilds } = await loadScript();
    await inTempDir(async (dir) => {
      for (const options of lazyPackageBuilds(common, dir)) await esbuild.build(options);
      const entry = [
        "import { decodeHTML, decodeHTMLStrict } from 'entities';",
        "import { parse } from 'csv-parse/sync';",
        "export const run = () => [decodeHTML('a &amp; b &lt;'), decodeHTMLStrict('&gt;'), parse('x,\"y,z\"\\n')];",
      ].join('\n');
      const outfile = join(dir, 'entry.js');
      const result = await esbuild.build({ ...common, stdin: { contents: entry, resolveDir: root, loader: 'js' }, outfile, platform: 'node', format: 'cjs', plugins: [lazyPackagesPlugin], metafile: true });
      const inputs = Object.keys(result.metafile!.inputs);
      assert.deepEqual(inputs.filter((path) => path.includes('node_modules/')), [], 'no package source in the bundle itself');
      const requireHere = createRequire(join(dir, 'x.js'));
      const bundle = requireHere(outfile) as { run(): unknown[] };
      assert.deepEqual(bundle.run(), ['a & b <', '>', [['x', 'y,z']]]);
    });
  });

  it('a listed export the package does not have fails the build', async () => {
    const { lazyPackageBuilds, lazyPackages } = await loadScript();
    await inTempDir(async (dir) => {
      const [first] = lazyPackageBuilds(common, dir);
      const stdin = { ...first.stdin!, contents: `export { ${lazyPackages[0].exports[0]}, noSuchExport } from ${JSON.stringify(lazyPackages[0].module)};\n` };
      await assert.rejects(esbuild.build({ ...first, stdin }), /noSuchExport/);
    });
  });

  it('the extension bundle compiles none of the deferred packages at activation', async () => {
    const { lazyPackages, lazyPackagesPlugin } = await loadScript();
    const result = await esbuild.build({ ...common, entryPoints: [join(root, 'src', 'extension.ts')], write: false, platform: 'node', format: 'cjs', external: ['vscode'], plugins: [lazyPackagesPlugin], metafile: true });
    const inputs = Object.keys(result.metafile!.inputs);
    for (const { module } of lazyPackages) {
      const name = module.split('/')[0];
      assert.deepEqual(inputs.filter((path) => path.startsWith(`node_modules/${name}/`)), [], `${module} is deferred`);
      assert.ok(inputs.includes(`${'lazy-package'}:${module}`), `${module}'s stand-in is in the bundle`);
    }
  });
});
