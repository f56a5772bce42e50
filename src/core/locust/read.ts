// One entry point over every Locust result file: bytes in, a typed result (or one LocustReadError) out.
// The kind comes from the header row (or the HTML markers), never from the file name.
import * as l10n from '@vscode/l10n';
import { classifyHeader, describeUnknownHeader, mapHeader } from './columns';
import { parseCsvRows } from './csv';
import { firstLine } from './csvLine';
import { decodeLocustBytes, encodingNote } from './decode';
import { LocustReadError } from './errors';
import { readExceptionRows, readFailureRows } from './failures';
import { readHistoryText, type HistoryOptions } from './history';
import { looksLikeHtml, readHtmlReport } from './html';
import type { LocustResult } from './model';
import { readDistributionRows, readStatsRows, statsEra } from './stats';

export type ReadOptions = HistoryOptions;

export function readLocustBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): LocustResult {
  const { text, encoding } = decodeLocustBytes(bytes, file);
  if (looksLikeHtml(text)) return readHtmlReport(text, file);
  const headerLine = firstLine(text);
  if (headerLine.trim() === '') throw new LocustReadError(file, l10n.t('the first line is empty, expected a Locust CSV header'), 1);
  // History files are the big ones: they go through the streaming reader, which does its own decoding.
  if (/^"?Timestamp"?,|,"?Timestamp"?,/.test(headerLine)) return readHistoryText(bytes, file, options);
  const result = readLocustCsvText(text, file);
  result.notes.unshift(...encodingNote(encoding));
  return result;
}

export function readLocustText(text: string, file: string, options: ReadOptions = {}): LocustResult {
  return readLocustBytes(Buffer.from(text, 'utf8'), file, options);
}

function readLocustCsvText(text: string, file: string): LocustResult {
  const [head, ...rows] = parseCsvRows(text, file);
  if (!head) throw new LocustReadError(file, l10n.t('has no rows at all, expected a Locust CSV header'));
  const header = mapHeader(head.cells);
  const kind = classifyHeader(header);
  const quotedHeader = /^\ufeff?"/.test(text);
  switch (kind) {
    case 'stats':
    case 'requests':
      return readStatsRows(header, rows, file, statsEra(header, quotedHeader));
    case 'distribution':
      return readDistributionRows(header, rows, file);
    case 'failures':
      return readFailureRows(header, rows, file);
    case 'exceptions':
      return readExceptionRows(header, rows, file);
    case 'history':
      return readHistoryText(text, file);
    default:
      throw new LocustReadError(file, describeUnknownHeader(header.cells), 1);
  }
}
