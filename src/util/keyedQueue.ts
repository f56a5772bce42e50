// Runs async jobs one after another per key (a document's uri), in the order they were queued; jobs of other keys
// run freely. A tick from the tree applies an edit and then saves; a second click on the same file must not judge
// "was the document clean?" while the first one's save is still under way, or it leaves an unsaved change behind.
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // A failed job does not stop the ones after it: each caller gets its own job's outcome.
    const result = previous.then(job, job);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a job queued or running (for tests). */
  get busyKeys(): number {
    return this.tails.size;
  }
}
