// `npm start`: the extension in VS Code (code-server) on 127.0.0.1, opened on a copy of the sample workspace.
// Installs what is missing (scripts/setup.mjs), packages and installs the VSIX, prints the URL and runs until
// Ctrl+C. State lives in .cache/start/ (settings and extensions persist between runs); the workspace copy in
// .cache/start-workspace/ is made once and then left alone, so your edits survive a restart
// (delete that folder to start again from sample/).
// Environment: PORT (default 8080 when free, else any free port).
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';
import { packageVsix, defaultVsixPath } from './package.mjs';
import { freePort, installExtensions, isPortFree, quietSettings, startCodeServer, writeUserSettings } from '../test/e2e/lib/codeServer.mjs';
import { installCleanupHandlers, cleanupAll } from '../test/e2e/lib/processes.mjs';
import { copyWorkspace } from '../test/e2e/lib/fixture.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stateDir = join(root, '.cache', 'start');
const workspaceDir = join(root, '.cache', 'start-workspace');
const log = (message) => console.log(`[start] ${message}`);

async function choosePort() {
  if (process.env.PORT) return Number(process.env.PORT);
  return (await isPortFree(8080)) ? 8080 : freePort();
}

async function main() {
  installCleanupHandlers({ exitCode: 0, label: 'start' });
  setup();

  log('building and packaging the extension');
  packageVsix({ quiet: true });
  const extensionsDir = join(stateDir, 'extensions');
  const userDataDir = join(stateDir, 'user-data');
  installExtensions({ vsixPaths: [defaultVsixPath], extensionsDir, userDataDir });
  log(`installed ${defaultVsixPath} into ${extensionsDir}`);
  // The guided first run: the tracker opens in the editor with the Execution Tracker view beside it.
  if (!existsSync(join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir, { ...quietSettings, 'executionTracker.showOnFirstRun': true });

  if (existsSync(workspaceDir)) log(`workspace: ${workspaceDir} (kept from an earlier run; delete it to start fresh)`);
  else {
    copyWorkspace(workspaceDir);
    log(`workspace: ${workspaceDir} (a fresh copy of sample/)`);
  }

  const port = await choosePort();
  const server = await startCodeServer({ port, userDataDir, extensionsDir, logFile: join(stateDir, 'code-server.log') });
  const url = `${server.url}/?folder=${encodeURI(workspaceDir)}`;
  log(`code-server log: ${join(stateDir, 'code-server.log')}`);
  console.log(`\n  Execution Tracker is running in VS Code at:\n\n    ${url}\n\n  Press Ctrl+C to stop.\n`);
  const code = await new Promise((resolvePromise) => server.child.once('exit', resolvePromise));
  log(`code-server exited with code ${code}; see ${join(stateDir, 'code-server.log')}`);
  await cleanupAll();
  process.exit(code ?? 1);
}

main().catch(async (error) => {
  console.error(`[start] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  await cleanupAll();
  process.exit(1);
});
