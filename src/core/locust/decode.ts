// Bytes -> text for Locust files. Locust opens its files without encoding=, so they are in the writer's locale
// encoding: UTF-8 on Linux/macOS, cp1252 or GBK on Windows (a real GBK file is in the fixtures).
import * as l10n from '@vscode/l10n';
import { LocustReadError } from './errors';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** NUL bytes never occur in Locust text output, in any of the encodings above. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}

function tryDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Picks the first encoding that decodes the sample without error: UTF-8, then GB18030 (a superset of GBK),
 * then windows-1252, which accepts any byte, so this never fails.
 */
export function detectEncoding(sample: Uint8Array): TextEncodingName {
  // A chunk may end inside a multi-byte character: judge only up to the last newline.
  const end = sample.lastIndexOf(10);
  const whole = end > 0 && end < sample.length - 1 ? sample.subarray(0, end + 1) : sample;
  if (tryDecode('utf-8', whole) !== null) return 'utf-8';
  if (tryDecode('gb18030', whole) !== null) return 'gb18030';
  return 'windows-1252';
}

export function decodeLocustBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new LocustReadError(file, l10n.t('file is empty, expected a Locust result (CSV or HTML report)'));
  if (looksBinary(bytes)) throw new LocustReadError(file, l10n.t('looks binary (contains NUL bytes), expected a Locust CSV or HTML report'));
  const encoding = detectEncoding(bytes);
  // ignoreBOM: false strips a leading UTF-8 BOM; non-fatal so odd bytes become U+FFFD rather than failing.
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  return { text, encoding };
}

export function encodingNote(encoding: TextEncodingName): string[] {
  if (encoding === 'utf-8') return [];
  return [l10n.t('Text is not UTF-8; decoded as {0} (Locust writes files in the machine\'s locale encoding; run it with PYTHONUTF8=1 on Windows).', encoding)];
}
