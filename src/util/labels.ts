// Display text shared by the tree, the status bar and the quick pick.
import * as vscode from 'vscode';
import type { Week } from '../core/tracker/model';

export { percent } from '../core/tracker/progress';

export function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

export function weekLabel(week: Week): string {
  // Titles may or may not repeat the "Week N" prefix; show it exactly once.
  return /^week\s*\d/i.test(week.title) ? week.title : vscode.l10n.t('Week {0}: {1}', week.number, week.title);
}

/** A label without the common inline markdown: `**bold**`, `__bold__`, `~~strike~~`, `` `code` ``, `[text](url)`. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
