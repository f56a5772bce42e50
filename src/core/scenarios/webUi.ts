// A Locust run with its web UI: the same validated command line as a headless run, with `--headless` replaced
// by a web UI bound to 127.0.0.1 (never Locust's default of every interface) on a port we chose. `--run-time`
// is left out: Locust 2.12.1 exits when it is given without --headless or --autostart; the user starts and
// stops the test in the UI, and the run ends when the process is stopped.
import * as l10n from '@vscode/l10n';
import { buildLocustCommand } from '../launch/locust';
import type { Binaries, CommandLine } from '../launch/types';
import { integerProblem, LaunchInputError } from '../launch/validate';

export const WEB_UI_HOST = '127.0.0.1';
export const DEFAULT_WEB_UI_PORT = 8089;

export function buildWebUiCommand(def: Record<string, unknown>, port: number, binaries: Binaries = {}): CommandLine {
  const problem = integerProblem(String(port), 1024, 65535);
  if (problem) throw new LaunchInputError('webPort', problem);
  if (def.role !== undefined || def.workers !== undefined || def.composeService !== undefined) {
    throw new LaunchInputError('webPort', l10n.t('a web UI run is a single local process (no workers, no compose service)'));
  }
  const line = buildLocustCommand({ ...def, runTime: undefined }, binaries);
  const at = line.args.indexOf('--headless');
  if (at === -1) throw new LaunchInputError('webPort', 'internal: no --headless to replace');
  const args = [...line.args.slice(0, at), '--web-host', WEB_UI_HOST, '--web-port', String(port), ...line.args.slice(at + 1)];
  return { ...line, args };
}

/** The URL of the UI: the address we bound it to (a ProcessExecution's output cannot be read by the extension). */
export function webUiUrl(port: number): string {
  return `http://${WEB_UI_HOST}:${port}`;
}
