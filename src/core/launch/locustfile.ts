// What a locustfile offers, read from its text without running Python: the `@tag(...)` names (for the tag
// picker) and whether it defines a User class (for detecting locustfiles not named locustfile.py).

const TAG_CALL = /@(?:locust\.)?tag\s*\(([^)]*)\)/g;
const STRING_LITERAL = /(?:[rRuU]?)(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')/g;

/** Tag names in order of first appearance. */
export function findLocustTags(source: string): string[] {
  const tags = new Set<string>();
  for (const call of source.matchAll(TAG_CALL)) {
    for (const literal of call[1].matchAll(STRING_LITERAL)) {
      const name = literal[1] ?? literal[2];
      if (name) tags.add(name);
    }
  }
  return [...tags];
}

// `class X(HttpUser):`, `class X(FastHttpUser, Mixin):`, `class X(locust.User):`, and 0.x `HttpLocust`.
const USER_CLASS = /^class\s+(\w+)\s*\(([^)]*)\)\s*:/gm;
const USER_BASE = /(?:^|[\s,.])(?:\w*User|HttpLocust|Locust)\s*(?:,|$)/;

/** Names of the classes that derive from a Locust user base, in file order. */
export function findUserClasses(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(USER_CLASS)) if (USER_BASE.test(match[2].trim())) names.push(match[1]);
  return names;
}

export function definesUserClass(source: string): boolean {
  return /\b(?:from\s+locust\b|import\s+locust\b)/.test(source) && findUserClasses(source).length > 0;
}
