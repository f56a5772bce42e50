// Every retry a helper makes (a palette reopened because the command was not listed yet, a tree row clicked
// again because a re-render swallowed the click) is counted here, never silent: the runner prints the count
// of each scenario and of the run, and fails a scenario that needed more than one (MAX_RETRIES_PER_SCENARIO),
// so a race that came back would show instead of being papered over.
export const MAX_RETRIES_PER_SCENARIO = 1;

let current = [];

/** Called by a helper each time it tries again; `what` says which helper and what for. */
export function noteRetry(what) {
  current.push(what);
}

/** The retries of the scenario running now, and a fresh count for the next one. */
export function takeRetries() {
  const taken = current;
  current = [];
  return taken;
}
