// Starts and stops code-server with isolated user data, extensions and config, and installs VSIX files.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync, createWriteStream, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerEntry } from '../../../scripts/setup.mjs';
import { spawnTracked, stopTracked } from './processes.mjs';

/** Settings that keep the workbench quiet and predictable for a test or a demo. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  // Scenarios start from a known layout; the first-run scenario and `npm start` turn it on.
  'executionTracker.showOnFirstRun': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.editor.enablePreview': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'github.gitAuthentication': false,
  'security.workspace.trust.enabled': false,
};

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export function writeUserSettings(userDataDir, settings) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

function codeServerArgs({ userDataDir, extensionsDir }) {
  return ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

/** Installs VSIX files into `extensionsDir` with code-server's own CLI. */
export function installExtensions({ vsixPaths, extensionsDir, userDataDir }) {
  mkdirSync(extensionsDir, { recursive: true });
  const args = [codeServerEntry, ...codeServerArgs({ userDataDir, extensionsDir })];
  for (const vsix of vsixPaths) args.push('--install-extension', vsix);
  args.push('--force');
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || /Failed Installing|error/i.test(result.stderr ?? '')) {
    throw new Error(`code-server --install-extension failed (exit ${result.status}):\n${output}`);
  }
  return output;
}

/** Polls /healthz until code-server answers or the timeout passes. */
async function waitForHealthy(url, child, logText, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode} before it answered:\n${logText()}`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms:\n${logText()}`);
}

/**
 * Starts code-server on 127.0.0.1:port without authentication and waits until it answers.
 * Its output goes to `logFile` (and stays readable through `log()`).
 */
export async function startCodeServer({ port, userDataDir, extensionsDir, logFile, env = {}, folder, locale, stdio = 'log' }) {
  port ??= await freePort();
  const args = [
    codeServerEntry,
    ...codeServerArgs({ userDataDir, extensionsDir }),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
  ];
  // A display language other than English needs its language pack installed and listed in languagepacks.json.
  if (locale) args.push('--locale', locale);
  if (folder) args.push(folder);
  const child = spawnTracked(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sink = createWriteStream(logFile);
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(sink, { end: false });
    if (stdio === 'inherit') stream.pipe(process.stdout, { end: false });
  }
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthy(url, child, log, 30_000);
  return {
    url,
    port,
    child,
    log,
    async stop() {
      await stopTracked(child);
      sink.end();
    },
  };
}
