import { basename } from 'node:path';
import { parseTracker } from '../core/tracker/parse';
import { formatSummary, summarizeTracker } from '../core/tracker/summary';
import { CliError, readTextFile } from './io';

export function summaryCommand(args: readonly string[], write: (text: string) => void): number {
  const json = args.includes('--json');
  const includeTemplates = args.includes('--include-templates');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--json' && arg !== '--include-templates');
  if (unknown.length) throw new CliError(`summary: unknown option ${unknown[0]}`);
  if (files.length !== 1) throw new CliError('summary: expected exactly one FILE (usage: summary FILE [--json] [--include-templates])');
  const model = parseTracker(readTextFile(files[0]), { excludeTemplates: !includeTemplates });
  const summary = summarizeTracker(json ? files[0] : basename(files[0]), model);
  write(json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  return 0;
}
