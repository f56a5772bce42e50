// The one answer to "what is this markdown file's tracker model now": an entry per uri, keyed by where its text
// came from (an open document's version, or a file's mtime and size) plus the options that shape the model.
// Every feature, the tracker store and the findings read entries from here, so no one keeps a model of their
// own that could lag the text (markdown-language-features keeps its per-document info the same way, in
// MdDocumentInfoCache). Parsing is synchronous, incremental for open documents (core TrackerParseCache), and
// happens at most once per key; an entry for an older key is replaced, never returned.
import type * as vscode from 'vscode';
import type { ParseOptions, TrackerModel } from '../core/tracker/model';
import { TrackerParseCache, type TextChange } from '../core/tracker/parseCache';
import { createEntry, type TrackerEntry } from './trackerEntry';

/** What this service needs of a vscode.TextDocument (unit tests pass plain objects). */
export interface DocumentLike {
  readonly uri: vscode.Uri;
  readonly version: number;
  getText(): string;
}

/** How text becomes a model (unit tests count calls through it). */
export type TrackerParser = (text: string, options: ParseOptions) => TrackerModel;

export class TrackerDocuments {
  private readonly entries = new Map<string, TrackerEntry>();
  /**
   * Open documents' last parses plus the edits VS Code reported since (issue 14's incremental parse): a new
   * version re-parses only the sections an edit touched. Without a parser given, every parse goes through it.
   */
  private readonly parses = new TrackerParseCache();

  constructor(
    /** The options that shape the model, read on every call so a changed setting is a new key. */
    private readonly options: () => ParseOptions,
    private readonly parser?: TrackerParser,
  ) {}

  /** A document's change event (the store forwards them): the next parse of that version can be incremental. */
  noteChanges(uri: vscode.Uri, version: number, changes: readonly TextChange[]): void {
    this.parses.noteChanges(uri.toString(), version, changes);
  }

  /** The entry of an open document at its current version. */
  forDocument(document: DocumentLike): TrackerEntry {
    return this.entry(document.uri, `doc:${document.version}`, document.version, () => document.getText());
  }

  /** The entry of a file's text as read from disk; `textKey` says which bytes (e.g. `disk:<mtime>:<size>`). */
  forText(uri: vscode.Uri, textKey: string, text: () => string): TrackerEntry {
    return this.entry(uri, textKey, undefined, text);
  }

  /** The entry for this exact text key, when it is the one held (the disk read can be skipped). */
  cached(uri: vscode.Uri, textKey: string): TrackerEntry | undefined {
    const entry = this.entries.get(uri.toString());
    return entry?.key === this.key(textKey) ? entry : undefined;
  }

  /** Drops a uri's entry (its document closed: the next read is from disk). */
  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
    this.parses.forget(uri.toString());
  }

  private entry(uri: vscode.Uri, textKey: string, version: number | undefined, text: () => string): TrackerEntry {
    const id = uri.toString();
    const key = this.key(textKey);
    const previous = this.entries.get(id);
    if (previous?.key === key) return previous;
    const options = this.options();
    const source = text();
    const model = this.parser ? this.parser(source, options) : this.parses.parse(id, version, source, options).model;
    const entry = createEntry(uri, key, version, source, model);
    this.entries.set(id, entry);
    return entry;
  }

  private key(textKey: string): string {
    return `${textKey}|templates:${this.options().excludeTemplates === false ? 'counted' : 'excluded'}`;
  }
}
