// Input validation for everything that ends up on a command line. Tasks run as ProcessExecution (no shell), so
// shell metacharacters are harmless as argv items; what is refused is what VS Code or the program itself would
// misread: `${...}` (VS Code expands variables inside task arguments), line breaks and NUL, values that start
// with `-` where a value is expected (they would be read as options), and anything not of the expected kind.
import * as l10n from '@vscode/l10n';

/** A value that cannot be used, with the field it came from; the message is one line a user can act on. */
export class LaunchInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'LaunchInputError';
  }
}

/** Longest value accepted anywhere; real paths, hosts and tags are far shorter. */
export const MAX_VALUE_LENGTH = 512;
export const MAX_USERS = 1_000_000;
export const MAX_WORKERS = 256;

/** Shows a value in a message without letting it break the line or run on for ever. */
export function quoteForMessage(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
  return JSON.stringify(shown);
}

/** Why `value` is unsafe in any argv item, or undefined when it is fine. */
export function unsafeReason(value: string): string | undefined {
  if (value.includes('${')) return l10n.t('{0} contains "${", which VS Code would expand as a variable in a task argument; remove it', quoteForMessage(value));
  if (/[\r\n]/.test(value)) return l10n.t('contains a line break; use a single line');
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return l10n.t('contains a control character (NUL or similar); remove it');
  if (value.length > MAX_VALUE_LENGTH) return l10n.t('is {0} characters long; at most {1} are accepted', value.length, MAX_VALUE_LENGTH);
  return undefined;
}

type Check = (value: string) => string | undefined;

function firstProblem(value: string, ...checks: Check[]): string | undefined {
  for (const check of checks) {
    const problem = check(value);
    if (problem) return problem;
  }
  return undefined;
}

const notEmpty: Check = (value) => (value.trim() === '' ? l10n.t('is empty') : undefined);
const notOption: Check = (value) => (value.startsWith('-') ? l10n.t('{0} starts with "-" and would be read as an option', quoteForMessage(value)) : undefined);

/** Users: a whole number of at least 1. */
export function usersProblem(value: string): string | undefined {
  return firstProblem(value.trim(), unsafeReason, notEmpty, (v) => {
    if (!/^\d+$/.test(v)) return l10n.t('{0} is not a whole number of users (at least 1)', quoteForMessage(v));
    const n = Number(v);
    if (n < 1) return l10n.t('must be at least 1');
    if (n > MAX_USERS) return l10n.t('must be at most {0}', MAX_USERS);
    return undefined;
  });
}

/** Spawn rate: users per second, a number above 0 (fractions allowed: 0.5 is one user every two seconds). */
export function spawnRateProblem(value: string): string | undefined {
  return firstProblem(value.trim(), unsafeReason, notEmpty, (v) => {
    if (!/^\d+(?:\.\d+)?$/.test(v)) return l10n.t('{0} is not a number of users per second', quoteForMessage(v));
    if (Number(v) <= 0) return l10n.t('must be greater than 0');
    if (Number(v) > MAX_USERS) return l10n.t('must be at most {0}', MAX_USERS);
    return undefined;
  });
}

/** Whole number in [min, max] (workers, ports). */
export function integerProblem(value: string, min: number, max: number): string | undefined {
  return firstProblem(value.trim(), unsafeReason, notEmpty, (v) => {
    if (!/^\d+$/.test(v)) return l10n.t('{0} is not a whole number', quoteForMessage(v));
    const n = Number(v);
    return n < min || n > max ? l10n.t('must be between {0} and {1}', min, max) : undefined;
  });
}

// Locust's parse_timespan (2.12.1 and later): hours, minutes, seconds in that order, each optional, or a bare
// number of seconds. Days and fractions are not understood by 2.12.1, so they are refused here too.
const TIMESPAN = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Run time in Locust's syntax: `45s`, `10m`, `1h30m`, or plain seconds; longer than zero. */
export function durationProblem(value: string): string | undefined {
  return firstProblem(value.trim(), unsafeReason, notEmpty, (v) => {
    const match = /^\d+$/.test(v) ? [v, undefined, undefined, v] : TIMESPAN.exec(v);
    if (!match) return l10n.t('{0} is not a Locust duration; use e.g. 45s, 10m, 1h30m', quoteForMessage(v));
    const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
    return seconds > 0 ? undefined : l10n.t('must be longer than zero');
  });
}

/** Seconds in a Locust duration already accepted by `durationProblem`. */
export function durationSeconds(value: string): number {
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const match = TIMESPAN.exec(v);
  return match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0;
}

// Compose services and profiles, user classes and Locust tags: identifiers with dots and dashes, not starting
// with a dash (compose allows [a-zA-Z0-9][a-zA-Z0-9_.-]*; Python classes are narrower but Locust checks those).
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** A name: a compose service or profile, a user class, a tag. */
export function nameProblem(value: string): string | undefined {
  return firstProblem(value, unsafeReason, notEmpty, notOption, (v) =>
    NAME.test(v) ? undefined : l10n.t('{0} is not a name (letters, digits, "_", "." and "-", not starting with "-")', quoteForMessage(v)),
  );
}

