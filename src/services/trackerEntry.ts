// A parsed tracker together with the exact text it was parsed from, so edits computed from the model can be
// re-checked against the document as it is now.
import type * as vscode from 'vscode';
import { parseTracker } from '../core/tracker/parse';
import type { ParseOptions, TrackerModel } from '../core/tracker/model';

export interface TrackerEntry {
  readonly uri: vscode.Uri;
  /** What the text came from: `doc:<version>` for an open document, `disk:<mtime>:<size>` for a closed file. */
  readonly key: string;
  /** The document version parsed, when the text came from an open document. */
  readonly documentVersion: number | undefined;
  readonly model: TrackerModel;
  /** A line of the parsed text (0-based), or undefined past the end. */
  lineAt(line: number): string | undefined;
}

// VS Code counts `\r\n`, `\n` and a lone `\r` as line breaks; so does markdown-it. Stay aligned with both.
const LINE_BREAK = /\r\n|\r|\n/;

/** `model`: when the caller already has it (the store's incremental parse of an open document). */
export function createEntry(uri: vscode.Uri, key: string, documentVersion: number | undefined, text: string, options: ParseOptions, model: TrackerModel = parseTracker(text, options)): TrackerEntry {
  let lines: string[] | undefined;
  return {
    uri,
    key,
    documentVersion,
    model,
    lineAt(line: number): string | undefined {
      // Split lazily: most entries are only ever read through the model.
      lines ??= text.split(LINE_BREAK);
      return line >= 0 && line < lines.length ? lines[line] : undefined;
    },
  };
}

export function documentKey(document: vscode.TextDocument): string {
  return `doc:${document.version}`;
}

/** Text read from disk. TextDecoder drops a leading byte-order mark, as an open document's text does. */
export function decodeFileText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
