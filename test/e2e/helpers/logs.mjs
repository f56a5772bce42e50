// Reads the extension host log (and the extension's own output channel log) of a scenario's user-data dir and
// picks out the error entries that come from the extension under test: an `[error]` line plus its stack lines,
// kept when any of it names the extension, its view or command ids, or a frame inside its install folder, or is
// the tree view adapter's complaint about an unknown node (extension tree views are the extension's own here).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ENTRY_START = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ \[(\w+)\]/;

/** The extension host logs and the extension's own output channel log of a user-data dir. */
export function findLogs(userDataDir) {
  const found = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.log') && (name === 'remoteexthost.log' || name === 'exthost.log' || /Execution Tracker\.log$/.test(name))) found.push(path);
    }
  };
  walk(join(userDataDir, 'logs'));
  return found;
}

/** Log entries (first line + continuation lines) at level `error`, from every extension host log found. */
export function errorEntries(userDataDir) {
  const entries = [];
  for (const path of findLogs(userDataDir)) {
    let current;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const start = ENTRY_START.exec(line);
      if (start) {
        current = start[1] === 'error' ? { file: path, text: line } : undefined;
        if (current) entries.push(current);
      } else if (current && line.trim()) {
        current.text += `\n${line}`;
      }
    }
  }
  return entries;
}

/**
 * The error entries that belong to the extension `extensionId` (publisher.name), whose ids start with
 * `idPrefix` (such as `executionTracker.`). Every entry of its own log counts.
 */
export function extensionErrors(userDataDir, extensionId, idPrefix) {
  const own = (entry) =>
    entry.file.endsWith('Execution Tracker.log') ||
    entry.text.includes(`${extensionId}`) ||
    entry.text.includes(idPrefix) ||
    entry.text.includes(`/${extensionId}-`) ||
    // The extension host's tree view adapter names the node, not the extension; extension tree views are ours here.
    /No tree item with id/.test(entry.text);
  return errorEntries(userDataDir).filter(own).map((entry) => entry.text);
}
