// `pytest` command lines: arguments as given, optional coverage, optionally inside a compose service. Results
// are read back from files pytest writes itself (--junitxml, --cov-report=xml:...), never scraped from a
// terminal, so the task stays a plain ProcessExecution.
import * as l10n from '@vscode/l10n';
import { splitArgs } from './args';
import { inService } from './compose';
import type { Binaries, CommandLine } from './types';
import { LaunchInputError, nameProblem, pathProblem, requireValid, unsafeReason } from './validate';
import { optionalBoolean, optionalString } from './values';

/** The `pytest` task definition (tasks.json). */
export interface PytestDefinition {
  /** Arguments passed to pytest as they are (an array, or one string split on spaces honouring quotes). */
  readonly args?: string | readonly string[];
  /** true: `--cov`; a package name: `--cov=NAME`. */
  readonly coverage?: boolean | string;
  readonly composeService?: string;
  readonly composeFiles?: readonly string[];
  readonly composeProfiles?: readonly string[];
  readonly composeEnvFile?: string;
}

/** Where the extension asks pytest to write its machine-readable results. */
export interface PytestReportFiles {
  readonly junitXml?: string;
  readonly coverageXml?: string;
}

function readArgs(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const args = typeof value === 'string' ? splitArgs(value) : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  if (!args) throw new LaunchInputError('args', l10n.t('expected an array of strings or one string'));
  for (const arg of args) {
    const problem = unsafeReason(arg);
    if (problem) throw new LaunchInputError('args', problem);
  }
  return args;
}

export function buildPytestCommand(def: Record<string, unknown>, binaries: Binaries = {}, reports: PytestReportFiles = {}): CommandLine {
  const args = readArgs(def.args);
  const coverage = typeof def.coverage === 'string' && def.coverage !== 'true' && def.coverage !== 'false' ? def.coverage : optionalBoolean('coverage', def.coverage);
  if (typeof coverage === 'string') args.push(`--cov=${requireValid('coverage', coverage, nameProblem)}`);
  else if (coverage) args.push('--cov');
  if (reports.junitXml) args.push(`--junitxml=${requireValid('junitXml', reports.junitXml, pathProblem)}`);
  if (coverage) {
    args.push('--cov-report=term');
    if (reports.coverageXml) args.push(`--cov-report=xml:${requireValid('coverageXml', reports.coverageXml, pathProblem)}`);
  }
  const line: CommandLine = { command: binaries.pytest ?? 'pytest', args };
  const service = optionalString('composeService', def.composeService);
  if (service === undefined || service === '') return line;
  // Inside the container the program is the container's own pytest, whatever the host setting says.
  return inService({ files: def.composeFiles, profiles: def.composeProfiles, envFile: def.composeEnvFile }, service, { command: 'pytest', args }, binaries);
}
