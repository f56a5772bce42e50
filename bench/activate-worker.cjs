// Loads the extension bundle with a stand-in `vscode` module and times require() and activate(). The stand-in
// answers every property access with a callable, chainable no-op, so activate() runs its real code paths
// (services, registrations) without a VS Code behind it.
const Module = require('node:module');

function standIn(name = 'vscode') {
  const fn = function () {
    return standIn(`${name}()`);
  };
  const assigned = new Map();
  return new Proxy(fn, {
    set(_target, key, value) {
      assigned.set(key, value);
      return true;
    },
    get(_target, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === 'then') return undefined; // not a thenable, or awaiting it would hang
      if (key === Symbol.toPrimitive) return () => name;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'length') return 0;
      return standIn(`${name}.${String(key)}`);
    },
    construct() {
      return standIn(`new ${name}`);
    },
    apply() {
      return standIn(`${name}()`);
    },
  });
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
// Bundles copy a module's own keys into their import namespace, so the stand-in needs the API's real top-level
// names: read them from @types/vscode.
function apiNames() {
  const types = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set();
  for (const match of types.matchAll(/^\t?\s*export (?:namespace|class|enum|const|function|let) (\w+)/gm)) names.add(match[1]);
  return names;
}
const api = {};
for (const name of apiNames()) api[name] = standIn(`vscode.${name}`);
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };

// The Node built-ins VS Code's extension host imports statically (argv[3]: its bundle) are loaded before any
// extension activates, so a require() of them costs an extension nothing there; a bare Node process would charge
// their first load (child_process with net and streams alone: about 8 ms) to the extension.
function hostBuiltins(hostBundle) {
  const text = require('node:fs').readFileSync(hostBundle, 'utf8');
  const names = new Set();
  for (const match of text.matchAll(/\bimport(?:[\w$\s{},*]+from)?\s*"([\w:/]+)"/g)) {
    const name = match[1].replace(/^node:/, '');
    if (Module.builtinModules.includes(name)) names.add(name);
  }
  if (names.size === 0) throw new Error(`no static import of a Node built-in found in ${hostBundle}: not VS Code's extension host bundle?`);
  return [...names];
}
const preloaded = hostBuiltins(process.argv[3]);
for (const name of preloaded) require(name);

const loadStart = process.hrtime.bigint();
const extension = require(process.argv[2]);
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
const subscriptions = [];
const context = { subscriptions, workspaceState: standIn('workspaceState'), globalState: standIn('globalState'), extensionUri: standIn('extensionUri'), extensionPath: '/ext', asAbsolutePath: (p) => p };
const activateStart = process.hrtime.bigint();
let error = null;
try {
  extension.activate(context);
} catch (e) {
  error = e instanceof Error ? e.message : String(e);
}
const activateMs = Number(process.hrtime.bigint() - activateStart) / 1e6;
// Exit once the figure is out: activation starts timers (the live-run poll, the Stack view refresh) that the
// stand-in never disposes, and they would keep this process, and the whole bench, alive for ever.
process.stdout.write(JSON.stringify({ loadMs, activateMs, ms: loadMs + activateMs, subscriptions: subscriptions.length, error, preloaded }) + '\n', () => process.exit(0));
