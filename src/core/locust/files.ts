// File access for the Locust readers: small files read whole, history files streamed in chunks so a
// multi-hundred-MB soak run never sits in memory. Sync variants serve the CLI; async ones the extension host.
import * as l10n from '@vscode/l10n';
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { LocustReadError } from './errors';
import { createHistoryReader, type HistoryOptions } from './history';
import { readHistoryInParts, type HistoryParallelism } from './historyParallel';
import type { LocustHistory, LocustResult } from './model';
import { readLocustBytes, type ReadOptions } from './read';

const CHUNK = 1 << 20;
/** Stats, failures and exceptions files are KB; anything this big that is not a history is not a Locust result. */
const MAX_WHOLE_FILE = 64 << 20;

function describeFsError(file: string, error: unknown): LocustReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new LocustReadError(file, l10n.t('file not found'));
  if (code === 'EISDIR') return new LocustReadError(file, l10n.t('is a directory, expected a file'));
  return new LocustReadError(file, l10n.t('cannot read file ({0})', code ?? (error as Error).message));
}

function isHistoryHeader(head: Uint8Array): boolean {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  const line = text.slice(0, text.search(/[\r\n]|$/));
  return /(^|,)"?Timestamp"?,/.test(line.replace(/^\xef\xbb\xbf/, ''));
}

export function readHistoryFileSync(file: string, options: HistoryOptions = {}): LocustHistory {
  const reader = createHistoryReader(file, options);
  pushFileSync(reader, file);
  return reader.finish();
}

/** Pushes bytes [start, end) of `file` into `reader`, a chunk at a time; a failing read as a LocustReadError. */
export function pushFileSync(reader: { push(chunk: Uint8Array): void }, file: string, start = 0, end = Number.POSITIVE_INFINITY): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw describeFsError(file, error);
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let at = start; at < end; ) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, Math.min(CHUNK, end - at), at);
      } catch (error) {
        throw describeFsError(file, error);
      }
      if (read === 0) break;
      reader.push(buffer.subarray(0, read));
      at += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** Options of the async readers: `parallel` reads a big history in parts on worker threads (historyParallel.ts). */
export type AsyncReadOptions = ReadOptions & { signal?: AbortSignal; parallel?: HistoryParallelism };

export async function readHistoryFile(file: string, options: AsyncReadOptions = {}): Promise<LocustHistory> {
  if (options.parallel) {
    const history = await readHistoryInParts(file, checkSize(file), options, options.parallel);
    if (history) return history;
  }
  const reader = createHistoryReader(file, options);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK, signal: options.signal })) reader.push(chunk as Buffer);
  } catch (error) {
    if (error instanceof LocustReadError || (error as Error).name === 'AbortError') throw error;
    throw describeFsError(file, error);
  }
  return reader.finish();
}

function checkSize(file: string): number {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new LocustReadError(file, l10n.t('is a directory, expected a file'));
    size = stat.size;
  } catch (error) {
    if (error instanceof LocustReadError) throw error;
    throw describeFsError(file, error);
  }
  return size;
}

function peek(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** Any Locust result file; history files stream, the rest are read whole. */
export function readLocustFileSync(file: string, options: ReadOptions = {}): LocustResult {
  const size = checkSize(file);
  if (size > 0 && isHistoryHeader(peek(file))) return readHistoryFileSync(file, options);
  if (size > MAX_WHOLE_FILE) throw new LocustReadError(file, l10n.t('is {0} MB and not a _stats_history.csv: not a Locust result', Math.round(size / 2 ** 20)));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw describeFsError(file, error);
  }
  return readLocustBytes(bytes, file, options);
}

export async function readLocustFile(file: string, options: AsyncReadOptions = {}): Promise<LocustResult> {
  const size = checkSize(file);
  if (size > 0 && isHistoryHeader(peek(file))) return readHistoryFile(file, options);
  if (size > MAX_WHOLE_FILE) throw new LocustReadError(file, l10n.t('is {0} MB and not a _stats_history.csv: not a Locust result', Math.round(size / 2 ** 20)));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file, { signal: options.signal });
  } catch (error) {
    throw describeFsError(file, error);
  }
  return readLocustBytes(bytes, file, options);
}
