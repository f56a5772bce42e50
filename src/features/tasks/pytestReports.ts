// Where pytest writes its machine-readable results for the extension: the workspace's storage folder (or the
// OS temp folder without one), one pair of files per workspace folder, overwritten by each run.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import type { PytestReportFiles } from '../../core/launch';

export function pytestReportFiles(storage: vscode.Uri | undefined, folder: vscode.WorkspaceFolder): Required<PytestReportFiles> {
  const base = join(storage?.fsPath ?? join(tmpdir(), 'execution-tracker'), 'pytest');
  // pytest does not create the folder of --junitxml in every version.
  mkdirSync(base, { recursive: true });
  const id = createHash('sha1').update(folder.uri.toString()).digest('hex').slice(0, 12);
  return { junitXml: join(base, `${id}-junit.xml`), coverageXml: join(base, `${id}-coverage.xml`) };
}
