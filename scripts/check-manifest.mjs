// Manifest hygiene, run by `npm run lint`: every contributed command is registered in the code, every
// `when` clause names context keys that exist (VS Code's own or ones this extension sets), every %key% has a
// string in each package.nls*.json, and every registered executionTracker.* command is contributed. The parts
// of the manifest that the code also defines are compared with the code itself (bundled here with esbuild):
// the task definitions, activation events and problem matchers (src/core/launch/taskTypes.ts), and the
// check rules with their severities (src/core/checks/types.ts), in the settings schema and its nls text.
// `node scripts/check-manifest.mjs --write` rewrites the task definitions and the rules' schema from the code.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];
const write = process.argv.includes('--write');

/** The code's own facts: the core modules bundled in memory (they are pure, so this runs in Node). */
async function codeFacts() {
  const contents = `export { manifestTaskDefinitions, TASK_TYPES } from './src/core/launch/taskTypes';\nexport { RULES, SEVERITY_SETTINGS } from './src/core/checks/types';`;
  const result = await esbuild.build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, write: false, platform: 'node', format: 'cjs', logLevel: 'silent' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}
const facts = await codeFacts();

/** JSON with sorted keys, so that two schemas compare equal whatever their key order. */
const canonical = (value) => JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

// Task definitions: the descriptor's properties are the schema; nothing more, nothing less, nothing different.
const expectedTasks = facts.manifestTaskDefinitions();
const actualTasks = manifest.contributes?.taskDefinitions ?? [];
if (write) manifest.contributes.taskDefinitions = expectedTasks;
else {
  const byType = new Map(actualTasks.map((definition) => [definition.type, definition]));
  for (const expected of expectedTasks) {
    const actual = byType.get(expected.type);
    if (!actual) {
      problems.push(`taskDefinitions has no "${expected.type}" (src/core/launch/taskTypes.ts defines it; run node scripts/check-manifest.mjs --write)`);
      continue;
    }
    if (canonical(actual.required ?? []) !== canonical(expected.required ?? [])) problems.push(`taskDefinitions "${expected.type}": required is ${canonical(actual.required ?? [])}, the code says ${canonical(expected.required ?? [])}`);
    const names = new Set([...Object.keys(actual.properties ?? {}), ...Object.keys(expected.properties)]);
    for (const name of names) {
      const a = actual.properties?.[name];
      const e = expected.properties[name];
      if (!e) problems.push(`taskDefinitions "${expected.type}".${name} is not a property of the ${expected.type} task type in src/core/launch/taskTypes.ts`);
      else if (!a) problems.push(`taskDefinitions "${expected.type}" lacks ${name}, a property in src/core/launch/taskTypes.ts (run node scripts/check-manifest.mjs --write)`);
      else if (canonical(a) !== canonical(e)) problems.push(`taskDefinitions "${expected.type}".${name} is ${canonical(a)}, the code says ${canonical(e)} (run node scripts/check-manifest.mjs --write)`);
    }
  }
  for (const type of byType.keys()) if (!expectedTasks.some((e) => e.type === type)) problems.push(`taskDefinitions has "${type}", which src/core/launch/taskTypes.ts does not define`);
}
const taskTypes = Object.keys(facts.TASK_TYPES);
const activation = manifest.activationEvents ?? [];
for (const type of taskTypes) if (!activation.includes(`onTaskType:${type}`)) problems.push(`activationEvents lacks onTaskType:${type}`);
for (const event of activation) if (event.startsWith('onTaskType:') && !taskTypes.includes(event.slice(11))) problems.push(`activationEvents has ${event}, which is not a task type`);
const matchers = (manifest.contributes?.problemMatchers ?? []).map((m) => m.name);
for (const type of taskTypes) {
  const matcher = facts.TASK_TYPES[type].problemMatcher;
  if (!matchers.includes(matcher)) problems.push(`contributes.problemMatchers has no "${matcher}" (the ${type} task type's matcher)`);
}

// Check rules: the settings schema has exactly the rules of the code, each with the code's severities, and the
// setting's description names each rule with its default severity in every language.
const configurations = [manifest.contributes?.configuration ?? []].flat();
const rulesSetting = configurations.map((c) => c.properties?.['executionTracker.checks.rules']).find(Boolean);
const ruleIds = Object.keys(facts.RULES);
const severities = [...facts.SEVERITY_SETTINGS];
if (!rulesSetting) problems.push('configuration has no executionTracker.checks.rules');
else if (write) rulesSetting.properties = Object.fromEntries(ruleIds.map((id) => [id, { type: 'string', enum: severities }]));
else {
  const listed = Object.keys(rulesSetting.properties ?? {});
  for (const id of ruleIds) if (!listed.includes(id)) problems.push(`executionTracker.checks.rules lacks the rule "${id}" (run node scripts/check-manifest.mjs --write)`);
  for (const id of listed) {
    if (!ruleIds.includes(id)) problems.push(`executionTracker.checks.rules lists "${id}", which is not a rule in src/core/checks/types.ts`);
    else if (canonical(rulesSetting.properties[id]) !== canonical({ type: 'string', enum: severities })) problems.push(`executionTracker.checks.rules "${id}" should be a string of ${severities.join('|')}`);
  }
}
const rulesKey = /^%([^%]+)%$/.exec(rulesSetting?.markdownDescription ?? '')?.[1];
for (const file of readdirSync(root).filter((name) => /^package\.nls(\.[\w-]+)?\.json$/.test(name))) {
  const text = rulesKey ? JSON.parse(readFileSync(join(root, file), 'utf8'))[rulesKey] : undefined;
  if (typeof text !== 'string') continue;
  for (const id of ruleIds) if (!text.includes(`\`${id}\` (${facts.RULES[id].severity})`)) problems.push(`${file} "${rulesKey}" should name \`${id}\` (${facts.RULES[id].severity}), the rule and its default severity`);
  for (const [, word] of text.matchAll(/`([a-z-]+)`/g)) if (!ruleIds.includes(word) && !severities.includes(word)) problems.push(`${file} "${rulesKey}" names \`${word}\`, which is neither a rule nor a severity`);
}

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
  if (id.startsWith('executionTracker.') && !contributed.includes(id) && !/internal|fromPreview/i.test(id)) {
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

if (write) {
  writeFileSync(join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log('check-manifest: wrote the task definitions and the check rules of package.json from the code');
}

if (problems.length) {
  console.error(`check-manifest: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`check-manifest: ${contributed.length} commands registered, ${whens.length} when clauses, ${keys.size} strings, ${taskTypes.length} task types and ${ruleIds.length} check rules checked`);
