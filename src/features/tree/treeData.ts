// What the Tracker view shows, computed through one render pipeline: a tracker edit, its findings, a filter
// change or a refused click all schedule the same render, which reads the trackers, waits for their findings
// (cached per entry, so an edit costs one check run) and builds the nodes once. The tree therefore renders
// once per change, with tasks and findings from the same text, and a click never lands on a row that a second
// render is about to replace. Pure (no vscode import): the unit tests drive it with in-memory fakes.
import type { Finding } from '../../core/checks/types';
import type { TrackerEntry } from '../../services/trackerEntry';
import { RenderPipeline } from '../../util/renderPipeline';
import { buildTracker, type BuiltTracker, type TreeFilter } from './nodes';

/** A VS Code event, as far as this file needs one. */
export type Listen = (listener: () => unknown) => { dispose(): unknown };

export interface TreeSources {
  readonly trackers: { trackers(): readonly TrackerEntry[]; whenReady(): Promise<void>; readonly onDidChange: Listen };
  readonly findings: { readonly enabled: boolean; forEntry(entry: TrackerEntry): Promise<readonly Finding[]>; readonly onDidChange: Listen };
  readonly filter: { readonly current: TreeFilter; readonly onDidChange: Listen };
}

/** Signals of one change (store, then findings, in the same tick or a few ms apart) become one render. */
export const TREE_RENDER_DELAY_MS = 20;

interface Rendered {
  built: Map<string, BuiltTracker>;
  /** What the nodes were built from: each tracker's parse key and findings, and the filter. */
  inputs: string;
}

export class TrackerTreeData {
  private built = new Map<string, BuiltTracker>();
  private shownInputs: string | undefined;
  /** refresh() was called: show the next render even if nothing changed (VS Code shows a refused click). */
  private forceNext = false;
  private readonly pipeline: RenderPipeline<Rendered>;
  private readonly listeners: Array<{ dispose(): unknown }>;

  constructor(
    private readonly sources: TreeSources,
    /** Called after each render (the provider fires onDidChangeTreeData). */
    onRender: () => void,
    onError: (error: unknown) => void,
  ) {
    this.pipeline = new RenderPipeline({
      compute: (stale) => this.compute(stale),
      show: ({ built, inputs }) => {
        // A signal that changed nothing the tree shows (a save, a re-read of the same text) fires no refresh:
        // VS Code drops a checkbox click that lands while its tree refreshes, so a needless refresh loses clicks.
        const force = this.forceNext;
        this.forceNext = false;
        if (!force && inputs === this.shownInputs) return;
        this.built = built;
        this.shownInputs = inputs;
        onRender();
      },
      delayMs: TREE_RENDER_DELAY_MS,
      onError,
    });
    const schedule = () => this.pipeline.schedule();
    this.listeners = [sources.trackers.onDidChange(schedule), sources.findings.onDidChange(schedule), sources.filter.onDidChange(schedule)];
    schedule();
  }

  /** The trackers as last rendered, by uri. */
  current(): ReadonlyMap<string, BuiltTracker> {
    return this.built;
  }

  /** Render again from the current models (also puts a refused checkbox click back). */
  refresh(): void {
    this.forceNext = true;
    this.pipeline.schedule();
  }

  /** Resolves once the newest render is shown, so a reveal does not race a re-render. */
  whenIdle(): Promise<void> {
    return this.pipeline.whenIdle();
  }

  /** How many renders were shown (a test measures renders per edit with it). */
  get renders(): number {
    return this.pipeline.renders;
  }

  dispose(): void {
    this.pipeline.dispose();
    for (const listener of this.listeners) listener.dispose();
  }

  private async compute(stale: () => boolean): Promise<Rendered | undefined> {
    await this.sources.trackers.whenReady();
    if (stale()) return undefined;
    const entries = this.sources.trackers.trackers();
    const findings = new Map<string, readonly Finding[]>();
    if (this.sources.findings.enabled) {
      for (const entry of entries) {
        findings.set(entry.uri.toString(), await this.sources.findings.forEntry(entry).catch(() => []));
        if (stale()) return undefined;
      }
    }
    const filter = this.sources.filter.current;
    const inputs = JSON.stringify([filter, entries.map((entry) => [entry.uri.toString(), entry.key, findings.get(entry.uri.toString()) ?? null])]);
    if (inputs === this.shownInputs && !this.forceNext) return { built: this.built, inputs };
    return { built: new Map(entries.map((entry) => [entry.uri.toString(), buildTracker(entry, filter, findings.get(entry.uri.toString()))])), inputs };
  }
}
