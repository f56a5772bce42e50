// Evidence reference -> workspace file: the path relative to the tracker first, then relative to the workspace
// root, then the file name anywhere in the workspace (several matches are all returned, nearest first).
import { posix } from 'node:path';

export interface EvidenceIndex {
  /** Every match for `ref`, best first; empty when the workspace has no such file. */
  resolveAll(ref: string): string[];
  resolve(ref: string): string | undefined;
  fileNames(): readonly string[];
}

/** `files` and `trackerPath` are workspace-relative POSIX paths. */
export function createEvidenceIndex(trackerPath: string, files: readonly string[]): EvidenceIndex {
  const all = new Set(files);
  const byName = new Map<string, string[]>();
  for (const file of files) {
    const name = posix.basename(file).toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), file]);
  }
  const trackerDir = posix.dirname(trackerPath);
  // Matches in the tracker's own folder tree come before matches elsewhere.
  const closeness = (file: string) => (file.startsWith(trackerDir === '.' ? '' : `${trackerDir}/`) ? 0 : 1) * 1000 + file.split('/').length;

  const resolveAll = (ref: string): string[] => {
    const clean = ref.replace(/\\/g, '/');
    for (const candidate of [posix.normalize(posix.join(trackerDir, clean)), posix.normalize(clean)]) {
      if (!candidate.startsWith('../') && all.has(candidate)) return [candidate];
    }
    return [...(byName.get(posix.basename(clean).toLowerCase()) ?? [])].sort((a, b) => closeness(a) - closeness(b) || a.localeCompare(b));
  };
  return { resolveAll, resolve: (ref) => resolveAll(ref)[0], fileNames: () => files };
}
