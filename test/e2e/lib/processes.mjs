// Every process the e2e harness starts is registered here, so it is stopped on success, failure, timeout,
// an uncaught error, Ctrl+C or SIGTERM. Children run in their own process group: killing the group also ends
// what they started (code-server's extension host, file watcher, terminals).
import { spawn } from 'node:child_process';

const children = new Set();
const cleanups = new Set();
let cleaningUp;

/** Spawns a detached child in its own process group and tracks it until it exits. */
export function spawnTracked(command, args, options = {}) {
  if (cleaningUp) throw new Error(`not starting ${command}: everything is being stopped`);
  const child = spawn(command, args, { ...options, detached: true });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Asks the child's group to stop, then kills it after `graceMs`. Resolves when the child has exited. */
export async function stopTracked(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    if (child) killGroup(child, 'SIGKILL');
    children.delete(child);
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // The leader may exit before its group: make sure nothing is left behind.
  killGroup(child, 'SIGKILL');
  children.delete(child);
}

/** Registers an async cleanup (closing the browser, say) that runs before the process exits. */
export function onCleanup(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** True once cleanupAll() has begun (a signal arrived, or the run is over). */
export function isStopping() {
  return cleaningUp !== undefined;
}

/** Runs the registered cleanups and stops every tracked child. Safe to call more than once. */
export function cleanupAll() {
  cleaningUp ??= (async () => {
    for (const fn of [...cleanups].reverse()) {
      await Promise.race([Promise.resolve().then(fn).catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    }
    await Promise.all([...children].map((child) => stopTracked(child)));
  })();
  return cleaningUp;
}

let installed = false;
/** Installs the signal and exit handlers once; a signal stops everything, then exits with `exitCode`. */
export function installCleanupHandlers({ exitCode = 130, label = 'e2e' } = {}) {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\n[${label}] ${signal}: stopping everything that was started`);
      cleanupAll().finally(() => process.exit(exitCode));
    });
  }
  // Last resort for paths that skip the async cleanup (process.exit elsewhere): synchronous group kill.
  process.on('exit', () => {
    for (const child of children) killGroup(child, 'SIGKILL');
  });
}
