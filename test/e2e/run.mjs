// Real-host test runner: the packaged extension in code-server (VS Code 1.100.3), driven through Debian Chromium.
// Usage: node test/e2e/run.mjs [name-filter ...] [--keep] [--timeout=ms]
// Each scenario gets a fresh copy of the fixture workspace, a fresh user-data dir and its own code-server; the
// extensions dir (the VSIX and the API companion) and the browser are shared. Run setup first:
// node scripts/setup.mjs (npm run test:e2e does both).
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageVsix } from '../../scripts/package.mjs';
import { codeServerEntry } from '../../scripts/setup.mjs';
import { missingMessage, missingPrerequisites } from '../../scripts/prerequisites.mjs';
import { installExtensions, startCodeServer, writeUserSettings, quietSettings } from './lib/codeServer.mjs';
import { writeLanguagePacks } from './lib/languagePacks.mjs';
import { cleanupAll, installCleanupHandlers, isStopping, onCleanup } from './lib/processes.mjs';
import { startEngine } from './lib/docker.mjs';
import { copyWorkspace, repoRoot } from './lib/fixture.mjs';
import { workbench } from './helpers/workbench.mjs';
import { createApiBridge } from './helpers/api.mjs';
import { findLogs } from './helpers/logs.mjs';
import { MAX_RETRIES_PER_SCENARIO, takeRetries } from './helpers/retries.mjs';

/** Retries of every scenario of this run (helpers/retries.mjs). */
let retryTotal = 0;

const argv = process.argv.slice(2);
const keep = argv.includes('--keep');
const timeoutArg = argv.find((a) => a.startsWith('--timeout='));
const scenarioTimeout = timeoutArg ? Number(timeoutArg.split('=')[1]) : 120_000;
const filters = argv.filter((a) => !a.startsWith('--'));

const resultsDir = join(repoRoot, 'test-results', 'e2e');
const scenariosDir = join(repoRoot, 'test', 'e2e', 'scenarios');
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const viewport = { width: 1400, height: 900 };

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const indent = (text, prefix = '    ') => text.split('\n').map((line) => `${prefix}${line}`).join('\n');

async function loadScenarios() {
  const files = readdirSync(scenariosDir).filter((f) => f.endsWith('.mjs')).sort();
  const scenarios = [];
  for (const file of files) {
    const scenario = (await import(pathToFileURL(join(scenariosDir, file)).href)).default;
    if (!scenario?.name || typeof scenario.run !== 'function') throw new Error(`${file} must export default { name, run }`);
    if (filters.length === 0 || filters.some((f) => scenario.name.includes(f) || file.includes(f))) scenarios.push(scenario);
  }
  return scenarios;
}

