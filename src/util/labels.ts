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

/** "Week 2": the tree's label for a week, short so that the progress beside it is never cut off. */
export function weekShortLabel(week: Week): string {
  return vscode.l10n.t('Week {0}', week.number);
}

/** The week's title without its "WEEK N:" prefix ("TIER 1 STABILIZATION"), or '' when it has nothing else. */
export function weekTitle(week: Week): string {
  return plainText(week.title.replace(/^week\s*\d+\s*[:.\-–—]?\s*/i, ''));
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
