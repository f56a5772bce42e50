// Headings and "**Week N Status**:" lines that claim a status their checkboxes contradict.
import * as l10n from '@vscode/l10n';
import { claimContradiction, claimedStatusWord as statusWord, describeContradiction } from '../tracker/claims';
import type { ClaimedStatus, Progress } from '../tracker/model';
import type { CheckInput, RawFinding } from './types';

function contradiction(status: ClaimedStatus, progress: Progress): string | undefined {
  const found = claimContradiction(status, progress);
  return found && describeContradiction(found);
}

export function checkStatusClaims({ lines, model }: CheckInput): RawFinding[] {
  const findings: RawFinding[] = [];
  const whole = (line: number) => ({ line, startColumn: 0, endColumn: lines[line]?.length ?? 0 });
  const weekStatusLines = new Set(model.weeks.flatMap((w) => (w.statusLine ? [w.statusLine.line] : [])));

  model.headings.forEach((heading) => {
    // A "**Week N Status**" line above `---` is a setext heading; it is judged as the week's status line below.
    if (weekStatusLines.has(heading.line) || heading.excluded) return;
    const why = contradiction(heading.status, heading.progress);
    if (why) findings.push({ rule: 'status-claim', ...whole(heading.line), message: l10n.t('"{0}" {1}.', heading.title, why) });
  });

  for (const week of model.weeks) {
    if (!week.statusLine) continue;
    const { line, status } = week.statusLine;
    const why = contradiction(status, week.progress);
    if (why) findings.push({ rule: 'status-claim', ...whole(line), message: l10n.t('Week {0} status line {1}.', week.number, why) });
    if (week.status !== 'unknown' && status !== 'unknown' && status !== week.status) {
      findings.push({
        rule: 'status-claim',
        ...whole(line),
        message: l10n.t('Week {0} heading (line {1}) says {2} but its status line says {3}.', week.number, week.line + 1, statusWord(week.status), statusWord(status)),
      });
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}
