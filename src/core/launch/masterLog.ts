// What a distributed run's master says about its workers, read from Locust's own log lines (the master writes
// them to `--logfile`): how many are connected while it waits, when the run starts, workers that quit or went
// missing, and giving up. The wording is Locust 2.x's (runners.py and main.py, 2.12.1 to 2.46); lines that do
// not match are ignored, so a later rewording costs the progress display, never the run.

export type MasterLogEvent =
  | { readonly kind: 'waiting'; readonly connected: number; readonly expected: number }
  | { readonly kind: 'connected'; readonly connected: number }
  | { readonly kind: 'started'; readonly workers: number }
  | { readonly kind: 'missing'; readonly worker: string }
  | { readonly kind: 'quit'; readonly worker: string; readonly ready: number }
  | { readonly kind: 'lastWorkerGone' }
  | { readonly kind: 'gaveUp' }
  | { readonly kind: 'shutdown'; readonly exitCode: number };

const RULES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => MasterLogEvent]> = [
  [/Waiting for workers to be ready, (\d+) of (\d+) connected/, (m) => ({ kind: 'waiting', connected: Number(m[1]), expected: Number(m[2]) })],
  [/reported as ready\. (\d+) workers connected/, (m) => ({ kind: 'connected', connected: Number(m[1]) })],
  [/Sending spawn jobs of .* to (\d+) ready workers/, (m) => ({ kind: 'started', workers: Number(m[1]) })],
  [/Worker (\S+) failed to send heartbeat, setting state to missing/, (m) => ({ kind: 'missing', worker: m[1] })],
  [/Worker '?([^'\s]+)'? \(index \d+\) quit\. (\d+) workers ready/, (m) => ({ kind: 'quit', worker: m[1], ready: Number(m[2]) })],
  [/The last worker (?:quit|went missing), stopping test/, () => ({ kind: 'lastWorkerGone' })],
  [/Gave up waiting for workers to connect/, () => ({ kind: 'gaveUp' })],
  [/Shutting down \(exit code (\d+)\)/, (m) => ({ kind: 'shutdown', exitCode: Number(m[1]) })],
];

/** The events of complete log lines, in order. */
export function parseMasterLog(text: string): MasterLogEvent[] {
  const events: MasterLogEvent[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const [pattern, make] of RULES) {
      const match = pattern.exec(line);
      if (match) {
        events.push(make(match));
        break;
      }
    }
  }
  return events;
}

/** Feeds a growing log chunk by chunk; a line is judged once it is complete (the writer may be mid-line). */
export class MasterLogReader {
  private pending = '';

  push(chunk: string): MasterLogEvent[] {
    const text = this.pending + chunk;
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      this.pending = text;
      return [];
    }
    this.pending = text.slice(end + 1);
    return parseMasterLog(text.slice(0, end));
  }

  /** The last line, complete or not, at the end of the run. */
  flush(): MasterLogEvent[] {
    const rest = this.pending;
    this.pending = '';
    return parseMasterLog(rest);
  }
}
