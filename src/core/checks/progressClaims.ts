// "[#####-----] 50% Complete", "**Progress**: 100% COMPLETE" and "(100% overall)" against the checkboxes.
import * as l10n from '@vscode/l10n';
import { percent } from '../tracker/progress';
import type { Progress, TrackerModel } from '../tracker/model';
import type { CheckInput, RawFinding, TextEdit } from './types';

const BAR = /\[([#=█▓■*]*)([-.\s░▒□_]*)\]\s*(\d{1,3}(?:\.\d+)?)\s*%/u;
const COMPLETE_CLAIM = /(\d{1,3}(?:\.\d+)?)\s*%\s*(?:complete|done)\b/i;
// "(60% → 70% overall)": the last number is the claim.
const OVERALL_CLAIM = /(\d{1,3}(?:\.\d+)?)\s*%\s*overall\b/i;

/** Counted tasks in the scope of the heading that holds `line`, or the whole file when that scope has none. */
function scopeOf(model: TrackerModel, line: number): { progress: Progress; name: string } {
  let best = -1;
  model.headings.forEach((heading, index) => {
    if (heading.line <= line && line < heading.endLine) best = index;
  });
  const heading = best >= 0 ? model.headings[best] : undefined;
  if (!heading || heading.progress.total === 0) return { progress: model.counted, name: l10n.t('the whole tracker') };
  return { progress: heading.progress, name: `"${heading.title}"` };
}

function finding(line: number, start: number, end: number, claimed: number, actual: Progress, scope: string, edits: TextEdit[]): RawFinding {
  const computed = percent(actual);
  return {
    rule: 'progress-claim',
    line,
    startColumn: start,
    endColumn: end,
    message: l10n.t('Claims {0}% but {1} has {2}/{3} tasks done ({4}%).', claimed, scope, actual.done, actual.total, computed),
    fixes: [{ title: l10n.t('Update the claim to {0}%', computed), edits }],
  };
}

export function checkProgressClaims({ lines, model }: CheckInput): RawFinding[] {
  const findings: RawFinding[] = [];
  lines.forEach((text, line) => {
    if (!text.includes('%')) return;
    const bar = BAR.exec(text);
    // "- [ ] 80% cache hit" is a task, not a bar: a bar is at least three cells wide.
    if (bar && bar[1].length + bar[2].length >= 3) {
      const { progress, name } = scopeOf(model, line);
      const computed = percent(progress);
      const claimed = Number(bar[3]);
      if (claimed !== computed) {
        const width = bar[1].length + bar[2].length;
        const filled = Math.round((computed / 100) * width);
        const fill = (bar[1][0] ?? '#').repeat(filled) + (bar[2][0] ?? '-').repeat(width - filled);
        const start = bar.index;
        const newText = `[${fill}] ${computed}%`;
        const oldLength = bar[0].length;
        findings.push(finding(line, start, start + oldLength, claimed, progress, name, [{ line, startColumn: start, endColumn: start + oldLength, newText }]));
      }
      return;
    }
    const complete = COMPLETE_CLAIM.exec(text);
    if (complete) {
      const { progress, name } = scopeOf(model, line);
      const claimed = Number(complete[1]);
      if (progress.total > 0 && claimed !== percent(progress)) {
        const start = complete.index;
        const end = start + complete[1].length;
        findings.push(finding(line, start, start + complete[0].length, claimed, progress, name, [{ line, startColumn: start, endColumn: end, newText: String(percent(progress)) }]));
      }
      return;
    }
    // "(N% overall)" on a week's status line is a snapshot of its day; only a claim of being finished is
    // judged against today's checkboxes, since no later work can make "100% overall" true retroactively.
    const overall = OVERALL_CLAIM.exec(text);
    if (overall && Number(overall[1]) >= 100 && model.counted.done < model.counted.total) {
      const start = overall.index;
      const computed = percent(model.counted);
      findings.push(finding(line, start, start + overall[0].length, Number(overall[1]), model.counted, l10n.t('the whole tracker'), [{ line, startColumn: start, endColumn: start + overall[1].length, newText: String(computed) }]));
    }
  });
  return findings;
}
