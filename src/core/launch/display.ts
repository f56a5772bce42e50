// A command line as text for people (logs, CLI output, task details): POSIX-quoted so it can be pasted into a
// terminal and means the same argv. Never executed by the extension.
import type { CommandLine } from './types';

export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function formatCommandLine(line: CommandLine): string {
  const env = Object.entries(line.env ?? {}).map(([key, value]) => `${key}=${shellQuote(value)}`);
  return [...env, shellQuote(line.command), ...line.args.map(shellQuote)].join(' ');
}
