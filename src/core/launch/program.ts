// A configured program (a path, or a command with arguments) checked and split into the command and the
// arguments that go before the builder's own. Settings and CLI flags are untrusted, so each part is validated
// like any other argv item.
import * as l10n from '@vscode/l10n';
import type { Program } from './types';
import { LaunchInputError, quoteForMessage, unsafeReason } from './validate';

/** Why `value` cannot be used as a program, or undefined when it can. */
export function programProblem(value: unknown): string | undefined {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : undefined;
  if (!parts || parts.length === 0) return l10n.t('expected a path, or a list of the command and its arguments');
  for (const part of parts) {
    if (typeof part !== 'string') return l10n.t('expected text, got {0}', typeof part);
    const problem = unsafeReason(part);
    if (problem) return problem;
  }
  const first = parts[0] as string;
  if (first.trim() === '') return l10n.t('the command is empty');
  if (first.startsWith('-')) return l10n.t('{0} starts with "-" and would be read as an option', quoteForMessage(first));
  return undefined;
}

/** The command and its leading arguments; `fallback` when nothing is configured. Throws naming `field`. */
export function splitProgram(field: string, value: Program | undefined, fallback: string): { command: string; prefix: string[] } {
  if (value === undefined) return { command: fallback, prefix: [] };
  const problem = programProblem(value);
  if (problem) throw new LaunchInputError(field, problem);
  const [command, ...prefix] = typeof value === 'string' ? [value] : value;
  return { command, prefix };
}

/** How a program is shown in messages and settings hints. */
export function programParts(value: Program): string[] {
  return typeof value === 'string' ? [value] : [...value];
}
