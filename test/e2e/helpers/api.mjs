// Runs API-level checks inside the real extension host through the companion extension in ../api-extension.
// The request and result files live in the scenario's temp dir; their paths reach the extension host through
// the environment of the code-server process (see `env`).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForValue } from './workbench.mjs';

export const API_COMMAND_TITLE = 'Execution Tracker Test: Run API Request';
export const API_EXTENSION_ID = 'execution-tracker-test.execution-tracker-e2e-api';

export function createApiBridge(dir) {
  const requestPath = join(dir, 'api-request.json');
  const resultPath = join(dir, 'api-result.json');
  let counter = 0;
  return {
    env: { EXECUTION_TRACKER_E2E_REQUEST: requestPath, EXECUTION_TRACKER_E2E_RESULT: resultPath },

    /**
     * Runs `ops` (see api-extension/extension.js) through the command palette of `wb` and returns their results
     * in order. An op that failed inside the extension host throws here with its message.
     */
    async call(wb, ops, { timeout = 15_000 } = {}) {
      const id = `${process.pid}-${++counter}`;
      rmSync(resultPath, { force: true });
      writeFileSync(requestPath, JSON.stringify({ id, ops }));
      await wb.runCommand(API_COMMAND_TITLE);
      const result = await waitForValue(
        `the API bridge to answer request ${id} (${ops.map((o) => o.op).join(', ')})`,
        () => (existsSync(resultPath) ? JSON.parse(readFileSync(resultPath, 'utf8')) : null),
        (value) => value?.id === id,
        { timeout },
      );
      result.results.forEach((value, index) => {
        if (value && typeof value === 'object' && 'error' in value) {
          throw new Error(`API op ${ops[index].op} failed in the extension host: ${value.error}`);
        }
      });
      return result.results;
    },

    /** Convenience: one op, one result. */
    async one(wb, op) {
      return (await this.call(wb, [op]))[0];
    },
  };
}
