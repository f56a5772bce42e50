import { dirname, join, resolve } from 'node:path';
import { aggregatedNumbers } from '../core/checks/aggregated';
import { runChecks } from '../core/checks/runChecks';
import type { AggregatedNumbers, EvidenceAccess } from '../core/checks/types';
import { LocustReadError } from '../core/locust/errors';
import { readLocustFileSync } from '../core/locust/files';
import { createEvidenceIndex } from '../core/evidence/resolve';
import { parseTracker, splitLines } from '../core/tracker/parse';
import { CliError, readTextFile } from './io';
import { listWorkspaceFiles, posixRelative } from './workspaceFiles';

const USAGE = 'check FILE [--json] [--workspace DIR]';

interface CheckArgs {
  file: string;
  json: boolean;
  workspace: string;
}

function parseArgs(args: readonly string[]): CheckArgs {
  const files: string[] = [];
  let json = false;
  let workspace: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--workspace') {
      workspace = args[++i];
      if (!workspace) throw new CliError(`check: --workspace needs a folder (usage: ${USAGE})`);
    } else if (args[i].startsWith('--')) throw new CliError(`check: unknown option ${args[i]} (usage: ${USAGE})`);
    else files.push(args[i]);
  }
  if (files.length !== 1) throw new CliError(`check: expected exactly one FILE (usage: ${USAGE})`);
  return { file: files[0], json, workspace: workspace ?? dirname(files[0]) };
}

/** evidence-drift's view of a cited `_stats.csv`: its Aggregated row, or undefined when it cannot be read. */
function statsReader(root: string): (path: string) => AggregatedNumbers | undefined {
  const cache = new Map<string, AggregatedNumbers | undefined>();
  return (path) => {
    if (!/_stats\.csv$/i.test(path)) return undefined;
    if (!cache.has(path)) {
      let numbers: AggregatedNumbers | undefined;
      try {
        const result = readLocustFileSync(join(root, ...path.split('/')));
        numbers = result.kind === 'stats' ? aggregatedNumbers(result) : undefined;
      } catch (error) {
        // An unreadable CSV is not a drift; `stats FILE` says what is wrong with it.
        if (!(error instanceof LocustReadError)) throw error;
      }
      cache.set(path, numbers);
    }
    return cache.get(path);
  };
}

/** Exit 1 when any finding has error severity, so the command can gate a pipeline. */
export function checkCommand(args: readonly string[], write: (text: string) => void): number {
  const { file, json, workspace } = parseArgs(args);
  const text = readTextFile(file);
  const root = resolve(workspace);
  const trackerPath = posixRelative(root, resolve(file));
  const index = createEvidenceIndex(trackerPath, listWorkspaceFiles(root));
  const evidence: EvidenceAccess = { resolve: index.resolve, fileNames: index.fileNames, aggregated: statsReader(root) };
  const findings = runChecks({ text, lines: splitLines(text), model: parseTracker(text), evidence });
  const diagnostics = findings.map((f) => ({ rule: f.rule, severity: f.severity, line: f.line + 1, column: f.startColumn + 1, message: f.message }));
  if (json) {
    write(JSON.stringify({ file, diagnostics }, null, 2));
  } else {
    for (const d of diagnostics) write(`${file}:${d.line}:${d.column}: ${d.severity} [${d.rule}] ${d.message}`);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    write(`${diagnostics.length} findings, ${errors} errors`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
