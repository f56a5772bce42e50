// Builds the production bundles and packages the extension as a VSIX with the local @vscode/vsce 3.x.
// Usage: node scripts/package.mjs [--out path/to/file.vsix] [--quiet]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultVsixPath = join(root, 'dist-vsix', 'execution-tracker.vsix');

function run(args, { cwd, quiet }) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' });
  if (result.status !== 0) {
    const output = quiet ? `\n${result.stdout ?? ''}${result.stderr ?? ''}` : '';
    throw new Error(`node ${args.join(' ')} failed with exit code ${result.status}${output}`);
  }
  return result;
}

/** Path of the vsce CLI shipped by the local @vscode/vsce devDependency. */
export function vsceBin() {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
}

/**
 * vsce rewrites the README's relative links and images against the repository; it only guesses that for GitHub
 * and GitLab, so the base comes from the manifest's own repository URL.
 */
function baseUrlArgs(cwd) {
  const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!url) return [];
  const base = url.replace(/\.git$/, '');
  return ['--baseContentUrl', `${base}/blob/main`, '--baseImagesUrl', `${base}/raw/main`];
}

/**
 * Packages the extension folder `cwd` (default: the repo) into `out`. `build` runs the production esbuild first.
 * vsce runs without dependencies: the bundles carry them.
 */
export function packageVsix({ out = defaultVsixPath, cwd = root, build = true, quiet = false } = {}) {
  if (build) run([join(root, 'esbuild.mjs'), '--production'], { cwd: root, quiet });
  mkdirSync(dirname(out), { recursive: true });
  if (cwd === root) requireShippedFiles(cwd, quiet);
  run([vsceBin(), 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', ...baseUrlArgs(cwd), '-o', out], { cwd, quiet });
  return out;
}

/**
 * Every file the extension bundle requires by a relative path (scripts/lazyPackages.mjs) must be in the VSIX:
 * a file left out by .vscodeignore would fail only on the first call that needs it, in a user's hands.
 */
function requireShippedFiles(cwd, quiet) {
  const bundle = readFileSync(join(cwd, 'dist', 'extension.js'), 'utf8');
  const needed = [...bundle.matchAll(/require\("\.\/([^"]+)"\)/g)].map((match) => `dist/${match[1]}`);
  const listed = new Set(run([vsceBin(), 'ls', '--no-dependencies'], { cwd, quiet: true }).stdout.split('\n').map((line) => line.trim()));
  const missing = needed.filter((file) => !listed.has(file));
  if (missing.length) throw new Error(`the VSIX would leave out ${missing.join(', ')}, which dist/extension.js requires: add ${missing.length > 1 ? 'them' : 'it'} to .vscodeignore's list`);
  if (!quiet) console.log(`[package] files the bundle requires, all shipped: ${needed.join(', ') || 'none'}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : defaultVsixPath;
  try {
    packageVsix({ out, quiet: process.argv.includes('--quiet') });
    console.log(`[package] ${out}`);
  } catch (error) {
    console.error(`[package] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
