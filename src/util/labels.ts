// Display text shared by the tree, the status bar and the quick pick.
import * as vscode from 'vscode';
import type { Progress, Week } from '../core/tracker/model';

/** Whole percent done. Floored, so 99.6 % never shows as 100 % while a task is still open. */
export function percent({ done, total }: Progress): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}

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
