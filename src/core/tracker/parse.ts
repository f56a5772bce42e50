// Markdown tracker text -> TrackerModel (see model.ts for what each field means). The work is in sections.ts
// (markdown-it block parse per run of top-level sections), assemble.ts (what needs the whole file) and
// incremental.ts (re-parsing only what an edit touched); this is the one-shot entry point most callers want.
import { parseTrackerText } from './incremental';
import type { ParseOptions, TrackerModel } from './model';

export { splitLines } from './sections';
export { parseTrackerText, updateTrackerParse, type LineChange, type TrackerParse } from './incremental';

export function parseTracker(text: string, options: ParseOptions = {}): TrackerModel {
  return parseTrackerText(text, options).model;
}
