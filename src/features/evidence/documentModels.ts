// The tracker model of an open markdown document at its current version. The store's entry is reused when it is
// current; while the store waits out its debounce, the document is parsed here once per version, so links,
// lenses and hovers always sit on the lines they describe.
import * as vscode from 'vscode';
import type { TrackerModel } from '../../core/tracker/model';
import { parseTracker } from '../../core/tracker/parse';
import type { Settings } from '../../services/settings';
import type { TrackerStore } from '../../services/trackerStore';
import { Disposable } from '../../util/dispose';

export class DocumentModels extends Disposable {
  private readonly cache = new Map<string, { version: number; model: TrackerModel }>();

  constructor(
    private readonly trackers: TrackerStore,
    private readonly settings: Settings,
  ) {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.cache.delete(document.uri.toString())));
  }

  get(document: vscode.TextDocument): TrackerModel {
    const entry = this.trackers.getEntry(document.uri);
    if (entry && entry.documentVersion === document.version) return entry.model;
    if (!entry) return this.trackers.modelForDocument(document).model;
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached?.version === document.version) return cached.model;
    const model = parseTracker(document.getText(), { excludeTemplates: this.settings.excludeTemplates });
    this.cache.set(key, { version: document.version, model });
    return model;
  }
}
