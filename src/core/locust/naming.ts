// Runs from file names: sibling files sharing a --csv prefix form one run, and the prefix carries the run's
// metadata in the naming scheme the team uses (e.g. hasil_test_v39_100u_r4_pool140_core_only_stats.csv).
// Pure: names in, groups out; reading the files is someone else's job.
import * as l10n from '@vscode/l10n';

export type RunFileRole = 'stats' | 'history' | 'failures' | 'exceptions' | 'requests' | 'distribution' | 'html';

export interface RunMeta {
  /** "v39", "v26b"; null when the name carries no version. */
  version: string | null;
  versionNumber: number | null;
  users: number | null;
  spawnRate: number | null;
  pool: number | null;
  variant: string | null;
  /** Other named groups of a custom pattern. */
  extra: Record<string, string>;
}

export interface LocustRun {
  /** Directory plus prefix: unique per run. */
  id: string;
  dir: string;
  prefix: string;
  /** Paths as given, by role. */
  files: Partial<Record<RunFileRole, string>>;
  meta: RunMeta;
}

/**
 * Default metadata pattern, searched (not anchored) in the prefix. Named groups: version, users, spawnRate,
 * pool, variant; any other named group lands in meta.extra.
 */
export const DEFAULT_RUN_PATTERN = String.raw`(?:^|_)(?<version>v\d+[a-z]*)(?:_(?<users>\d+)u)?(?:_r(?<spawnRate>\d+(?:\.\d+)?))?(?:_pool(?<pool>\d+))?(?:_(?<variant>.+))?$`;

/** Compiles a user-supplied pattern; throws an Error whose message says what is wrong with it. */
export function compileRunPattern(source: string = DEFAULT_RUN_PATTERN): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch (error) {
    throw new Error(l10n.t('run name pattern {0} is not a valid regular expression: {1}', JSON.stringify(source), (error as Error).message));
  }
}

const SUFFIXES: Array<[string, RunFileRole]> = [
  ['_stats_history.csv', 'history'],
  ['_stats.csv', 'stats'],
  ['_failures.csv', 'failures'],
  ['_exceptions.csv', 'exceptions'],
  ['_requests.csv', 'requests'],
  ['_distribution.csv', 'distribution'],
  ['_report.html', 'html'],
  ['-report.html', 'html'],
];

function splitPath(path: string): { dir: string; base: string } {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return { dir: slash === -1 ? '' : path.slice(0, slash), base: path.slice(slash + 1) };
}

/** Role and prefix of one file name, or null when it is not a Locust output name. */
export function classifyFileName(fileName: string): { dir: string; prefix: string; role: RunFileRole } | null {
  const { dir, base } = splitPath(fileName);
  const lower = base.toLowerCase();
  for (const [suffix, role] of SUFFIXES) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) return { dir, prefix: base.slice(0, -suffix.length), role };
  }
  return null;
}

const toNumber = (text: string | undefined): number | null => (text === undefined || text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : null);

export function parseRunName(prefix: string, pattern: RegExp = compileRunPattern()): RunMeta {
  const groups = pattern.exec(prefix)?.groups ?? {};
  const { version, users, spawnRate, pool, variant, ...rest } = groups;
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) extra[key] = value;
  const versionDigits = version ? /\d+/.exec(version)?.[0] : undefined;
  return {
    version: version || null,
    versionNumber: toNumber(versionDigits),
    users: toNumber(users),
    spawnRate: toNumber(spawnRate),
    pool: toNumber(pool),
    variant: variant || null,
    extra,
  };
}

/** Groups sibling Locust files into runs, ordered by version number, then version, then prefix. */
export function groupRuns(fileNames: readonly string[], pattern: RegExp = compileRunPattern()): LocustRun[] {
  const runs = new Map<string, LocustRun>();
  const plainHtml: Array<{ dir: string; base: string; path: string }> = [];
  for (const path of fileNames) {
    const found = classifyFileName(path);
    if (!found) {
      const { dir, base } = splitPath(path);
      if (base.toLowerCase().endsWith('.html')) plainHtml.push({ dir, base, path });
      continue;
    }
    const id = found.dir ? `${found.dir}/${found.prefix}` : found.prefix;
    let run = runs.get(id);
    if (!run) {
      run = { id, dir: found.dir, prefix: found.prefix, files: {}, meta: parseRunName(found.prefix, pattern) };
      runs.set(id, run);
    }
    run.files[found.role] ??= path;
  }
  // `--html X.html` next to `--csv X`: joins that run; a lone X.html is not assumed to be a Locust report.
  for (const { dir, base, path } of plainHtml) {
    const run = runs.get(dir ? `${dir}/${base.slice(0, -5)}` : base.slice(0, -5));
    if (run) run.files.html ??= path;
  }
  return [...runs.values()].sort(compareRuns);
}

export function compareRuns(a: LocustRun, b: LocustRun): number {
  const av = a.meta.versionNumber ?? Number.POSITIVE_INFINITY;
  const bv = b.meta.versionNumber ?? Number.POSITIVE_INFINITY;
  if (av !== bv) return av - bv;
  return (a.meta.version ?? '').localeCompare(b.meta.version ?? '') || a.id.localeCompare(b.id);
}
