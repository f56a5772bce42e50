// Runs inside VS Code's built-in Markdown preview (contributes.markdown.previewScripts), bundled for the browser.
// A preview script cannot message its extension (the preview's VS Code API belongs to the markdown extension,
// `command:` links are disabled there, and in the browser a clicked `vscode:` link never reaches an extension).
// What the webview does route is its context menu: a click on a task checkbox opens that menu at the box, with
// the box's `data-vscode-context`, and its "Toggle Task" item runs the extension's command.
//
// The box itself does not flip here: the preview re-renders from the edited document, so it never shows a state
// the file does not have.
const CHECKBOX = 'input.task-list-item-checkbox[data-vscode-context]';
const DOCUMENT_KEY = 'executionTrackerDocument';

document.addEventListener('click', onClick, true);

function onClick(event: MouseEvent): void {
  const target = event.target;
  const box = target instanceof Element ? target.closest<HTMLInputElement>(CHECKBOX) : null;
  if (!box) return;
  event.preventDefault();
  event.stopPropagation();
  fillDocument(box);
  // A keyboard "click" (Space) has no pointer position: anchor the menu at the box.
  const rect = box.getBoundingClientRect();
  const pointer = event.detail > 0 && (event.clientX !== 0 || event.clientY !== 0);
  box.dispatchEvent(
    new MouseEvent('contextmenu', {
      bubbles: true,
      cancelable: true,
      button: 2,
      clientX: pointer ? event.clientX : rect.left + rect.width / 2,
      clientY: pointer ? event.clientY : rect.bottom,
    }),
  );
}

/** Checkboxes rendered without a document URI (no render env) take it from the preview's own settings. */
function fillDocument(box: HTMLInputElement): void {
  try {
    const context = JSON.parse(box.dataset.vscodeContext ?? '{}') as Record<string, unknown>;
    if (typeof context[DOCUMENT_KEY] === 'string') return;
    const settings = document.getElementById('vscode-markdown-preview-data')?.getAttribute('data-settings');
    const source = settings ? (JSON.parse(settings) as { source?: unknown }).source : undefined;
    if (typeof source === 'string') box.dataset.vscodeContext = JSON.stringify({ ...context, [DOCUMENT_KEY]: source });
  } catch {
    // Unreadable context: the host refuses it with a message.
  }
}
