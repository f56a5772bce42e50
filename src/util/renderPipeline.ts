// One render path per view: every reason to re-render (a tracker, its findings, a filter, the run files) calls
// schedule(); one debounce collapses the signals of one change into one render; a render computes its data,
// and after every await checks that no newer render was scheduled (the markdown preview's _updatePreview does
// the same with its document version), so an older computation never overwrites a newer one. whenIdle() is
// for callers that must not race a render (revealing a node). Pure: no vscode import, unit-tested.

export interface RenderPipelineOptions<T> {
  /**
   * Computes what to show. `stale()` turns true once a newer render was scheduled: check it after every await
   * and return undefined to drop the result.
   */
  compute(stale: () => boolean): Promise<T | undefined>;
  /** Shows the result (fires the view's change event). Called only for the newest render. */
  show(value: T): void;
  /** Collapses signals that arrive within this many milliseconds. */
  readonly delayMs: number;
  onError(error: unknown): void;
}

export class RenderPipeline<T> {
  /** Bumped by each schedule(); a render whose number is not current drops its result. */
  private version = 0;
  private shownVersion = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private idle: { promise: Promise<void>; resolve: () => void } | undefined;
  private disposed = false;
  /** How many times show() ran: what the unit tests measure as renders per change. */
  renders = 0;

  constructor(private readonly options: RenderPipelineOptions<T>) {}

  schedule(): void {
    if (this.disposed) return;
    this.version++;
    if (!this.idle) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.idle = { promise, resolve };
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(this.version), this.options.delayMs);
  }

  /** Resolves when the newest scheduled render has been shown (or dropped because nothing newer came). */
  whenIdle(): Promise<void> {
    return this.idle?.promise ?? Promise.resolve();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.settle();
  }

  private async run(version: number): Promise<void> {
    const stale = () => this.disposed || version !== this.version;
    try {
      const value = await this.options.compute(stale);
      if (value === undefined || stale()) return;
      this.shownVersion = version;
      this.renders++;
      this.options.show(value);
    } catch (error) {
      if (!stale()) this.options.onError(error);
    } finally {
      if (!stale() || this.disposed) this.settle();
    }
  }

  private settle(): void {
    const idle = this.idle;
    this.idle = undefined;
    idle?.resolve();
  }

  /** The version last shown (for tests: a newer version was never overwritten by an older one). */
  get lastShown(): number {
    return this.shownVersion;
  }
}
