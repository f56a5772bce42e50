// Packages the extension needs only on some paths are bundled into files of their own under dist/lazy/ and
// loaded on first call, so V8 does not compile them when the extension activates. Compiling the bundle was most
// of activation (bench/cases/activation.mjs): entities' decode tables alone were 77 KB of 476, and only a tracker
// with an HTML entity (`&amp;`) needs them; csv-parse serves the stats files the Runs view reads later.
// Only plain functions can be deferred this way: each export becomes a function that loads the file and calls
// the real one. Building a lazy file fails when a listed export does not exist, so the list cannot drift.

export const lazyPackages = [
  { module: 'entities', exports: ['decodeHTML', 'decodeHTMLStrict'], file: 'lazy/entities.js' },
  { module: 'csv-parse/sync', exports: ['parse'], file: 'lazy/csv-parse.js' },
];

const NAMESPACE = 'lazy-package';

/** The esbuild plugin for the extension bundle: each listed module becomes a stand-in that loads its file. */
export const lazyPackagesPlugin = {
  name: 'lazy-packages',
  setup(build) {
    const byModule = new Map(lazyPackages.map((lazy) => [lazy.module, lazy]));
    const names = lazyPackages.map((lazy) => lazy.module.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
    build.onResolve({ filter: new RegExp(`^(${names})$`) }, (args) => ({ path: args.path, namespace: NAMESPACE }));
    // The stand-in's require of its file stays a require, relative to the bundle in dist/. Only the stand-ins'
    // own imports: a source file importing './lazy/…' is bundled as usual.
    build.onResolve({ filter: /^\.\/lazy\//, namespace: NAMESPACE }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
      const { file, exports } = byModule.get(args.path);
      const lines = [`let loaded;`, `const load = () => (loaded ??= require(${JSON.stringify(`./${file}`)}));`];
      for (const name of exports) lines.push(`export function ${name}(...args) { return load().${name}(...args); }`);
      return { contents: `${lines.join('\n')}\n`, loader: 'js' };
    });
  },
};

/** esbuild options for each lazy file, next to the extension bundle `outdir`/extension.js. */
export function lazyPackageBuilds(common, outdir) {
  return lazyPackages.map(({ module, exports, file }) => ({
    ...common,
    stdin: { contents: `export { ${exports.join(', ')} } from ${JSON.stringify(module)};\n`, resolveDir: process.cwd(), loader: 'js', sourcefile: `${file} (lazy ${module})` },
    outfile: `${outdir}/${file}`,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
  }));
}
