// `git cat-file --batch`: blob ids in on stdin, "<id> blob <size>\n<bytes>\n" per object out. Pure parsing of
// that stream; the process runs in an adapter.

export const CAT_FILE_ARGS: readonly string[] = ['cat-file', '--batch'];

/** Stdin for `git cat-file --batch`: one id a line. */
export function catFileInput(ids: readonly string[]): string {
  return ids.map((id) => `${id}\n`).join('');
}

/** Object bytes by id; an id git reports "missing" (or that is not a blob) maps to null. */
export function parseCatFile(output: Uint8Array): Map<string, Uint8Array | null> {
  const objects = new Map<string, Uint8Array | null>();
  const decoder = new TextDecoder('latin1');
  let at = 0;
  while (at < output.length) {
    const eol = output.indexOf(0x0a, at);
    if (eol === -1) break;
    const header = decoder.decode(output.subarray(at, eol));
    at = eol + 1;
    const parts = header.split(' ');
    if (parts[1] === 'missing' || parts.length === 2) {
      objects.set(parts[0], null);
      continue;
    }
    const size = Number(parts[2]);
    if (parts.length !== 3 || !Number.isSafeInteger(size) || size < 0 || at + size > output.length) break;
    objects.set(parts[0], parts[1] === 'blob' ? output.subarray(at, at + size) : null);
    at += size + 1;
  }
  return objects;
}
