// What compose says about a stack, read without a YAML library: the services' states from `ps` (JSON on v2,
// the text table on v1), what its errors mean (an engine that is not running, a file that does not parse),
// and checks of chosen profiles and services against `config --profiles` / `config --services`.
import * as l10n from '@vscode/l10n';
import type { ComposeFlavor } from './composeCommand';

export type ServiceState = 'running' | 'restarting' | 'paused' | 'exited' | 'created' | 'dead' | 'missing' | 'unknown';

export interface ServiceStatus {
  readonly service: string;
  readonly state: ServiceState;
  /** What compose printed ("Up 3 seconds", "Exit 3"), or '' for a service with no container. */
  readonly status: string;
  /** Exit code of an exited container, when compose gave one. */
  readonly exitCode?: number;
  readonly containers: number;
}

/** `ps` arguments: v2 lists stopped containers only with --all and prints JSON; v1 lists all as a table. */
export function psArgs(flavor: ComposeFlavor): string[] {
  return flavor === 'v2' ? ['ps', '--all', '--format', 'json'] : ['ps'];
}

interface Container {
  readonly service: string;
  readonly state: ServiceState;
  readonly status: string;
  readonly exitCode?: number;
}

const V2_STATES: Record<string, ServiceState> = { running: 'running', restarting: 'restarting', paused: 'paused', exited: 'exited', created: 'created', dead: 'dead', removing: 'exited' };

/** v2 `ps --format json`: one JSON array (before 2.21) or one object per line (2.21 and later). */
export function parsePsJson(text: string): Container[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  let items: unknown[];
  try {
    items = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown[]) : trimmed.split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
  } catch {
    return undefined;
  }
  if (!Array.isArray(items)) return undefined;
  const found: Container[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    if (typeof o.Service !== 'string' || o.Service === '') continue;
    const state = typeof o.State === 'string' ? (V2_STATES[o.State.toLowerCase()] ?? 'unknown') : 'unknown';
    const status = typeof o.Status === 'string' ? o.Status : typeof o.State === 'string' ? o.State : '';
    const exitCode = typeof o.ExitCode === 'number' && state === 'exited' ? o.ExitCode : undefined;
    found.push({ service: o.Service, state, status, ...(exitCode === undefined ? {} : { exitCode }) });
  }
  return found;
}

/** v1's State column: "Up", "Up (healthy)", "Exit 3", "Restarting", "Paused". */
function v1State(text: string): { state: ServiceState; exitCode?: number } | undefined {
  if (/^Up\b/.test(text)) return { state: 'running' };
  const exit = /^Exit (-?\d+)$/.exec(text);
  if (exit) return { state: 'exited', exitCode: Number(exit[1]) };
  if (/^Restarting\b/.test(text)) return { state: 'restarting' };
  if (/^Paused\b/.test(text)) return { state: 'paused' };
  if (/^(Created|New)\b/.test(text)) return { state: 'created' };
  if (/^Dead\b/.test(text)) return { state: 'dead' };
  return undefined;
}

/**
 * v1 `ps` table. Containers are named PROJECT_SERVICE_N (the project being the folder name by default), so a
 * row belongs to the longest known service whose `_SERVICE_N` ends the name.
 */
export function parsePsTable(text: string, services: readonly string[]): Container[] {
  const byLength = [...services].sort((a, b) => b.length - a.length);
  const found: Container[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(Name\s+Command|-{5,})/.test(line) || line.trim() === '') continue;
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length < 3) continue;
    const name = cells[0];
    const stateCell = cells.slice(2).map(v1State).find((s) => s !== undefined);
    const stateText = cells.slice(2).find((c) => v1State(c) !== undefined) ?? '';
    const service = byLength.find((s) => new RegExp(`(^|[_-])${escapeRegExp(s)}[_-]\\d+$`).test(name)) ?? /^(?:.*?[_-])?([^_-]+)[_-]\d+$/.exec(name)?.[1];
    if (!service || !stateCell) continue;
    found.push({ service, state: stateCell.state, status: stateText, ...(stateCell.exitCode === undefined ? {} : { exitCode: stateCell.exitCode }) });
  }
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The state of a service with several containers: the least healthy one speaks for it. */
const SEVERITY: ServiceState[] = ['dead', 'exited', 'restarting', 'created', 'paused', 'unknown', 'running'];

/**
 * One entry per service: every service `config --services` names (in its order), then any other that has
 * containers; a service without containers is 'missing'. `ps` output is JSON on v2 and a table on v1; a custom
 * command is read as JSON when it parses as JSON.
 */
export function stackStatus(flavor: ComposeFlavor, psOutput: string, services: readonly string[]): ServiceStatus[] {
  const containers = (flavor !== 'v1' ? parsePsJson(psOutput) : undefined) ?? parsePsTable(psOutput, services);
  const names = [...services, ...containers.map((c) => c.service).filter((s) => !services.includes(s))];
  return [...new Set(names)].map((service) => {
    const own = containers.filter((c) => c.service === service);
    if (own.length === 0) return { service, state: 'missing', status: '', containers: 0 };
    const worst = [...own].sort((a, b) => SEVERITY.indexOf(a.state) - SEVERITY.indexOf(b.state))[0];
    return { service, state: worst.state, status: worst.status, ...(worst.exitCode === undefined ? {} : { exitCode: worst.exitCode }), containers: own.length };
  });
}

