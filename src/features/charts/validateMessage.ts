// The host's checks on everything that comes out of the webview: messages and the persisted state handed to the
// serializer. The webview is treated as untrusted input. No vscode import, so these are unit-tested in Node.
import type { HistoryRange, TaskChangeKind } from '../../shared/progressProtocol';
import type { ChartKind, ChartTarget, TargetOf, WebviewMessage, WebviewState } from '../../shared/protocol';

/** A PNG data URL larger than this is refused (a 4K canvas is a few MB). */
export const MAX_PNG_DATA_URL_LENGTH = 32 * 1024 * 1024;
const MAX_ID_LENGTH = 4096;
const MAX_COMPARED_RUNS = 12;
const PNG_PREFIX = 'data:image/png;base64,';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && !value.includes('\u0000');

/** Each kind's target, rebuilt from untrusted input; a Record, so a new chart kind is parsed or does not compile. */
const TARGET_PARSERS: { [K in ChartKind]: (value: Record<string, unknown>) => TargetOf<K> | undefined } = {
  run: (value) => (isId(value.runId) ? { kind: 'run', runId: value.runId } : undefined),
  compare: ({ runIds: ids }) => (Array.isArray(ids) && ids.length >= 2 && ids.length <= MAX_COMPARED_RUNS && ids.every(isId) ? { kind: 'compare', runIds: [...ids] } : undefined),
  trend: () => ({ kind: 'trend' }),
  // Only a local file: the panel runs git in the file's folder.
  progress: (value) => (isId(value.file) && value.file.startsWith('file:///') ? { kind: 'progress', file: value.file } : undefined),
};

export function parseTarget(value: unknown): ChartTarget | undefined {
  if (!isRecord(value) || typeof value.kind !== 'string' || !Object.prototype.hasOwnProperty.call(TARGET_PARSERS, value.kind)) return undefined;
  return TARGET_PARSERS[value.kind as ChartKind](value);
}

const COMMIT = /^[0-9a-f]{4,64}$/;

export function parseRange(value: unknown): HistoryRange | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.kind) {
    case 'thisWeek':
      return { kind: 'thisWeek' };
    case 'since':
      return typeof value.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.date) ? { kind: 'since', date: value.date } : undefined;
    case 'between':
      return typeof value.from === 'string' && typeof value.to === 'string' && COMMIT.test(value.from) && COMMIT.test(value.to) ? { kind: 'between', from: value.from, to: value.to } : undefined;
    default:
      return undefined;
  }
}

const TASK_KINDS: ReadonlySet<unknown> = new Set(['ticked', 'unticked', 'added', 'removed']);

/** A file name the webview suggests: one plain segment ending in .png, or a safe default. */
export function safePngName(value: unknown): string {
  const base = typeof value === 'string' ? value.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').slice(0, 120) : '';
  if (!base) return 'chart.png';
  return base.toLowerCase().endsWith('.png') ? base : `${base}.png`;
}

/** The message when it is one the host understands, else undefined (and the caller logs and drops it). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'exportPng': {
      const { dataUrl } = value;
      if (typeof dataUrl !== 'string' || !dataUrl.startsWith(PNG_PREFIX) || dataUrl.length > MAX_PNG_DATA_URL_LENGTH) return undefined;
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataUrl.slice(PNG_PREFIX.length))) return undefined;
      return { type: 'exportPng', dataUrl, fileName: safePngName(value.fileName) };
    }
    case 'openRun':
      return isId(value.runId) ? { type: 'openRun', runId: value.runId } : undefined;
    case 'pickRange': {
      const range = parseRange(value.range);
      return range ? { type: 'pickRange', range } : undefined;
    }
    case 'openTask': {
      const { line, text, kind } = value;
      if (typeof line !== 'number' || !Number.isSafeInteger(line) || line < 0 || typeof text !== 'string' || text.length > MAX_ID_LENGTH || !TASK_KINDS.has(kind)) return undefined;
      return { type: 'openTask', line, text, kind: kind as TaskChangeKind };
    }
    case 'exportReport':
      return { type: 'exportReport' };
    default:
      return undefined;
  }
}

/** PNG bytes of a validated data URL, or undefined when they are not a PNG. */
export function pngBytes(dataUrl: string): Uint8Array | undefined {
  const bytes = Buffer.from(dataUrl.slice(PNG_PREFIX.length), 'base64');
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < signature.length || signature.some((byte, index) => bytes[index] !== byte)) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** The persisted state of a panel being restored; only its target matters to the host. */
export function parseState(value: unknown): Pick<WebviewState, 'target'> | undefined {
  if (!isRecord(value)) return undefined;
  const target = parseTarget(value.target);
  return target ? { target } : undefined;
}
