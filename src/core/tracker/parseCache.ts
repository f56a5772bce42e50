// Keeps each open tracker's last parse with the edits made since, so the next refresh re-parses only the
// sections those edits touched (incremental.ts). Pure: the store feeds it VS Code's change events as plain line
// ranges. Anything it cannot vouch for (a missed event, a text read from disk) gets a full parse.
import { parseTrackerText, updateTrackerParse, type LineChange, type TrackerParse } from './incremental';
import type { ParseOptions } from './model';

/** One content change as VS Code reports it: the replaced range's first and last line, and the new text. */
export interface TextChange {
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
}

/**
 * The lines one change event touched, as one LineChange. Several changes in one event (multi-cursor) are either
 * all relative to the text before the event or applied last-to-first; their union is right for both readings.
 */
export function lineChangeOf(changes: readonly TextChange[]): LineChange {
  let startLine = Number.POSITIVE_INFINITY;
  let oldEndLine = 0;
  let delta = 0;
  for (const change of changes) {
    const inserted = change.text.split(/\r\n|\r|\n/).length - 1;
    startLine = Math.min(startLine, change.startLine);
    oldEndLine = Math.max(oldEndLine, change.endLine + 1);
    delta += inserted - (change.endLine - change.startLine);
  }
  if (!Number.isFinite(startLine)) return { startLine: 0, oldEndLine: 0, newEndLine: 0 };
  return { startLine, oldEndLine, newEndLine: oldEndLine + delta };
}

/** `first` then `second` (whose lines are counted in the text after `first`) as one change of the original text. */
export function combineChanges(first: LineChange | undefined, second: LineChange): LineChange {
  if (!first) return second;
  const firstDelta = first.newEndLine - first.oldEndLine;
  const secondDelta = second.newEndLine - second.oldEndLine;
  return {
    startLine: Math.min(first.startLine, second.startLine),
    oldEndLine: Math.max(first.oldEndLine, second.oldEndLine - firstDelta),
    newEndLine: Math.max(second.newEndLine, first.newEndLine + secondDelta),
  };
}

interface State {
  parse: TrackerParse;
  /** The document version the pending change brings the parse's text to. */
  version: number;
  pending: LineChange | undefined;
}

export class TrackerParseCache {
  private readonly states = new Map<string, State>();

  /** Records a change event of document `key`, which is now at `version`. */
  noteChanges(key: string, version: number, changes: readonly TextChange[]): void {
    const state = this.states.get(key);
    if (!state) return;
    // Versions count change events one by one: a gap means an event went unseen.
    if (version !== state.version + 1) {
      this.states.delete(key);
      return;
    }
    state.pending = combineChanges(state.pending, lineChangeOf(changes));
    state.version = version;
  }

  /** The parse of `text` (document `key` at `version`; undefined for text read from disk). */
  parse(key: string, version: number | undefined, text: string, options: ParseOptions = {}): TrackerParse {
    const state = this.states.get(key);
    let parse: TrackerParse;
    if (state && version !== undefined && state.version === version && state.pending) parse = updateTrackerParse(state.parse, text, state.pending, options);
    else if (state && version !== undefined && state.version === version && state.parse.text === text && state.parse.excludeTemplates === (options.excludeTemplates ?? true)) parse = state.parse;
    else parse = parseTrackerText(text, options);
    if (version === undefined) this.states.delete(key);
    else this.states.set(key, { parse, version, pending: undefined });
    return parse;
  }

  forget(key: string): void {
    this.states.delete(key);
  }
}