/**
 * The services a `config` output (compose's normalized YAML: `services:` then two-space service keys, lists
 * as `- item`) defines, with their profiles. v1's `config --services` lists services of every profile, so which
 * ones `up` starts is read from here.
 */
export function configServices(yaml: string): Array<{ service: string; profiles: string[] }> {
  const found: Array<{ service: string; profiles: string[] }> = [];
  let inServices = false;
  let current: { service: string; profiles: string[] } | undefined;
  let inProfiles = false;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      inServices = /^services:\s*$/.test(line);
      current = undefined;
      continue;
    }
    if (!inServices) continue;
    const service = /^  ([A-Za-z0-9_][A-Za-z0-9_.-]*):\s*(?:\{\})?\s*$/.exec(line);
    if (service) {
      current = { service: service[1], profiles: [] };
      found.push(current);
      inProfiles = false;
      continue;
    }
    if (!current) continue;
    const key = /^    ([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (key) {
      inProfiles = key[1] === 'profiles';
      if (inProfiles && key[2].startsWith('[')) current.profiles.push(...parseNameList(key[2].replace(/[[\]'"]/g, '').split(',').join('\n')));
      continue;
    }
    const item = /^    (?:  )?- ['"]?([A-Za-z0-9_][A-Za-z0-9_.-]*)['"]?\s*$/.exec(line);
    if (inProfiles && item) current.profiles.push(item[1]);
  }
  return found;
}

/** The services `up` starts with these profiles: those without profiles, and those with one of them. */
export function activeServices(yaml: string, profiles: readonly string[]): string[] {
  return configServices(yaml).filter((s) => s.profiles.length === 0 || s.profiles.some((p) => profiles.includes(p))).map((s) => s.service);
}

/** Lines of `config --services` / `config --profiles` output. */
export function parseNameList(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(l)))];
}

/** Chosen names the project does not define, in the order chosen. */
export function unknownNames(chosen: readonly string[], known: readonly string[]): string[] {
  return chosen.filter((name) => !known.includes(name));
}

/** True when the compose program itself did not run: not installed (spawn failed), or docker without the plugin. */
export function isComposeMissing(result: { readonly code: number; readonly stderr: string }): boolean {
  return result.code === -1 || /'compose' is not a docker command|unknown command:? "?(docker )?compose|docker-compose: (command )?not found/i.test(result.stderr);
}

/** True when compose (or docker) failed because it could not reach an engine, not because of the project. */
export function isEngineUnreachable(output: string): boolean {
  return /Cannot connect to the Docker daemon|Is the docker daemon running|Couldn't connect to Docker daemon|Error while fetching server API version|connect: (connection refused|no such file or directory)|docker\.sock: connect|error during connect/i.test(output);
}

/**
 * compose's own message from its stderr, without Python tracebacks (v1 prints one for some errors) and
 * without progress lines: the last `maxLines` lines that say something. The file name is in compose's text.
 */
export function composeMessage(stderr: string, maxLines = 4): string {
  const kept: string[] = [];
  let inTrace = false;
  for (const raw of stderr.split(/\r?\n/)) {
    const line = raw.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').trimEnd();
    if (/^Traceback \(most recent call last\)/.test(line)) {
      inTrace = true;
      continue;
    }
    if (inTrace && (/^\s/.test(line) || line === '')) continue;
    inTrace = false;
    if (line.trim() === '' || /^During handling of the above exception/.test(line)) continue;
    kept.push(line.trim());
  }
  return kept.slice(-maxLines).join(' ').replace(/^\.(?=[A-Z]\w*Error)/, '');
}

/** Services of a stack that are not up after `up`, for the message that says why the start failed. */
export function notRunning(status: readonly ServiceStatus[], expected: readonly string[]): ServiceStatus[] {
  return status.filter((s) => (expected.length === 0 || expected.includes(s.service)) && s.state !== 'running');
}

/** One line per service for a message: "migrate exited (code 3)", "web is not created". */
export function describeServiceState(s: ServiceStatus): string {
  switch (s.state) {
    case 'running':
      return l10n.t('{0} is running', s.service);
    case 'exited':
      return s.exitCode === undefined ? l10n.t('{0} exited', s.service) : l10n.t('{0} exited (code {1})', s.service, s.exitCode);
    case 'restarting':
      return l10n.t('{0} keeps restarting', s.service);
    case 'paused':
      return l10n.t('{0} is paused', s.service);
    case 'created':
      return l10n.t('{0} was created but not started', s.service);
    case 'dead':
      return l10n.t('{0} is dead', s.service);
    case 'missing':
      return l10n.t('{0} has no container', s.service);
    case 'unknown':
      return l10n.t('{0} is in an unknown state ({1})', s.service, s.status);
  }
}
