// markdown-it -> TrackerModel. See model.ts for what each field means.
import type { ParseOptions, TrackerModel } from './model';

export function parseTracker(_text: string, _options: ParseOptions = {}): TrackerModel {
  throw new Error('not implemented');
}
