// Splitting one argument string into argv items without a shell, shared by pytest arguments and a custom
// compose command line.
import { LaunchInputError } from './validate';

/**
 * Splits an argument string the way a user expects (`tests -k "a and b"` is three items), without a shell:
 * quotes group, nothing is expanded. An unterminated quote is an error.
 */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let inArg = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inArg = true;
    } else if (/\s/.test(ch)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += ch;
      inArg = true;
    }
  }
  if (quote) throw new LaunchInputError('args', `unterminated ${quote} quote`);
  if (inArg) args.push(current);
  return args;
}
