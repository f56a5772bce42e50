// What the installed Locust can do, asked once per binary path: `locust --version` run directly (execFile, no
// shell), with a timeout. Lives on the feature instance, not at module level.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { parseLocustVersion, splitProgram, type LocustVersionInfo, type Program } from '../../core/launch';
import { describeError } from '../../services/logger';

export class LocustProbe {
  private readonly answers = new Map<string, Promise<LocustVersionInfo & { readonly error?: string }>>();

  version(program: Program, cwd: string | undefined): Promise<LocustVersionInfo & { readonly error?: string }> {
    const key = JSON.stringify(program);
    let answer = this.answers.get(key);
    if (!answer) {
      let line: { command: string; prefix: string[] };
      try {
        line = splitProgram('locustPath', program, 'locust');
      } catch (error) {
        return Promise.resolve({ ...parseLocustVersion(''), error: vscode.l10n.t('setting executionTracker.launch.locustPath: {0}', describeError(error)) });
      }
      const binary = line.command;
      answer = new Promise((resolve) => {
        execFile(binary, [...line.prefix, '--version'], { cwd, timeout: 15_000, windowsHide: true }, (error, stdout, stderr) => {
          if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
            resolve({ ...parseLocustVersion(''), error: vscode.l10n.t('"{0}" was not found; install Locust or set executionTracker.launch.locustPath', binary) });
            return;
          }
          resolve(parseLocustVersion(`${stdout}\n${stderr}`));
        });
      });
      this.answers.set(key, answer);
      // A failed probe is asked again next time (the user may have installed Locust meanwhile).
      void answer.then((info) => info.error && this.answers.delete(key));
    }
    return answer;
  }
}
