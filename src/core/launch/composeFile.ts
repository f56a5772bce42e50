// Profiles named in a compose file, read from its text without a YAML library: `profiles: [a, b]` and
// `profiles:` followed by `- a` items. Good enough to offer them in a picker; compose itself validates.

export function findComposeProfiles(source: string): string[] {
  const found = new Set<string>();
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)profiles\s*:\s*(.*)$/.exec(lines[i]);
    if (!match) continue;
    const inline = match[2].replace(/#.*$/, '').trim();
    if (inline.startsWith('[')) {
      for (const item of inline.replace(/^\[|\]$/g, '').split(',')) add(found, item);
      continue;
    }
    for (let j = i + 1; j < lines.length; j++) {
      const item = /^\s*-\s*(.+?)\s*(?:#.*)?$/.exec(lines[j]);
      if (!item) break;
      add(found, item[1]);
    }
  }
  return [...found];
}

function add(found: Set<string>, raw: string): void {
  const name = raw.trim().replace(/^["']|["']$/g, '');
  if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) found.add(name);
}