/** Environment variable name as POSIX defines it. */
export function envNameProblem(value: string): string | undefined {
  return firstProblem(value, unsafeReason, notEmpty, (v) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(v) ? undefined : l10n.t('{0} is not an environment variable name', quoteForMessage(v))));
}

/**
 * An address Locust binds to or connects to: an IPv4 or IPv6 address, a host name, or `*` (every interface, for
 * `--master-bind-host` only; the caller decides).
 */
export function addressProblem(value: string): string | undefined {
  return firstProblem(value.trim(), unsafeReason, notEmpty, notOption, (v) => {
    if (v === '*') return undefined;
    if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(v)) return v.split('.').every((part) => Number(part) <= 255) ? undefined : l10n.t('{0} is not an IPv4 address', quoteForMessage(v));
    if (/^[0-9A-Fa-f:.]+$/.test(v) && v.includes(':')) return undefined;
    if (/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?$/.test(v) && /[A-Za-z]/.test(v)) return undefined;
    return l10n.t('{0} is not an address or host name', quoteForMessage(v));
  });
}

/** True for `*`, 0.0.0.0 and `::`: the master listens everywhere, so no single address reaches it. */
export function isWildcardAddress(value: string): boolean {
  return ['*', '0.0.0.0', '::', '[::]'].includes(value.trim());
}

/** True for 127.0.0.0/8, ::1 and localhost: only this machine can reach it. */
export function isLoopbackAddress(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === 'localhost' || v === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v);
}

/** Target host: an absolute http(s) URL without spaces or credentials. */
export function hostProblem(value: string): string | undefined {
  return firstProblem(value.trim(), unsafeReason, notEmpty, (v) => {
    if (/\s/.test(v)) return `${quoteForMessage(v)} contains a space`;
    if (!/^https?:\/\//i.test(v)) return l10n.t('{0} is not an http:// or https:// URL', quoteForMessage(v));
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      return l10n.t('{0} is not a valid URL', quoteForMessage(v));
    }
    if (!url.hostname) return l10n.t('{0} has no host name', quoteForMessage(v));
    if (url.username || url.password) return l10n.t('must not contain a user name or password (they would show in the task list and logs)');
    return undefined;
  });
}

/**
 * A workspace-relative file or folder path (locustfile, compose file, env file, CSV prefix). Absolute paths are
 * allowed (settings may point outside the folder); `..` segments are not needed and are refused.
 */
export function pathProblem(value: string): string | undefined {
  return firstProblem(value, unsafeReason, notEmpty, notOption, (v) => {
    if (v.trim() !== v) return l10n.t('{0} starts or ends with a space', quoteForMessage(v));
    // No path needs shell or quoting characters; refusing them keeps cited evidence names and logs unambiguous.
    if (/[;|&$`<>"'*?]/.test(v)) return l10n.t('{0} contains a character that does not belong in a file name (; | & $ ` < > " \' * ?)', quoteForMessage(v));
    if (v.split(/[\\/]/).includes('..')) return l10n.t('{0} contains a ".." segment; give a path inside the workspace', quoteForMessage(v));
    return undefined;
  });
}

/** A CSV prefix: a relative path of names (`results/hasil_test_v49_200u`); no spaces, so files stay easy to cite. */
export function csvPrefixProblem(value: string): string | undefined {
  return firstProblem(value, pathProblem, (v) => {
    if (/^([A-Za-z]:)?[\\/]/.test(v)) return l10n.t('{0} is absolute; give a path relative to the workspace folder', quoteForMessage(v));
    const bad = v.split('/').find((part) => !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(part));
    return bad === undefined ? undefined : l10n.t('{0} is not a CSV prefix (folders and names of letters, digits, "_", "." and "-")', quoteForMessage(v));
  });
}

/**
 * Splits tag input as users type it (`api,page`, `api page`, `api, page`) into separate tags; Locust itself
 * would take `api,page` as ONE tag and run nothing. Duplicates are dropped, order kept.
 */
export function splitList(input: string | readonly string[] | undefined): string[] {
  if (input === undefined) return [];
  const parts = (typeof input === 'string' ? [input] : input).flatMap((item) => item.split(/[\s,]+/));
  return [...new Set(parts.filter((part) => part !== ''))];
}

/** Throws LaunchInputError for the first problem; returns the trimmed value otherwise. */
export function requireValid(field: string, value: string, problem: (value: string) => string | undefined): string {
  const found = problem(value);
  if (found) throw new LaunchInputError(field, found);
  return value.trim();
}

/** Each item must pass `problem`; the message names the field and the item. */
export function requireAll(field: string, values: readonly string[], problem: (value: string) => string | undefined): string[] {
  return values.map((value) => requireValid(field, value, problem));
}
