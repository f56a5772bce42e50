// Manifest hygiene, run by `npm run lint`: every contributed command is registered in the code, every
// `when` clause names context keys that exist (VS Code's own or ones this extension sets), every %key% has a
// string in each package.nls*.json, and every registered executionTracker.* command is contributed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}
const code = sources(join(root, 'src')).join('\n');

// Command ids as the code registers them: string literals, plus values of the Commands constant maps.
const registered = new Set();
for (const match of code.matchAll(/register(?:TextEditor)?Command\(\s*(?:'([^']+)'|([A-Za-z_.]+))/g)) {
  if (match[1]) registered.add(match[1]);
  else {
    const key = match[2].split('.').pop();
    const literal = new RegExp(`\\b${key}\\s*:\\s*'([^']+)'`).exec(code);
    if (literal) registered.add(literal[1]);
  }
}

const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
for (const id of contributed) if (!registered.has(id)) problems.push(`command ${id} is contributed but never registered`);
for (const id of registered) {
  if (id.startsWith('executionTracker.') && !contributed.includes(id) && !/internal|fromPreview|setTaskState|openEvidencePick/i.test(id)) {
    problems.push(`command ${id} is registered but not contributed (add it to contributes.commands, or hide it: internal commands need "internal" in the id or an entry here)`);
  }
}

// Context keys: VS Code's own (the ones this manifest uses) and the ones the code sets.
const BUILT_IN = new Set(['editorTextFocus', 'editorReadonly', 'editorLangId', 'resourceLangId', 'resourceExtname', 'resourceFilename', 'resourceScheme', 'view', 'viewItem', 'webviewId', 'activeWebviewPanelId', 'isWorkspaceTrusted', 'workspaceFolderCount', 'workbenchState', 'config', 'false', 'true', 'activeCustomEditorId', 'explorerResourceIsFolder', 'editorHasSelection', 'isWeb', 'shellExecutionSupported', 'processExecutionSupported', 'taskCommandsRegistered', 'resourcePath', 'webviewSection']);
const setKeys = new Set([...code.matchAll(/(?:new ContextKey(?:<[^>]+>)?\(\s*'([^']+)'|'setContext',\s*'([^']+)')/g)].map((m) => m[1] ?? m[2]));
const whens = [];
(function collect(node, path) {
  if (Array.isArray(node)) node.forEach((item, i) => collect(item, `${path}[${i}]`));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'when' || key === 'enablement') whens.push([path, value]);
      else collect(value, `${path}.${key}`);
    }
  }
})(manifest.contributes ?? {}, 'contributes');
for (const [path, when] of whens) {
  const keys = when.replace(/'[^']*'|"[^"]*"|\/[^/]+\/[gimsuy]*/g, ' ').match(/[A-Za-z_][\w.-]*/g) ?? [];
  for (const key of keys) {
    const head = key.split('.')[0];
    if (['in', 'not'].includes(key) || BUILT_IN.has(key) || BUILT_IN.has(head) || setKeys.has(key)) continue;
    // Right-hand sides of == / =~ (view ids, language ids, context values) are values, not keys.
    if (new RegExp(`(==|!=|=~)\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(when)) continue;
    problems.push(`${path}: when "${when}" names "${key}", which is neither a VS Code context key nor one this extension sets`);
  }
}

// Localised manifest strings.
const keys = new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
for (const file of readdirSync(root).filter((name) => /^package\.nls(\.[\w-]+)?\.json$/.test(name))) {
  const strings = JSON.parse(readFileSync(join(root, file), 'utf8'));
  for (const key of keys) if (!(key in strings) && file === 'package.nls.json') problems.push(`${file} has no string for %${key}%`);
  for (const key of Object.keys(strings)) if (!keys.has(key)) problems.push(`${file} has "${key}", which the manifest does not use`);
}

if (problems.length) {
  console.error(`check-manifest: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`check-manifest: ${contributed.length} commands registered, ${whens.length} when clauses and ${keys.size} strings checked`);
