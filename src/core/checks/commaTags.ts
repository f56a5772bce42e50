// `--tags api,page`: Locust reads that as ONE tag named "api,page", so no task matches and the run is wasted.
import * as l10n from '@vscode/l10n';
import type { CheckInput, RawFinding } from './types';

const COMMA_TAGS = /(?<![\w-])(--tags|--exclude-tags|-T|-E)(\s+|=)([\w-]+(?:,[\w-]+)+)/g;

export function checkCommaTags({ lines }: CheckInput): RawFinding[] {
  const findings: RawFinding[] = [];
  lines.forEach((text, line) => {
    if (!text.includes(',') || !text.includes('-')) return;
    for (const match of text.matchAll(COMMA_TAGS)) {
      const valueStart = match.index + match[1].length + match[2].length;
      const spaced = match[3].split(',').join(' ');
      findings.push({
        rule: 'comma-tags',
        line,
        startColumn: match.index,
        endColumn: valueStart + match[3].length,
        message: l10n.t('Locust takes "{0}" as a single tag, so no task runs; pass the tags separated by spaces: {1} {2}.', match[3], match[1], spaced),
        fixes: [{ title: l10n.t('Separate the tags with spaces ({0} {1})', match[1], spaced), edits: [{ line, startColumn: match.index + match[1].length, endColumn: valueStart + match[3].length, newText: ` ${spaced}` }] }],
      });
    }
  });
  return findings;
}
