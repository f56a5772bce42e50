// What the workspace offers to launch: compose files, locustfiles and pytest configuration, found with
// findFiles (never node_modules). Read on demand; the results are small lists.
import * as vscode from 'vscode';
import { definesUserClass } from '../../core/launch';
import { EXCLUDE_GLOB } from '../../core/workspace/excluded';

const COMPOSE_GLOB = '**/{docker-compose*.yml,docker-compose*.yaml,compose*.yaml,compose*.yml}';
const LOCUST_GLOB = '**/*locust*.py';
const PYTEST_CONFIG_GLOB = '**/{pytest.ini,pyproject.toml,setup.cfg,conftest.py,tox.ini}';
const MAX = 200;

export interface FoundFile {
  readonly folder: vscode.WorkspaceFolder;
  readonly uri: vscode.Uri;
  /** Path relative to its workspace folder, with forward slashes. */
  readonly relative: string;
}

function toFound(uri: vscode.Uri): FoundFile | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  return { folder, uri, relative };
}

const byPath = (a: FoundFile, b: FoundFile) => a.folder.index - b.folder.index || a.relative.split('/').length - b.relative.split('/').length || a.relative.localeCompare(b.relative);

async function find(glob: string): Promise<FoundFile[]> {
  const uris = await vscode.workspace.findFiles(glob, EXCLUDE_GLOB, MAX);
  return uris.map(toFound).filter((f): f is FoundFile => f !== undefined).sort(byPath);
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return '';
  }
}

export function findComposeFiles(): Promise<FoundFile[]> {
  return find(COMPOSE_GLOB);
}

/** `locustfile.py` anywhere (load_testing/locustfile.py included), and any `*locust*.py` defining a User class. */
export async function findLocustfiles(): Promise<FoundFile[]> {
  const candidates = await find(LOCUST_GLOB);
  const found: FoundFile[] = [];
  for (const file of candidates) {
    const name = file.relative.split('/').pop() ?? '';
    if (name === 'locustfile.py' || definesUserClass(await readText(file.uri))) found.push(file);
  }
  return found;
}

/** Folders with pytest configuration: pytest.ini, a [tool.pytest...] section, setup.cfg/tox.ini [tool:pytest]/[pytest], or conftest.py. */
export async function findPytestFolders(): Promise<vscode.WorkspaceFolder[]> {
  const folders = new Map<string, vscode.WorkspaceFolder>();
  for (const file of await find(PYTEST_CONFIG_GLOB)) {
    if (folders.has(file.folder.uri.toString())) continue;
    const name = file.relative.split('/').pop();
    const configured =
      name === 'pytest.ini' ||
      name === 'conftest.py' ||
      (name === 'pyproject.toml' && /^\[tool\.pytest/m.test(await readText(file.uri))) ||
      ((name === 'setup.cfg' || name === 'tox.ini') && /^\[(?:tool:)?pytest\]/m.test(await readText(file.uri)));
    if (configured) folders.set(file.folder.uri.toString(), file.folder);
  }
  return [...folders.values()];
}

export { readText };
