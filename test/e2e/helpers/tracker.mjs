// What the scenarios expect of the Execution Tracker, read from the manifest (titles, keybinding) and counted
// independently from the fixture tracker (never through the extension's own parser).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib/fixture.mjs';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
let nls = {};
try {
  nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
} catch {
  // no localisation file: titles are literal
}
const localize = (value) => (typeof value === 'string' ? value.replace(/^%(.+)%$/, (_, key) => nls[key] ?? value) : value);

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
export const EXTENSION_VERSION = manifest.version;

/** The palette title of a contributed command: "Category: Title". */
export function commandTitle(id) {
  const command = manifest.contributes?.commands?.find((c) => c.command === id);
  if (!command) throw new Error(`package.json contributes no command ${id}`);
  const category = localize(command.category);
  return category ? `${category}: ${localize(command.title)}` : localize(command.title);
}

/** The default keybinding of a command as a Playwright chord ("Control+Shift+Alt+X"). */
export function keybindingChord(id) {
  const binding = manifest.contributes?.keybindings?.find((k) => k.command === id);
  if (!binding) throw new Error(`package.json contributes no keybinding for ${id}`);
  const key = process.platform === 'darwin' && binding.mac ? binding.mac : binding.key;
  const names = { ctrl: 'Control', cmd: 'Meta', shift: 'Shift', alt: 'Alt' };
  return key.split('+').map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part)).join('+');
}

export const VIEW_CONTAINER_TITLE = localize(manifest.contributes?.viewsContainers?.activitybar?.find((c) => c.id === 'executionTracker')?.title) ?? 'Execution Tracker';
export const TOGGLE_TASK = 'executionTracker.toggleTask';

/** The seed tracker's progress as the status bar and the file node show it (template tasks not counted). */
export const SEED_PROGRESS = { done: 138, total: 189 };

const TASK = /^\s*[-*+] \[([ xX])\] /;

/**
 * Tasks per `### … WEEK n` heading, counted the simple way: list items with a checkbox after that heading and
 * before the next heading of level 1–3, outside fenced code. Returns [{week, done, total}] in file order.
 */
export function countWeeks(text) {
  const weeks = [];
  let current;
  let fenced = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const week = /\bWEEK (\d+)\b/.exec(heading[2]);
      if (heading[1].length === 3 && week) weeks.push((current = { week: Number(week[1]), done: 0, total: 0 }));
      else if (heading[1].length <= 3) current = undefined;
      continue;
    }
    const task = TASK.exec(line);
    if (task && current) {
      current.total += 1;
      if (task[1] !== ' ') current.done += 1;
    }
  }
  return weeks;
}

/** 1-based line numbers of the open (`[ ]`) tasks whose text contains `contains`, in file order. */
export function openTaskLines(text, contains = '') {
  return text.split(/\r?\n/).flatMap((line, i) => (/^\s*[-*+] \[ \] /.test(line) && line.includes(contains) ? [i + 1] : []));
}

/** The text with the checkbox marks of the given 1-based lines flipped ([ ] <-> [x]), nothing else touched. */
export function withToggled(text, lines) {
  const all = text.split('\n');
  for (const n of lines) {
    all[n - 1] = all[n - 1].replace(/\[([ xX])\]/, (_, mark) => (mark === ' ' ? '[x]' : '[ ]'));
  }
  return all.join('\n');
}

/** The label a task shows in the tree: the line without bullet and checkbox. */
export function taskLabel(line) {
  return line.replace(TASK, '').trim();
}

/** "done/total (pct%)" as the status bar shows it: percent floored, so 100 % only when every task is done. */
export function progressText({ done, total }) {
  return `${done}/${total} (${Math.floor((done / total) * 100)}%)`;
}
