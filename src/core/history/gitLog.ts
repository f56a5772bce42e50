// `git log` for one file, as argv and as parsed records. The process itself runs in an adapter (the extension's
// services, the CLI); this part is pure so it can be tested on real git output.

/** Record and field separators in the format: bytes no commit subject contains in practice. */
const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * Every commit that changed the file, renames followed (`--follow`), newest first as git prints them. `--raw`
 * gives the file's blob at each commit, so no second call per commit is needed; `%D` carries "grafted" on the
 * boundary commit of a shallow clone. `-c core.quotePath=false` and `-z` keep paths byte-exact.
 */
export function gitLogArgs(relativePath: string): string[] {
  return ['-c', 'core.quotePath=false', 'log', '--follow', '-z', '--raw', '--no-abbrev', '--no-color', '--no-ext-diff', '--no-textconv', `--format=${RECORD}%H${FIELD}%cI${FIELD}%D${FIELD}%s`, '--', relativePath];
}

export interface LogEntry {
  readonly commit: string;
  /** Committer date, strict ISO 8601 with the committer's offset. */
  readonly date: string;
  readonly subject: string;
  /** The file's blob after this commit; null when the commit deleted it or carried no change (a merge). */
  readonly blob: string | null;
  /** Repository-relative path after this commit ('' when unknown). */
  readonly path: string;
  /** The path before, when this commit renamed (or copied) the file. */
  readonly renamedFrom?: string;
  readonly deleted: boolean;
}

export interface GitLog {
  /** Oldest first. */
  readonly entries: readonly LogEntry[];
  /** A commit was marked "grafted": the clone is shallow and older history is missing. */
  readonly shallow: boolean;
}

const NULL_BLOB = /^0+$/;

/** Parses the output of `git log` run with `gitLogArgs`. Unknown or truncated records are skipped, not fatal. */
export function parseGitLog(output: string): GitLog {
  const entries: LogEntry[] = [];
  let shallow = false;
  for (const record of output.split(RECORD)) {
    if (!record) continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
    const [commit, date, refs, ...subject] = header.split(FIELD);
    if (!/^[0-9a-f]{40,64}$/.test(commit ?? '') || date === undefined) continue;
    if (refs && refs.split(', ').includes('grafted')) shallow = true;
    const raw = headerEnd === -1 ? [] : record.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    // --raw -z: ":<mode> <mode> <old> <new> <status>" NUL path NUL [path NUL for renames and copies].
    let blob: string | null = null;
    let path = '';
    let renamedFrom: string | undefined;
    let deleted = false;
    const meta = raw[0]?.startsWith(':') ? raw[0].slice(1).split(' ') : undefined;
    if (meta && meta.length >= 5) {
      const status = meta[4];
      const newBlob = meta[3];
      deleted = status.startsWith('D');
      blob = deleted || NULL_BLOB.test(newBlob) ? null : newBlob;
      if (status.startsWith('R') || status.startsWith('C')) {
        renamedFrom = raw[1];
        path = raw[2] ?? '';
      } else {
        path = raw[1] ?? '';
      }
    }
    entries.push({ commit, date, subject: subject.join(FIELD), blob, path, renamedFrom, deleted });
  }
  return { entries: entries.reverse(), shallow };
}
