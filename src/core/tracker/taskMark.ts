// The task marker, shared by the tracker parser (sections.ts) and the preview's checkboxes (no parser import).
/**
 * A list item's task marker: `[ ]`, `[x]` or `[X]`, then a space or tab. As in GFM (cmark-gfm's tasklist
 * extension), a marker followed by the end of the line (`- [x]` with the text on the next line) is not a task;
 * the parser, the preview's checkboxes (core/preview) and the toggles (edits.ts findMarkColumn) agree on that.
 */
export const TASK_MARK = /^\[([ xX])\](?=[ \t])/;
