// "New Locustfile…": a starting point in the team's style. Tags on every task (so a run can pick them with
// `--tags a b`), the host from the launch setting, and the CSV prefix the team names its evidence with.
import { hostProblem, nameProblem } from '../launch/validate';

export interface ScaffoldOptions {
  /** executionTracker.launch.defaultHost; a value that is not a safe URL is left out. */
  readonly host: string;
  /** The next CSV prefix ("hasil_test_v48_10u_r10"), for the comment. */
  readonly csvPrefix: string;
  /** Python class name of the User; must be an identifier. */
  readonly className?: string;
}

export function scaffoldLocustfile(options: ScaffoldOptions): string {
  const className = options.className && /^[A-Za-z_][A-Za-z0-9_]*$/.test(options.className) ? options.className : 'ServiceUser';
  const host = hostProblem(options.host) === undefined ? options.host.trim() : 'http://127.0.0.1:8000';
  const prefix = nameProblem(options.csvPrefix.replace(/\//g, '.')) === undefined ? options.csvPrefix : 'hasil_test_v1_10u_r10';
  return [
    '# Load test for the execution tracker.',
    '#',
    '# Run it from the Execution Tracker\'s Scenarios view, or headless with the results as tracker evidence:',
    `#   locust -f <this file> --headless --users 10 --spawn-rate 10 --run-time 1m --csv ${prefix} --csv-full-history --html ${prefix}_report.html`,
    `# CSV prefix: ${prefix}  (writes ${prefix}_stats.csv, _stats_history.csv, _failures.csv, _exceptions.csv)`,
    '# Pick tasks by tag with --tags smoke api (separate words: "smoke,api" is one tag that matches nothing).',
    'from locust import HttpUser, between, tag, task',
    '',
    '',
    `class ${className}(HttpUser):`,
    `    host = ${JSON.stringify(host)}`,
    '    wait_time = between(1, 3)',
    '',
    '    @tag("smoke", "pages")',
    '    @task(3)',
    '    def home(self):',
    '        self.client.get("/", name="home")',
    '',
    '    @tag("api")',
    '    @task(1)',
    '    def health(self):',
    '        self.client.get("/health", name="health")',
    '',
  ].join('\n');
}
