// A parsed tracker together with the exact text it was parsed from, so edits computed from the model can be
// re-checked against the document as it is now, and findings read the same text the model came from.
import type * as vscode from 'vscode';
import { splitLines } from '../core/tracker/parse';
import type { TrackerModel } from '../core/tracker/model';

export interface TrackerEntry {
  readonly uri: vscode.Uri;
  /** What the text came from and how it was parsed: `doc:<version>|…` or `disk:<mtime>:<size>|…`. */
  readonly key: string;
  /** The document version parsed, when the text came from an open document. */
  readonly documentVersion: number | undefined;
  readonly model: TrackerModel;
  /** The text parsed. */
  readonly text: string;
  /** Its lines, split as VS Code and markdown-it split them (`\r\n`, `\n`, a lone `\r`). */
  lines(): readonly string[];
  /** A line of the parsed text (0-based), or undefined past the end. */
  lineAt(line: number): string | undefined;
}

export function createEntry(uri: vscode.Uri, key: string, documentVersion: number | undefined, text: string, model: TrackerModel): TrackerEntry {
  let lines: string[] | undefined;
  // Split lazily: most entries are only ever read through the model.
  const all = () => (lines ??= splitLines(text));
  return {
    uri,
    key,
    documentVersion,
    model,
    text,
    lines: all,
    lineAt(line: number): string | undefined {
      const split = all();
      return line >= 0 && line < split.length ? split[line] : undefined;
    },
  };
}

/** Text read from disk. TextDecoder drops a leading byte-order mark, as an open document's text does. */
export function decodeFileText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
