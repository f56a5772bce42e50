// execution-tracker CLI: the same core as the extension, for terminals and CI pipelines.
import { runCli } from './cli/run';

const line = (write: (text: string) => void) => (text: string) => write(text.endsWith('\n') ? text : `${text}\n`);

process.exitCode = runCli(process.argv.slice(2), line((t) => process.stdout.write(t)), line((t) => process.stderr.write(t)));
