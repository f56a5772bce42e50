// src/core cannot import vscode, so its user-visible strings (findings, validation, Locust file notes) go through
// @vscode/l10n. Handing it the bundle VS Code loaded for the display language (l10n/bundle.l10n.<lang>.json)
// makes them speak that language in the editor; the CLI never configures it and stays in English.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

export function configureCoreL10n(): void {
  const bundle = vscodeL10nBundle();
  if (bundle) l10n.config({ contents: bundle });
}

/** The strings VS Code loaded for the display language, if any (worker threads are handed them too). */
export function vscodeL10nBundle(): Record<string, string> | undefined {
  const bundle = vscode.l10n.bundle;
  return bundle && typeof bundle === 'object' ? (bundle as Record<string, string>) : undefined;
}
