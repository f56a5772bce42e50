// The languagepacks.json that VS Code keeps in its user-data dir, written for the language packs installed in an
// extensions dir. VS Code offers a display language only through this file: at start it looks the locale up
// here, builds its messages from the pack's "vscode" translations, and only then reads the extensions'
// package.nls.<locale>.json and l10n/bundle.l10n.<locale>.json. code-server refreshes the file when a pack is
// installed while it runs; a fresh user-data dir (one per scenario) has none, so it is written before start in
// the same shape (vs/platform/languagePacks/node/languagePacks.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The installed extensions of `extensionsDir` that contribute localizations, as [{ dir, manifest }]. */
function installedLanguagePacks(extensionsDir) {
  if (!existsSync(extensionsDir)) return [];
  return readdirSync(extensionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(extensionsDir, entry.name, 'package.json')))
    .map((entry) => ({ dir: join(extensionsDir, entry.name), manifest: JSON.parse(readFileSync(join(extensionsDir, entry.name, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.contributes?.localizations?.length);
}

/** Writes `<userDataDir>/languagepacks.json` for every pack in `extensionsDir`; returns the language ids. */
export function writeLanguagePacks(userDataDir, extensionsDir) {
  const packs = {};
  for (const { dir, manifest } of installedLanguagePacks(extensionsDir)) {
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    for (const localization of manifest.contributes.localizations) {
      const pack = (packs[localization.languageId] ??= { hash: '', extensions: [], translations: {}, label: localization.localizedLanguageName ?? localization.languageName });
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
      for (const translation of localization.translations ?? []) pack.translations[translation.id] = join(dir, translation.path);
    }
  }
  for (const pack of Object.values(packs)) {
    // VS Code keys its cache of built messages (user-data/clp/<hash>.<locale>) by this hash.
    const hash = createHash('md5');
    for (const extension of pack.extensions) hash.update(extension.extensionIdentifier.id).update(extension.version);
    pack.hash = hash.digest('hex');
  }
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(join(userDataDir, 'languagepacks.json'), `${JSON.stringify(packs, null, 2)}\n`);
  return Object.keys(packs);
}
