// A small in-memory document and workspace for the services' unit tests (markdown-language-features tests its
// services the same way, with an in-memory workspace): documents with versions, and events that count listeners.
import type * as vscode from 'vscode';
import type { DocumentLike } from '../../src/services/trackerDocuments';

export function fakeUri(path: string): vscode.Uri {
  const text = `file://${path}`;
  return { path, fsPath: path, toString: () => text } as unknown as vscode.Uri;
}

export class FakeDocument implements DocumentLike {
  version = 1;
  reads = 0;
  constructor(
    readonly uri: vscode.Uri,
    private text: string,
  ) {}

  getText(): string {
    this.reads++;
    return this.text;
  }

  /** An edit: new text, next version (as VS Code bumps it). */
  edit(text: string): void {
    this.text = text;
    this.version++;
  }
}

/** An event like vscode.EventEmitter's, without vscode. */
export class FakeEvent {
  private readonly listeners = new Set<() => unknown>();
  readonly event = (listener: () => unknown) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(): void {
    for (const listener of [...this.listeners]) listener();
  }

  get size(): number {
    return this.listeners.size;
  }
}

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