function tail(text, lines = 150) {
  const all = text.trimEnd().split('\n');
  return all.length > lines ? [`… ${all.length - lines} earlier lines`, ...all.slice(-lines)].join('\n') : all.join('\n');
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${seconds(ms)}`)), ms);
  });
  promise.catch(() => {}); // a timed-out scenario fails later when its page closes; that is not news
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The folder below the repository for scenarios on an engine we did not start (one per run, removed with it). */
function dockerWorkDir(work) {
  const dir = join(repoRoot, '.cache', 'e2e-docker', basename(work));
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function runScenario(scenario, index, { browser, work, extensionsDir }) {
  const started = Date.now();
  // `docker: true`: a Docker engine for this scenario (lib/docker.mjs), reached through DOCKER_HOST by
  // code-server, the extension and every task. One we did not start may see another filesystem (the host of a
  // CI container, a VM), where its bind mounts resolve: the scenario's folder then lives below the repository,
  // which such a setup shares at the same path (fresh-ci does), and git is kept from finding the repository.
  let engine;
  let engineError;
  if (scenario.docker) {
    engine = await startEngine({ label: scenario.name, log: (line) => console.log(`# ${line}`) }).catch((error) => {
      engineError = error;
      return undefined;
    });
  }
  const sharedWork = engine && !engine.own ? dockerWorkDir(work) : undefined;
  const dir = join(sharedWork ?? work, scenario.name);
  const workspaceDir = join(dir, 'workspace');
  const userDataDir = join(dir, 'user-data');
  // `workspace: 'empty'`: a folder with no tracker, holding only the scenario's `files` (name -> text).
  const trackerPath = scenario.workspace === 'empty' ? undefined : copyWorkspace(workspaceDir);
  if (scenario.workspace === 'empty') mkdirSync(workspaceDir, { recursive: true });
  for (const [name, text] of Object.entries(scenario.files ?? {})) writeFileSync(join(workspaceDir, name), text);
  writeUserSettings(userDataDir, { ...quietSettings, ...scenario.settings });
  const bridge = createApiBridge(dir);
  const screenshotPath = join(resultsDir, `${scenario.name}.png`);
  const consoleErrors = [];
  const steps = [];
  let currentStep = 'start code-server';
  let server;
  let context;
  let page;
  let failure;
  let scenarioEnv = {};
  let prepared;

  const step = async (name, fn) => {
    currentStep = name;
    const stepStarted = Date.now();
    const result = await fn();
    steps.push(`${name} (${seconds(Date.now() - stepStarted)})`);
    return result;
  };

  try {
    if (scenario.locale) {
      const languages = writeLanguagePacks(userDataDir, extensionsDir);
      if (!languages.includes(scenario.locale)) throw new Error(`scenario ${scenario.name} wants locale ${scenario.locale}, but no installed language pack offers it (installed: ${languages.join(', ') || 'none'}); list the pack in the scenario's extensions`);
    }
    if (engineError) {
      currentStep = 'start a Docker engine';
      throw engineError;
    }
    // `env()` adds the scenario's own variables (free ports).
    scenarioEnv = { ...(engine?.env ?? {}), ...(sharedWork ? { GIT_CEILING_DIRECTORIES: sharedWork } : {}), ...((await scenario.env?.()) ?? {}) };
    // `prepare({ workspaceDir })`: what must exist before VS Code opens the folder (a loopback target whose URL
    // goes into the workspace settings, so no step races VS Code reading a settings.json written later). What it
    // returns is ctx.prepared, closed at the end when it has close().
    currentStep = 'prepare the workspace';
    prepared = await scenario.prepare?.({ workspaceDir });
    currentStep = 'start code-server';
    server = await startCodeServer({ userDataDir, extensionsDir, logFile: join(dir, 'code-server.log'), env: { ...bridge.env, ...scenarioEnv }, locale: scenario.locale });
    currentStep = 'open the workbench';
    // `permissions`: what the scenario needs of the browser (the clipboard, for a Copy button it reads back).
    context = await browser.newContext({ viewport, ...(scenario.permissions ? { permissions: scenario.permissions } : {}) });
    page = await context.newPage();
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // The two known-benign errors of code-server (missing vsda files; shutdown notice) are noise.
      if (message.type() === 'error' && !/status of 404|Long running operations during shutdown/.test(message.text())) consoleErrors.push(message.text());
    });
    const wb = workbench(page);
    await page.goto(`${server.url}/?folder=${encodeURI(workspaceDir)}`);
    await wb.waitForReady();
    currentStep = 'scenario body';
    const api = { call: (ops) => bridge.call(wb, ops), one: (op) => bridge.one(wb, op) };
    const ctx = {
      page, wb, api, step, workspaceDir, trackerPath, userDataDir, docker: engine, env: scenarioEnv, prepared,
      screenshot: (suffix) => page.screenshot({ path: join(resultsDir, `${scenario.name}-${suffix}.png`) }),
    };
    await withTimeout(scenario.run(ctx), scenario.timeout ?? scenarioTimeout, `scenario ${scenario.name}`);
  } catch (error) {
    failure = error;
  }

  if (page && !isStopping()) {
    // Park the mouse so no hover tooltip covers the screenshot.
    await page.mouse.move(viewport.width - 5, viewport.height / 2).catch(() => {});
    await page.screenshot({ path: screenshotPath, timeout: 10_000 }).catch((error) => {
      console.log(`#   (screenshot failed: ${error.message})`);
    });
  }
  await context?.close().catch(() => {});
  await server?.stop();
  prepared?.close?.();
  if (engine) {
    // What the scenario left running is a failure of its own; it is removed either way.
    const left = await engine.stop(scenarioEnv.COMPOSE_PROJECT_NAME ? [scenarioEnv.COMPOSE_PROJECT_NAME] : []);
    if (left.containers.length && !failure) failure = new Error(`containers left running on ${engine.host}: ${left.containers.join(' ')}`);
    if (left.processes.length) console.log(`#   engine processes left after dockerd stopped (killed): ${left.processes.map((p) => p.pid).join(' ')}`);
  }

  const duration = seconds(Date.now() - started);
  if (failure && isStopping()) {
    console.log(`not ok ${index} - ${scenario.name} # stopped by a signal at step: ${currentStep}`);
    return false;
  }
  const retries = takeRetries();
  retryTotal += retries.length;
  if (!failure && retries.length > MAX_RETRIES_PER_SCENARIO) {
    failure = new Error(`${retries.length} retries were needed (at most ${MAX_RETRIES_PER_SCENARIO} is tolerated): a race is back`);
    currentStep = 'retry budget';
  }
  const retryLines = () => {
    console.log(`#   retries: ${retries.length}`);
    for (const what of retries) console.log(`#     ↻ ${what}`);
  };
  if (!failure) {
    console.log(`ok ${index} - ${scenario.name} (${duration}, ${retries.length} ${retries.length === 1 ? 'retry' : 'retries'})`);
    for (const s of steps) console.log(`#   ✓ ${s}`);
    retryLines();
    return true;
  }
  console.log(`not ok ${index} - ${scenario.name} (${duration})`);
  for (const s of steps) console.log(`#   ✓ ${s}`);
  console.log(`#   ✗ FAILED at step: ${currentStep}`);
  console.log(indent(String(failure?.message ?? failure), '#     '));
  retryLines();
  if (existsSync(screenshotPath)) console.log(`#   screenshot: ${relative(repoRoot, screenshotPath)}`);
  if (consoleErrors.length) console.log(`#   browser console errors:\n${indent(tail(consoleErrors.join('\n'), 30), '#     ')}`);
  if (server) console.log(`#   code-server log (${join(dir, 'code-server.log')}):\n${indent(tail(server.log()), '#     ')}`);
  for (const log of findLogs(userDataDir)) {
    console.log(`#   ${relative(userDataDir, log)}:\n${indent(tail(readFileSync(log, 'utf8'), 80), '#     ')}`);
  }
  return false;
}

