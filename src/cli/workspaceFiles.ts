// Workspace files for the CLI, as workspace-relative POSIX paths (the extension asks VS Code instead).
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.cache', 'dist']);
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
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  }
  return files.sort();
}
