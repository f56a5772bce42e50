// What the installed Locust can do, asked once per binary path: `locust --version` run directly (execFile, no
// shell), with a timeout. Lives on the feature instance, not at module level.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { parseLocustVersion, type LocustVersionInfo } from '../../core/launch';

export class LocustProbe {
  private readonly answers = new Map<string, Promise<LocustVersionInfo & { readonly error?: string }>>();

  version(binary: string, cwd: string | undefined): Promise<LocustVersionInfo & { readonly error?: string }> {
    let answer = this.answers.get(binary);
    if (!answer) {
      answer = new Promise((resolve) => {
        execFile(binary, ['--version'], { cwd, timeout: 15_000, windowsHide: true }, (error, stdout, stderr) => {
          if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
            resolve({ ...parseLocustVersion(''), error: vscode.l10n.t('"{0}" was not found; install Locust or set executionTracker.launch.locustPath', binary) });
            return;
          }
          resolve(parseLocustVersion(`${stdout}\n${stderr}`));
        });
      });
      this.answers.set(binary, answer);
      // A failed probe is asked again next time (the user may have installed Locust meanwhile).
      void answer.then((info) => info.error && this.answers.delete(binary));
    }
    return answer;
  }
}