async function main() {
  const started = Date.now();
  installCleanupHandlers();
  const missing = missingPrerequisites();
  if (missing.length > 0 || !existsSync(codeServerEntry)) {
    // A missing prerequisite fails the run with the one command that installs it; no scenario is skipped.
    console.log(missing.length > 0 ? missingMessage(missing) : `code-server is not installed at ${codeServerEntry} — install with: npm run setup`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const scenarios = await loadScenarios();
  mkdirSync(resultsDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'et-e2e-'));
  const extensionsDir = join(work, 'extensions');
  let phase = 'package the extension';
  let passed = 0;
  let failed = 0;
  console.log(`TAP version 13\n# e2e: ${scenarios.length} scenario(s), work dir ${work}`);
  try {
    let t = Date.now();
    // Packaged into the run's own temp dir, so concurrent runs (and npm run package) never share a file.
    const vsix = packageVsix({ out: join(work, 'execution-tracker.vsix'), quiet: true });
    const apiVsix = packageVsix({ cwd: join(repoRoot, 'test', 'e2e', 'api-extension'), build: false, out: join(work, 'api-extension.vsix'), quiet: true });
    // Test-only extensions that selected scenarios ask for (folders relative to the repo, e.g. a language pack).
    const extraDirs = [...new Set(scenarios.flatMap((s) => s.extensions ?? []))];
    const extraVsixes = extraDirs.map((dir, i) => packageVsix({ cwd: join(repoRoot, dir), build: false, out: join(work, `extra-${i}.vsix`), quiet: true }));
    console.log(`# packaged ${vsix}, the API companion${extraDirs.length ? ` and ${extraDirs.join(', ')}` : ''} (${seconds(Date.now() - t)})`);
    phase = 'install the VSIX files';
    t = Date.now();
    installExtensions({ vsixPaths: [vsix, apiVsix, ...extraVsixes], extensionsDir, userDataDir: join(work, 'install-user-data') });
    console.log(`# installed into ${extensionsDir} (${seconds(Date.now() - t)})`);
    phase = 'launch Chromium';
    const browser = await chromium.launch({
      executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    onCleanup(() => browser.close());
    console.log(`1..${scenarios.length}`);
    for (const [i, scenario] of scenarios.entries()) {
      if (isStopping()) break;
      phase = `scenario ${scenario.name}`;
      if (await runScenario(scenario, i + 1, { browser, work, extensionsDir })) passed += 1;
      else failed += 1;
    }
  } catch (error) {
    failed += 1;
    console.log(`not ok - e2e setup failed at: ${phase}`);
    console.log(indent(String(error?.stack ?? error), '#   '));
  } finally {
    await cleanupAll();
  }
  const dockerWork = join(repoRoot, '.cache', 'e2e-docker', basename(work));
  if (keep || failed > 0) console.log(`# temp files kept in ${work}${existsSync(dockerWork) ? ` and ${dockerWork}` : ''}`);
  else for (const folder of [work, dockerWork]) rmSync(folder, { recursive: true, force: true });
  console.log(`# screenshots in ${relative(repoRoot, resultsDir)}/`);
  console.log(`# duration ${seconds(Date.now() - started)}`);
  console.log(`# tests ${passed + failed}\n# pass ${passed}\n# fail ${failed}\n# retries ${retryTotal}`);
  // The closing line alone, in the plain form CI reads; the retry count is on the '# retries' line above.
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

main().catch(async (error) => {
  console.log(`e2e runner crashed: ${error?.stack ?? error}`);
  await cleanupAll();
  console.log('0 passed, 1 failed');
  process.exit(1);
});
