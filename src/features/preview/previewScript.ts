// Runs inside VS Code's built-in Markdown preview (contributes.markdown.previewScripts), bundled for the browser.
// A click on a task checkbox becomes a URI for this extension (see toggleHandler.ts); the box itself does not
// flip here: the preview re-renders from the edited document, so it never shows a state the file does not have.
//
// Why this route: a preview script cannot message its extension. The preview's VS Code API object belongs to the
// markdown extension, `command:` links are disabled in the preview, and in the browser (code-server, vscode.dev)
// a clicked `vscode:`/`code-oss:` link is not routed to extensions at all. What the preview does route is its own
// `openLink` message: the markdown extension resolves the href and opens a URI with a scheme through
// `vscode.open`, which hands a URI in the host's own scheme to the extension's URI handler. The preview keeps its
// messenger on `window.styleLoadingMonitor` (media/pre.js); when that is missing (another VS Code version), a
// clicked link is the fallback, which desktop VS Code routes to the handler after a one-time prompt.
import { encodeToggleRequest, TOGGLE_QUERY_KEY } from '../../core/preview/toggleRequest';

const CHECKBOX = 'input.task-list-item-checkbox[data-et-token]';
const PENDING_CLASS = 'et-pending';
// A click the host refused leaves the preview as it was; the box takes clicks again after this.
const PENDING_MS = 3000;

interface Poster {
  postMessage(type: string, body: Record<string, unknown>): void;
}

document.addEventListener('click', onClick, true);
// The preview replaces its content after every document change; a box pending until then is done.
window.addEventListener('vscode.markdown.updateContent', () => {
  document.querySelectorAll(`.${PENDING_CLASS}`).forEach((box) => box.classList.remove(PENDING_CLASS));
});

function onClick(event: MouseEvent): void {
  const target = event.target;
  const box = target instanceof Element ? target.closest<HTMLInputElement>(CHECKBOX) : null;
  if (!box) return;
  event.preventDefault();
  event.stopPropagation();
  if (box.classList.contains(PENDING_CLASS)) return;
  const href = toggleUri(box);
  if (!href) return;
  box.classList.add(PENDING_CLASS);
  setTimeout(() => box.classList.remove(PENDING_CLASS), PENDING_MS);
  send(href);
}

function toggleUri(box: HTMLInputElement): string | undefined {
  const { etEndpoint, etToken, etText, etDocument, line, mark } = box.dataset;
  const document = etDocument ?? previewSource();
  const lineNumber = Number(line);
  if (!etEndpoint || !etToken || etText === undefined || mark === undefined || !document || !Number.isInteger(lineNumber)) return undefined;
  // The rendered mark decides (during the click the box already shows the flipped state, reverted afterwards).
  const payload = encodeToggleRequest({ document, line: lineNumber, lineText: etText, checked: mark === ' ', token: etToken });
  return `${etEndpoint}?${TOGGLE_QUERY_KEY}=${payload}`;
}

function send(href: string): void {
  const poster = previewPoster();
  if (poster) {
    poster.postMessage('openLink', { href });
    return;
  }
  const link = document.createElement('a');
  link.href = href;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

function previewPoster(): Poster | undefined {
  const preview = window as unknown as { styleLoadingMonitor?: { _poster?: Poster }; cspAlerter?: { _messaging?: Poster } };
  const poster = preview.styleLoadingMonitor?._poster ?? preview.cspAlerter?._messaging;
  return typeof poster?.postMessage === 'function' ? poster : undefined;
}

/** The previewed document's URI from the preview's settings element, for checkboxes rendered without one. */
function previewSource(): string | undefined {
  try {
    const settings = document.getElementById('vscode-markdown-preview-data')?.getAttribute('data-settings');
    const source = settings ? (JSON.parse(settings) as { source?: unknown }).source : undefined;
    return typeof source === 'string' ? source : undefined;
  } catch {
    return undefined;
  }
}
