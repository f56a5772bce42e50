// Command dispatch for the CLI; the entry point (src/cli.ts) only wires it to the process.
import { CliError } from './io';
import { checkCommand } from './checkCommand';
import { COMMAND_USAGE, commandCommand } from './commandCommand';
import { GATE_USAGE, gateCommand } from './gateCommand';
import { REPORT_USAGE, reportCommand } from './reportCommand';
import { historyCommand } from './historyCommand';
import { SCENARIOS_USAGE, scenariosCommand } from './scenariosCommand';
import { statsCommand } from './statsCommand';
import { summaryCommand } from './summaryCommand';

const USAGE = `usage: execution-tracker <command> [options]

commands:
  summary FILE [--json] [--include-templates]   outline of a tracker with progress, evidence and run summaries
  stats FILE [--json] [--series]                 a Locust result file (stats, history, failures, exceptions, --html report)
  check FILE [--json] [--workspace DIR]         findings where the tracker contradicts itself or its evidence;
                                                exit 1 when any has error severity (a CI gate)
  history FILE [--since DATE] [--json]          progress at every commit that changed the tracker (git), renames followed
  ${COMMAND_USAGE}
  ${GATE_USAGE}
  ${REPORT_USAGE}
  ${SCENARIOS_USAGE}
`;

const COMMANDS: Record<string, (args: readonly string[], write: (text: string) => void) => number> = {
  summary: summaryCommand,
  stats: statsCommand,
  check: checkCommand,
  command: commandCommand,
  history: historyCommand,
  gate: gateCommand,
  report: reportCommand,
  scenarios: scenariosCommand,
};

export function runCli(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    err(`execution-tracker: unknown command '${command}'\n${USAGE}`);
    return 2;
  }
  try {
    return run(rest, out);
  } catch (error) {
    if (error instanceof CliError) {
      err(`execution-tracker: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
