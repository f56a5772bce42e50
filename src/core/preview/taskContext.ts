// What a task checkbox in the Markdown preview hands to the extension. The preview's webview collects the
// `data-vscode-context` JSON of the element under a context-menu event, shows the `webview/context` menu with it
// as context keys, and passes it (plus `webview`, the view type) to the command picked. That is the one route
// from preview content to an extension command that VS Code supports in the desktop and in the browser
// (code-server): `command:` links are disabled in the preview, and in the browser a clicked `vscode:` link
// never reaches an extension's URI handler.
//
// Any document can put a `data-vscode-context` attribute into its own preview (raw HTML renders), so the host
// trusts nothing here: every field is checked, and the session token proves the checkbox was rendered by this
// extension in this window.
import * as l10n from '@vscode/l10n';

export const TASK_SECTION = 'executionTrackerTask';
export const PREVIEW_VIEW_TYPE = 'markdown.preview';

/** The JSON put on each checkbox as `data-vscode-context`. Keys become context keys, so they are namespaced. */
export interface TaskCheckboxContext {
  readonly webviewSection: typeof TASK_SECTION;
  /** Hides the webview's own Cut/Copy/Paste items: the menu holds only the toggle. */
  readonly preventDefaultContextMenuItems: true;
  /** The document URI (`Uri.toString()`); the preview script fills it in from the preview's settings if absent. */
  readonly executionTrackerDocument?: string;
  readonly executionTrackerLine: number;
  readonly executionTrackerText: string;
  readonly executionTrackerChecked: boolean;
  readonly executionTrackerToken: string;
}

export interface PreviewToggleRequest {
  readonly document: string;
  /** 0-based line of the task, as rendered. */
  readonly line: number;
  /** The full source line as rendered; the host re-checks it against the document before editing. */
  readonly lineText: string;
  /** The state the user asked for: the opposite of the state rendered. */
  readonly checked: boolean;
  readonly token: string;
}

export function taskCheckboxContext(line: number, lineText: string, checked: boolean, token: string, document: string | undefined): TaskCheckboxContext {
  return {
    webviewSection: TASK_SECTION,
    preventDefaultContextMenuItems: true,
    ...(document === undefined ? {} : { executionTrackerDocument: document }),
    executionTrackerLine: line,
    executionTrackerText: lineText,
    executionTrackerChecked: checked,
    executionTrackerToken: token,
  };
}

// Far above any real line and any real document URI; beyond these the context is not from our preview.
const MAX_LINE_TEXT = 10_000;
const MAX_DOCUMENT = 4_096;
const MAX_LINE = 10_000_000;
const TOKEN = /^[0-9a-f]{32}$/;

export type ReadToggleRequest = { readonly ok: true; readonly request: PreviewToggleRequest } | { readonly ok: false; readonly reason: string };

/** Validates the command argument's shape; never throws. Whether document, line and token are right is the host's job. */
export function readToggleRequest(value: unknown): ReadToggleRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: l10n.t('it carries no task') };
  const context = value as Record<string, unknown>;
  if (context.webview !== PREVIEW_VIEW_TYPE || context.webviewSection !== TASK_SECTION) return { ok: false, reason: l10n.t('it did not come from a task checkbox in the Markdown preview') };
  const { executionTrackerDocument: d, executionTrackerLine: l, executionTrackerText: t, executionTrackerChecked: c, executionTrackerToken: k } = context;
  if (typeof d !== 'string' || d.length === 0 || d.length > MAX_DOCUMENT) return { ok: false, reason: l10n.t('the document is missing') };
  if (typeof l !== 'number' || !Number.isInteger(l) || l < 0 || l > MAX_LINE) return { ok: false, reason: l10n.t('the line is not a line number') };
  if (typeof t !== 'string' || t.length > MAX_LINE_TEXT || /[\r\n]/.test(t)) return { ok: false, reason: l10n.t('the line text is not a single line') };
  if (typeof c !== 'boolean') return { ok: false, reason: l10n.t('the task state is not true or false') };
  if (typeof k !== 'string' || !TOKEN.test(k)) return { ok: false, reason: l10n.t('it carries no valid token') };
  return { ok: true, request: { document: d, line: l, lineText: t, checked: !c, token: k } };
}
