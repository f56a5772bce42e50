// Test-only companion extension: runs API-level checks inside the real extension host.
// The e2e runner writes a request {id, ops: [{op, ...args}]} to $EXECUTION_TRACKER_E2E_REQUEST, runs the command
// `executionTrackerTest.run` from the command palette, and reads {id, results: [...]} from
// $EXECUTION_TRACKER_E2E_RESULT. Each op answers a plain JSON value or {error}.
/* eslint-disable @typescript-eslint/no-require-imports */
const vscode = require('vscode');
const fs = require('node:fs');

function describeDocument(document) {
  return {
    uri: document.uri.toString(),
    fileName: document.fileName,
    languageId: document.languageId,
    version: document.version,
    isDirty: document.isDirty,
    lineCount: document.lineCount,
    eol: document.eol === vscode.EndOfLine.CRLF ? 'CRLF' : 'LF',
    text: document.getText(),
  };
}

function toJson(value) {
  if (value === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return String(value);
  }
}

const operations = {
  // waitActiveMs: give the extension that long to activate by itself (its activation events) before answering.
  async extension({ id, activate, waitActiveMs = 0 }) {
    const extension = vscode.extensions.getExtension(id);
    if (!extension) return { found: false };
    if (activate && !extension.isActive) await extension.activate();
    const deadline = Date.now() + waitActiveMs;
    while (!extension.isActive && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return { found: true, isActive: extension.isActive, version: extension.packageJSON.version };
  },
  async activeEditor() {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return { open: false };
    return {
      open: true,
      ...describeDocument(editor.document),
      selections: editor.selections.map((s) => [s.anchor.line, s.anchor.character, s.active.line, s.active.character]),
    };
  },
  async document({ path }) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    return describeDocument(document);
  },
  // Opens a file in the editor (Quick Open cannot tell two files of the same name apart).
  async showDocument({ path }) {
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(path));
    return { fileName: editor.document.fileName };
  },
  async readFile({ path }) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(path));
    return { text: Buffer.from(bytes).toString('utf8') };
  },
  async setSelections({ selections }) {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('no active editor');
    editor.selections = selections.map(([anchorLine, anchorChar, activeLine, activeChar]) =>
      new vscode.Selection(anchorLine, anchorChar, activeLine ?? anchorLine, activeChar ?? anchorChar));
    return { count: editor.selections.length };
  },
  async executeCommand({ command, args = [] }) {
    return { result: toJson(await vscode.commands.executeCommand(command, ...args)) };
  },
  async commands({ filter = '' }) {
    return { ids: (await vscode.commands.getCommands(true)).filter((id) => id.includes(filter)).sort() };
  },
  // Not awaited: the notification stays until the user (the test) sees it.
  async showMessage({ text }) {
    void vscode.window.showInformationMessage(text);
    return { shown: true };
  },
  async lensClicks() {
    return { count: lensClicks };
  },
  // What a Copy button put on the clipboard.
  async clipboard() {
    return { text: await vscode.env.clipboard.readText() };
  },
  // Tasks the task providers offer (detected tasks), as the Run Task list would show them.
  async tasks({ type } = {}) {
    const tasks = await vscode.tasks.fetchTasks(type ? { type } : undefined);
    return tasks.map((task) => ({
      name: task.name,
      source: task.source,
      definition: toJson(task.definition),
      background: task.isBackground,
      // What would run: program and argv of a ProcessExecution (a ShellExecution shows up as `shell`).
      process: task.execution instanceof vscode.ProcessExecution ? { command: task.execution.process, args: task.execution.args, cwd: task.execution.options?.cwd ?? null } : null,
      shell: task.execution instanceof vscode.ShellExecution ? true : undefined,
    }));
  },
  async workspace() {
    return {
      isTrusted: vscode.workspace.isTrusted,
      folders: (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath),
    };
  },
};

async function runRequest() {
  const requestPath = process.env.EXECUTION_TRACKER_E2E_REQUEST;
  const resultPath = process.env.EXECUTION_TRACKER_E2E_RESULT;
  if (!requestPath || !resultPath) {
    vscode.window.showErrorMessage('Execution Tracker Test: EXECUTION_TRACKER_E2E_REQUEST/RESULT are not set.');
    return;
  }
  const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
  const results = [];
  for (const { op, ...args } of request.ops) {
    const handler = operations[op];
    try {
      if (!handler) throw new Error(`unknown op ${op}`);
      results.push(await handler(args));
    } catch (error) {
      results.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  // Written to a temporary name and renamed, so the runner never reads half a file.
  fs.writeFileSync(`${resultPath}.tmp`, JSON.stringify({ id: request.id, results }));
  fs.renameSync(`${resultPath}.tmp`, resultPath);
}

let lensClicks = 0;

// A CodeLens on line 1 of markdown files, only when the scenario's settings ask for it, so the CodeLens helper
// can be checked without depending on the extension under test.
const lensProvider = {
  provideCodeLenses() {
    if (!vscode.workspace.getConfiguration('executionTrackerTest').get('codeLens')) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'E2E Lens', command: 'executionTrackerTest.lensClicked' })];
  },
};

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('executionTrackerTest.run', runRequest),
    vscode.commands.registerCommand('executionTrackerTest.lensClicked', () => {
      lensClicks += 1;
    }),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, lensProvider),
  );
};

exports.deactivate = () => {};
