// A new tracker in the sample tracker's own style: weeks as `### WEEK N:` headings with a goal and exit
// criteria, days as `####`, tasks as checkboxes and a `**Week N Status**` line. Short on purpose: enough to show
// what the extension reads, nothing to delete. Its claims agree with its checkboxes, so `check` is quiet.
import * as l10n from '@vscode/l10n';

/** The template's text for a programme starting on `startDate` (YYYY-MM-DD), with `eol` line ends. */
export function trackerTemplate(startDate: string, eol: '\n' | '\r\n' = '\n'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) throw new Error(`startDate must be YYYY-MM-DD, got ${JSON.stringify(startDate)}`);
  const lines = [
    `# ${l10n.t('Master Execution Tracker - Performance Programme (2 Weeks)')}`,
    '',
    `**Start Date**: ${startDate}`,
    '**Status**: IN PROGRESS',
    '',
    '---',
    '',
    '## WEEKLY MILESTONES',
    '',
    `### WEEK 1: ${l10n.t('BASELINE')} (IN PROGRESS)`,
    '',
    `**Goal**: ${l10n.t('Measure where the system stands today')}`,
    // Criteria stay in the syntax the checks read, in any language.
    '**Exit Criteria**: P95 <500ms, Error Rate <1%',
    '',
    `#### Day 1 (${startDate}) - ${l10n.t('Setup')}`,
    `- [ ] ${l10n.t('Write the first Locust scenario (login, dashboard, one API)')}`,
    `- [ ] ${l10n.t('Run a 10-user smoke test')}`,
    `- [ ] ${l10n.t('Run the 100-user baseline and record it under this week')}`,
    '',
    `**Week 1 Status**: IN PROGRESS`,
    '',
    '---',
    '',
    `### WEEK 2: ${l10n.t('FIRST FIXES')}`,
    '',
    `**Goal**: ${l10n.t('Fix the biggest bottleneck the baseline shows')}`,
    '**Exit Criteria**: P95 <300ms, Error Rate <1%',
    '',
    `- [ ] ${l10n.t('Profile the slowest endpoint')}`,
    `- [ ] ${l10n.t('Fix it and rerun the load test')}`,
    `- [ ] ${l10n.t('Compare the new run with the baseline')}`,
    '',
    `**Week 2 Status**: PENDING`,
    '',
  ];
  return lines.join(eol);
}
