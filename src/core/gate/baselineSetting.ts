// The pinned baseline lives in the workspace's settings (`executionTracker.baselineRun` in .vscode/settings.json),
// where the CLI in CI can read it too, and a reviewer sees it change in a diff. VS Code writes that file as
// JSON with comments, so it is read with jsonc-parser, never JSON.parse.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export const BASELINE_SETTING = 'executionTracker.baselineRun';

/** The pinned run id, undefined when none is set; throws with a one-line reason when the file does not parse. */
export function readBaselineSetting(text: string, file: string): string | undefined {
  if (text.trim() === '') return undefined; // VS Code treats an empty settings file as no settings
  const errors: ParseError[] = [];
  const settings: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const first = errors[0];
    const line = text.slice(0, first.offset).split('\n').length;
    throw new Error(`${file}:${line}: not valid JSON (${printParseErrorCode(first.error)})`);
  }
  if (typeof settings !== 'object' || settings === null) return undefined;
  const value = (settings as Record<string, unknown>)[BASELINE_SETTING];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
