// The request a click in the Markdown preview sends to the extension: which task line of which document, and
// the state the user asked for. It travels as one base64url query value because the URI passes through the
// preview, the markdown extension and VS Code's opener, each of which may decode and re-encode the query; only
// [A-Za-z0-9_-] survives all of them unchanged. Shared by the preview script (browser) and the host (Node), so it
// uses TextEncoder/TextDecoder only.

export interface PreviewToggleRequest {
  /** The document URI as the preview knows it (`Uri.toString()`). */
  readonly document: string;
  /** 0-based line of the task, as rendered. */
  readonly line: number;
  /** The full source line as rendered; the host re-checks it against the document before editing. */
  readonly lineText: string;
  /** The state the user asked for. */
  readonly checked: boolean;
  /** The per-session secret the preview was rendered with; URIs from anywhere else do not carry it. */
  readonly token: string;
}

export const TOGGLE_PATH = '/toggle';
export const TOGGLE_QUERY_KEY = 'p';

// Far above any real line and any real document URI; a payload beyond this is not from our preview.
const MAX_LINE_TEXT = 10_000;
const MAX_DOCUMENT = 4_096;
const MAX_LINE = 10_000_000;
const TOKEN = /^[0-9a-f]{32}$/;

export function encodeToggleRequest(request: PreviewToggleRequest): string {
  const json = JSON.stringify({ v: 1, d: request.document, l: request.line, t: request.lineText, c: request.checked, k: request.token });
  return toBase64Url(new TextEncoder().encode(json));
}

export type DecodedToggleRequest = { readonly ok: true; readonly request: PreviewToggleRequest } | { readonly ok: false; readonly reason: string };

/** Decodes and validates the shape; never throws. Whether the document, line and token are right is the host's job. */
export function decodeToggleRequest(value: string | null | undefined): DecodedToggleRequest {
  if (typeof value !== 'string' || value.length === 0) return { ok: false, reason: 'the request is empty' };
  if (value.length > 4 * (MAX_LINE_TEXT + MAX_DOCUMENT)) return { ok: false, reason: 'the request is too long' };
  let parsed: unknown;
  try {
    const bytes = fromBase64Url(value);
    if (!bytes) return { ok: false, reason: 'the request is not base64url' };
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: 'the request is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, reason: 'the request is not an object' };
  const { v, d, l, t, c, k } = parsed as Record<string, unknown>;
  if (v !== 1) return { ok: false, reason: 'unknown request version' };
  if (typeof d !== 'string' || d.length === 0 || d.length > MAX_DOCUMENT) return { ok: false, reason: 'the document is missing or too long' };
  if (typeof l !== 'number' || !Number.isInteger(l) || l < 0 || l > MAX_LINE) return { ok: false, reason: 'the line is not a line number' };
  if (typeof t !== 'string' || t.length > MAX_LINE_TEXT || /[\r\n]/.test(t)) return { ok: false, reason: 'the line text is not a single line' };
  if (typeof c !== 'boolean') return { ok: false, reason: 'the requested state is not true or false' };
  if (typeof k !== 'string' || !TOKEN.test(k)) return { ok: false, reason: 'the request carries no valid token' };
  return { ok: true, request: { document: d, line: l, lineText: t, checked: c, token: k } };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += ALPHABET[n & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let length = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, length);
}
