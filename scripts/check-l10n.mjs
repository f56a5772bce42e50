// Translation hygiene, run by `npm run lint`:
// - l10n/bundle.l10n.json is what `npm run l10n:export` makes from src/ now (re-exported to a temp dir and
//   compared), so a new vscode.l10n.t / l10n.t string cannot be left out of the bundle;
// - every translation (package.nls.<lang>.json, l10n/bundle.l10n.<lang>.json) has every key of its English
//   file, no key the English file lacks, and the same placeholders ({0}, {name}) in each string.
// Fails (exit 1) naming each missing or stale string, so a new string cannot silently stay untranslated.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
/** A string's value: bundles may hold { message, comment } objects instead of plain strings. */
const text = (value) => (typeof value === 'string' ? value : value?.message);
const placeholders = (value) => [...new Set((text(value) ?? '').match(/\{[^{}\s]+\}/g) ?? [])].sort().join(' ');
const shorten = (key) => JSON.stringify(key.length > 90 ? `${key.slice(0, 87)}...` : key);

/** Compares one translation with its English file. */
function checkTranslation(englishPath, translatedPath) {
  const english = readJson(englishPath);
  const translated = readJson(translatedPath);
  const name = translatedPath.slice(root.length + 1);
  for (const key of Object.keys(english)) {
    if (!(key in translated)) problems.push(`${name} lacks ${shorten(key)}`);
    else if (typeof text(translated[key]) !== 'string' || text(translated[key]).trim() === '') problems.push(`${name} has an empty string for ${shorten(key)}`);
    else if (placeholders(translated[key]) !== placeholders(english[key])) {
      problems.push(`${name}: ${shorten(key)} has placeholders [${placeholders(translated[key])}], the English string [${placeholders(english[key])}]`);
    }
  }
  for (const key of Object.keys(translated)) if (!(key in english)) problems.push(`${name} has ${shorten(key)}, which ${englishPath.slice(root.length + 1)} no longer has (remove it)`);
  return Object.keys(english).length;
}

/** Re-exports the strings of src/ with @vscode/l10n-dev into a temp dir and compares with the committed bundle. */
function checkBundleCurrent(bundlePath) {
  const out = mkdtempSync(join(tmpdir(), 'l10n-export-'));
  try {
    const cli = join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
    const result = spawnSync(process.execPath, [cli, 'export', '--outDir', out, join(root, 'src')], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) {
      problems.push(`vscode-l10n-dev export failed (exit ${result.status}): ${(result.stderr || result.stdout).trim()}`);
      return;
    }
    const fresh = readJson(join(out, 'bundle.l10n.json'));
    const committed = existsSync(bundlePath) ? readJson(bundlePath) : {};
    const added = Object.keys(fresh).filter((key) => !(key in committed));
    const gone = Object.keys(committed).filter((key) => !(key in fresh));
    for (const key of added) problems.push(`l10n/bundle.l10n.json lacks ${shorten(key)}, which src/ uses: run npm run l10n:export, then translate it`);
    for (const key of gone) problems.push(`l10n/bundle.l10n.json has ${shorten(key)}, which src/ no longer uses: run npm run l10n:export`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const bundle = join(root, 'l10n', 'bundle.l10n.json');
checkBundleCurrent(bundle);
let checked = 0;
const translations = [];
for (const [dir, pattern, english] of [
  [root, /^package\.nls\.[\w-]+\.json$/, join(root, 'package.nls.json')],
  [join(root, 'l10n'), /^bundle\.l10n\.[\w-]+\.json$/, bundle],
]) {
  for (const file of existsSync(dir) ? readdirSync(dir).filter((name) => pattern.test(name)).sort() : []) {
    checked += checkTranslation(english, join(dir, file));
    translations.push(file);
  }
}
// The users write Indonesian: its translation must exist, not just be complete when present.
for (const required of ['package.nls.id.json', 'bundle.l10n.id.json']) {
  if (!translations.includes(required)) problems.push(`${required} is missing: the Indonesian translation is required`);
}

if (problems.length) {
  console.error(`check-l10n: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`check-l10n: bundle current with src/; ${translations.join(', ')} complete (${checked} strings, placeholders equal)`);
