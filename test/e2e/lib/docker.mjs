// A Docker engine for tests that need one. The engine at DOCKER_HOST is used when that is set and answers (the
// fresh-ci container passes one in this way); otherwise Debian's dockerd is started with the recipe of
// design.md: no bridge, no iptables, and its data root, exec root, pidfile and socket in a fresh temp folder, so
// engines of engineers testing at the same time never share a path. stop() removes what the test left, stops
// the engine the harness started (with its containerd and shims) and removes its folder.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup, spawnTracked } from './processes.mjs';

const DOCKERD = process.env.E2E_DOCKERD ?? '/usr/sbin/dockerd';
const DOCKER = process.env.E2E_DOCKER ?? 'docker';

/** Runs a command and resolves with { code, stdout, stderr } (never rejects on a non-zero exit). */
export function run(command, args, { env = {}, timeout = 120_000, cwd } = {}) {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...process.env, ...env }, timeout, cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) + (error && typeof error.code !== 'number' ? String(error.message) : '') });
    });
  });
}

/** The server version of the engine at `host`, or undefined when it does not answer within `timeout` ms. */
export async function engineVersion(host, timeout = 10_000) {
  const r = await run(DOCKER, ['version', '--format', '{{.Server.Version}}'], { env: { DOCKER_HOST: host }, timeout });
  const version = r.stdout.trim();
  return r.code === 0 && version ? version : undefined;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Processes whose command line mentions `needle` (the engine's temp folder): containerd and shims it left. */
function processesMentioning(needle) {
  const found = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(needle)) found.push({ pid: Number(name), cmdline: cmdline.trim() });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

function mountsUnder(dir) {
  try {
    return readFileSync('/proc/self/mounts', 'utf8').split('\n').map((line) => line.split(' ')[1]).filter((m) => m && m.startsWith(`${dir}/`));
  } catch {
    return [];
  }
}

/**
 * Starts (or finds) an engine. Resolves with { host, env, own, version, dir, docker(args, opts), compose(args,
 * opts), stop() }. `label` names the engine's folder so a leftover can be traced to its test. Throws with the
 * dockerd log when an engine cannot be started.
 */
export async function startEngine({ label = 'e2e', startTimeout = 60_000, log = () => {} } = {}) {
  const external = process.env.DOCKER_HOST;
  if (external) {
    const version = await engineVersion(external);
    if (version) {
      log(`docker: using the engine at DOCKER_HOST=${external} (${version})`);
      return engineHandle({ host: external, own: false, version });
    }
    log(`docker: DOCKER_HOST=${external} does not answer; starting an engine of our own`);
  }
  if (!existsSync(DOCKERD)) throw new Error(`no Docker engine: DOCKER_HOST is ${external ? `${external} (not answering)` : 'not set'} and ${DOCKERD} does not exist (apt-get install docker.io)`);
  if (process.getuid?.() !== 0) throw new Error(`no Docker engine: DOCKER_HOST is not set and starting ${DOCKERD} needs root`);
  // Unix socket paths are limited to 108 bytes: the folder stays short (/tmp/etd-<label>-XXXXXX).
  const dir = mkdtempSync(join(tmpdir(), `etd-${label.replace(/[^a-z0-9]/gi, '').slice(0, 12)}-`));
  const host = `unix://${dir}/docker.sock`;
  const logFile = join(dir, 'dockerd.log');
  const args = ['--bridge=none', '--iptables=false', '--ip6tables=false',
    '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'dockerd.pid'),
    '-H', host, '--log-level', 'warn', '--shutdown-timeout', '3'];
  const { openSync, closeSync } = await import('node:fs');
  const fd = openSync(logFile, 'a');
  const child = spawnTracked(DOCKERD, args, { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const started = Date.now();
  let attempts = 0;
  let version;
  while (!version) {
    attempts++;
    if (child.exitCode !== null || child.signalCode !== null) {
      const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`dockerd exited (${child.exitCode ?? child.signalCode}) before answering:\n${text.slice(-3000)}`);
    }
    if (Date.now() - started > startTimeout) {
      const text = readFileSync(logFile, 'utf8');
      await stopOwn({ child, dir });
      throw new Error(`dockerd did not answer on ${host} within ${startTimeout} ms (${attempts} polls):\n${text.slice(-3000)}`);
    }
    version = await engineVersion(host, 5_000);
    if (!version) await sleep(200);
  }
  log(`docker: started dockerd ${version} on ${host} in ${Date.now() - started} ms (${attempts} polls)`);
  return engineHandle({ host, own: true, version, dir, child, startMs: Date.now() - started });
}

async function stopOwn({ child, dir }) {
  // dockerd stops its containers and its containerd on SIGTERM; only after that is the whole group killed.
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 20_000);
    await exited;
    clearTimeout(timer);
  }
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already empty */ }
  // containerd-shim re-parents itself out of the group: anything still naming our folder is ours to end.
  const left = processesMentioning(dir);
  for (const p of left) {
    try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  for (const mount of mountsUnder(dir).reverse()) await run('umount', ['-l', mount], { timeout: 10_000 });
  rmSync(dir, { recursive: true, force: true });
  return left;
}

function engineHandle({ host, own, version, dir, child, startMs }) {
  const env = { DOCKER_HOST: host };
  let stopped;
  const handle = {
    host, env, own, version, dir, startMs,
    docker: (args, opts = {}) => run(DOCKER, args, { ...opts, env: { ...env, ...opts.env } }),
    compose: (args, opts = {}) => run('docker-compose', args, { ...opts, env: { DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0', ...env, ...opts.env } }),
    /** Container ids running on the engine (`docker ps -q`). */
    /** Ids of the running containers: all of them, or one compose project's. */
    async running(project) {
      const r = await handle.docker(['ps', '-q', ...(project ? ['--filter', `label=com.docker.compose.project=${project}`] : [])]);
      return r.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
    },
    /**
     * Removes the containers of the given compose projects (a test's own; on a shared engine nothing else is
     * touched), stops an engine the harness started, and resolves with what was left behind:
     * { containers: ids still running before the cleanup, processes: leftover engine processes that were killed }.
     */
    stop(projects = []) {
      stopped ??= (async () => {
        unregister();
        // On a shared engine other containers are not ours to count (fresh-ci's engine runs the CI container
        // itself): only the given projects' are.
        const containers = own ? await handle.running().catch(() => []) : (await Promise.all(projects.map((project) => handle.running(project).catch(() => [])))).flat();
        for (const project of projects) {
          const ids = (await handle.docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])).stdout.split('\n').filter(Boolean);
          if (ids.length) await handle.docker(['rm', '-f', '-v', ...ids]);
        }
        // On an engine of our own everything is the test's: killed at once rather than waiting out stop grace.
        if (own) {
          const all = (await handle.docker(['ps', '-aq'])).stdout.split('\n').filter(Boolean);
          if (all.length) await handle.docker(['rm', '-f', '-v', ...all]);
        }
        const processes = own ? await stopOwn({ child, dir }) : [];
        return { containers, processes };
      })();
      return stopped;
    },
  };
  const unregister = onCleanup(() => handle.stop());
  return handle;
}
