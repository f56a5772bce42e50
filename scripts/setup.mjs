// Installs every prerequisite of `npm test`, `npm start` and `npm run bench`, idempotently: the Debian packages
// in prerequisites.mjs and code-server 4.100.3 into .cache/code-server/ by the offline recipe in design.md.
// One line per step. A finished code-server install leaves a marker, so a warm run only checks and returns.
// Without root it installs through `sudo -n` when that works, and otherwise prints the one command to run.
// Usage: node scripts/setup.mjs [--quiet]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, symlinkSync, lstatSync, writeFileSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { DEBIAN_PREREQUISITES, installCommand, missingPrerequisites } from './prerequisites.mjs';

export const CODE_SERVER_VERSION = '4.100.3';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = join(root, '.cache', 'code-server');
export const codeServerDir = join(cacheDir, 'node_modules', 'code-server');
export const codeServerEntry = join(codeServerDir, 'out', 'node', 'entry.js');
const marker = join(cacheDir, `.complete-${CODE_SERVER_VERSION}`);
const stepsDir = join(cacheDir, '.steps');

const quiet = process.argv.includes('--quiet');
const log = (message) => {
  if (!quiet) console.log(`[setup] ${message}`);
};

function run(command, args, options = {}) {
  const started = Date.now();
  log(`  $ ${command} ${args.join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  const result = spawnSync(command, args, { stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit', ...options });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  log(`    done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function canSudo() {
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

function ensureDebianPackages() {
  const missing = missingPrerequisites();
  if (missing.length === 0) {
    log(`Debian packages present: ${DEBIAN_PREREQUISITES.map((p) => p.pkg).join(', ')}`);
    return;
  }
  const pkgs = missing.map((p) => p.pkg);
  for (const p of missing) log(`missing ${p.pkg}: ${p.why}`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? [] : canSudo() ? ['sudo', '-n'] : null;
  if (!prefix) {
    console.error(`[setup] not root and no password-less sudo: as root run "${installCommand(pkgs)}", then run this again`);
    process.exit(2);
  }
  // apt's own output goes to a log file, so a run says one line per step; the log is named on failure.
  const aptLog = join(root, '.cache', 'setup-apt.log');
  mkdirSync(dirname(aptLog), { recursive: true });
  log(`installing Debian packages: ${pkgs.join(', ')} (apt output: ${aptLog})`);
  const apt = (args) => {
    const [command, ...rest] = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    const out = openSync(aptLog, 'a');
    try {
      run(command, rest, { stdio: ['ignore', out, out] });
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; see ${aptLog}`);
    } finally {
      closeSync(out);
    }
  };
  apt(['update']);
  apt(['install', '-y', ...pkgs]);
  const still = missingPrerequisites(pkgs);
  if (still.length) throw new Error(`installed, but still not found: ${still.map((p) => p.pkg).join(', ')}`);
}

/** Replaces whatever is at `path` with a symlink to `target` (idempotent). */
function link(target, path) {
  try {
    if (lstatSync(path).isSymbolicLink() && readlinkSync(path) === target) return;
    rmSync(path, { recursive: true, force: true });
  } catch {
    // nothing there yet
  }
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
  log(`  linked ${path} -> ${target}`);
}

/** Runs one named step once; a step that failed half-way runs again next time. */
function step(name, description, action) {
  const done = join(stepsDir, name);
  if (existsSync(done)) {
    log(`step ${name}: already done (${description})`);
    return;
  }
  log(`step ${name}: ${description}`);
  action();
  writeFileSync(done, new Date().toISOString());
}

function installCodeServer() {
  if (existsSync(marker) && existsSync(codeServerEntry)) {
    log(`code-server ${CODE_SERVER_VERSION} present in ${cacheDir}`);
    return;
  }
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${cacheDir} (takes several minutes the first time)`);
  mkdirSync(stepsDir, { recursive: true });
  const npm = 'npm';
  const npmQuiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  const vscodeDir = join(codeServerDir, 'lib', 'vscode');

  step('1-code-server', `npm install code-server@${CODE_SERVER_VERSION} --ignore-scripts`, () => {
    writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
    run(npm, ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', ...npmQuiet], { cwd: cacheDir });
  });
  step('2-vscode-deps', 'install VS Code server dependencies without their scripts', () => {
    run(npm, ['install', '--omit=dev', '--ignore-scripts', ...npmQuiet], { cwd: vscodeDir });
  });
  step('3-ripgrep', 'point @vscode/ripgrep at Debian ripgrep (its postinstall would download it)', () => {
    link('/usr/bin/rg', join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
  });
  step('4-vscode-rebuild', 'build the native modules of the VS Code server', () => {
    run(npm, ['rebuild', ...npmQuiet], { cwd: vscodeDir, env: { ...process.env, npm_config_yes: 'true' } });
  });
  step('5-links', 'link node_modules.asar and the remote-cli / browser helper scripts', () => {
    link('node_modules', join(vscodeDir, 'node_modules.asar'));
    link('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    link('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  });
  step('6-builtin-extensions', 'install the dependencies of the built-in extensions', () => {
    run(npm, ['install', '--omit=dev', ...npmQuiet], { cwd: join(vscodeDir, 'extensions') });
  });
  step('7-argon2', 'rebuild argon2 for code-server itself', () => {
    run(npm, ['rebuild', 'argon2', ...npmQuiet], { cwd: cacheDir });
  });

  const version = spawnSync(process.execPath, [codeServerEntry, '--version', '--config', '/dev/null'], { encoding: 'utf8' });
  if (version.status !== 0 || !version.stdout.startsWith(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version did not answer ${CODE_SERVER_VERSION}: ${version.stdout}${version.stderr}`);
  }
  log(`code-server answers: ${version.stdout.trim().split('\n').join(' ')}`);
  writeFileSync(marker, new Date().toISOString());
  rmSync(stepsDir, { recursive: true, force: true });
}

export function setup() {
  const started = Date.now();
  ensureDebianPackages();
  installCodeServer();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function readCodeServerVersion() {
  return JSON.parse(readFileSync(join(codeServerDir, 'package.json'), 'utf8')).version;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setup();
  } catch (error) {
    console.error(`[setup] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    console.error('[setup] Re-run to resume from the failed step; delete .cache/code-server to start over.');
    process.exit(1);
  }
}
