// Workspace files for the CLI, as workspace-relative POSIX paths (the extension asks VS Code instead).
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { EXCLUDED_FOLDERS } from '../core/workspace/excluded';

const SKIPPED = new Set<string>(EXCLUDED_FOLDERS);
const MAX_FILES = 200_000;

export function listWorkspaceFiles(root: string): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length && files.length < MAX_FILES) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are skipped, as an editor's file search would
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) pending.push(path);
      } else if (entry.isFile()) {
        files.push(posixRelative(root, path));
      }
    }
  }
  return files.sort();
}

/** `path` relative to `root`, with `/` separators (how evidence references are written on every OS). */
export function posixRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
