// Reading untyped definition values (tasks.json is arbitrary JSON from the workspace; CLI flags are strings)
// into the types the builders need, with one clear error per wrong value.
import * as l10n from '@vscode/l10n';
import { LaunchInputError, splitList, unsafeReason } from './validate';

export function optionalString(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new LaunchInputError(field, l10n.t('expected text, got {0}', typeof value));
  return value;
}

/** A list given as an array of strings or as one string with commas or spaces. */
export function optionalList(field: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
  if (items) {
    // Checked before splitting: a line break would otherwise just separate two harmless-looking names.
    for (const item of items) {
      const problem = unsafeReason(item);
      if (problem) throw new LaunchInputError(field, problem);
    }
    return splitList(items);
  }
  throw new LaunchInputError(field, l10n.t('expected a list of names (an array of strings, or one string separated by commas or spaces)'));
}

/** A list whose items are kept whole (file paths may contain spaces); empty items are dropped. */
export function optionalPaths(field: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return (value as string[]).filter((item) => item !== '');
  throw new LaunchInputError(field, l10n.t('expected a list of paths (an array of strings)'));
}

export function optionalBoolean(field: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new LaunchInputError(field, l10n.t('expected true or false, got {0}', JSON.stringify(value)));
}

/** `{ "NAME": "value" }`; values must be strings (numbers are converted) and safe. */
export function optionalEnv(field: string, value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new LaunchInputError(field, l10n.t('expected an object of NAME: "value" pairs'));
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new LaunchInputError(field, l10n.t('{0} is not an environment variable name', JSON.stringify(name)));
    if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw)) && typeof raw !== 'boolean') {
      throw new LaunchInputError(`${field}.${name}`, l10n.t('expected text'));
    }
    const text = String(raw);
    const problem = unsafeReason(text);
    if (problem) throw new LaunchInputError(`${field}.${name}`, problem);
    // Locust exits 2 on an empty LOCUST_* variable ("Unexpected value"), so an empty value is left out instead.
    if (text === '' && name.startsWith('LOCUST_')) continue;
    out[name] = text;
  }
  return out;
}
