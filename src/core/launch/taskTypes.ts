// Every task type the extension contributes, in one Record the compiler checks: a new type cannot be added
// without its properties (which are also its manifest schema and its CLI flags), its argv builder, its
// problem matcher and its background rule. Consumers look a type up here instead of branching on its name,
// so nothing falls through to another type. `npm run lint` (scripts/check-manifest.mjs) compares the
// schemas with package.json's contributes.taskDefinitions; docs/extending.md lists the other files.
import * as l10n from '@vscode/l10n';
import { buildComposeCommand, COMPOSE_ACTIONS } from './compose';
import { buildLocustCommand } from './locust';
import { buildPytestCommand, type PytestReportFiles } from './pytest';
import type { Binaries, CommandLine } from './types';
import { LaunchInputError } from './validate';

/** How `execution-tracker command TYPE --kebab-name VALUE` reads a property into the definition. */
export type FlagKind =
  /** one value */
  | 'text'
  /** `--flag` alone is true, `--flag=false` false */
  | 'bool'
  /** `--flag` alone is true, `--flag VALUE` a value */
  | 'optional'
  /** repeated flags collect; the builder splits commas and spaces */
  | 'list'
  /** repeated flags collect, and commas separate paths */
  | 'paths'
  /** `--flag NAME=VALUE`, repeated */
  | 'pairs';

export type JsonSchema = Readonly<Record<string, unknown>>;

export interface TaskProperty {
  /** The property's JSON schema in contributes.taskDefinitions, without its description. */
  readonly schema: JsonSchema;
  /** Its package.nls.json key (the manifest says `%key%`). */
  readonly description: string;
  /** Its CLI flag; absent for properties only the extension sets. */
  readonly flag?: FlagKind;
  /** The value's placeholder in the CLI usage (`--users N`). */
  readonly value?: string;
}

/** What a builder may need beyond the definition: where the programs are, and what the host adds. */
export interface BuildContext {
  readonly binaries?: Binaries;
  /** The settings' environment variables; a type that takes `env` puts the definition's own on top. */
  readonly env?: unknown;
  /** Where pytest is asked to write its machine-readable results. */
  readonly reports?: PytestReportFiles;
}

export interface TaskTypeDescriptor {
  readonly required: readonly string[];
  readonly properties: Readonly<Record<string, TaskProperty>>;
  /** The program and argv; throws LaunchInputError naming the bad property. */
  build(definition: Readonly<Record<string, unknown>>, context: BuildContext): CommandLine;
  /** Name in contributes.problemMatchers (referenced as `$name`). */
  readonly problemMatcher: string;
  /** Long-running: the task gets its matcher's background begin/end patterns. */
  isBackground(definition: Readonly<Record<string, unknown>>): boolean;
  /** Shown under Run Test Task. */
  readonly testGroup: boolean;
  /** The run writes report files the extension reads back when the task ends. */
  wantsReportFiles(definition: Readonly<Record<string, unknown>>): boolean;
  readonly cli: {
    /** A bare word fills this property (`command compose up`). */
    readonly positional?: string;
    /** Everything after `--` becomes this property, as a list (`command pytest -- -k smoke`). */
    readonly rest?: string;
    /** Values for absent flags, so the printed command is what the program would run. */
    readonly defaults?: Readonly<Record<string, unknown>>;
    /** Usage of flags the CLI reads itself (not task properties). */
    readonly usageExtra?: string;
  };
}

export type TaskType = 'compose' | 'locust' | 'pytest';

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;
const textOrTexts = { anyOf: [text, texts] } as const;
const flagOrText = { anyOf: [{ type: 'boolean' }, text] } as const;
const countOrText = (minimum: number) => ({ anyOf: [{ type: 'integer', minimum }, text] }) as const;

/** Running a program inside a compose service: the same four properties for every type that can. */
const IN_SERVICE: Record<string, TaskProperty> = {
  composeService: { schema: text, description: 'task.composeService', flag: 'text', value: 'S' },
  composeFiles: { schema: texts, description: 'task.composeFiles', flag: 'paths', value: 'a.yml,b.yml' },
  composeProfiles: { schema: texts, description: 'task.composeProfiles', flag: 'list', value: 'P' },
  composeEnvFile: { schema: text, description: 'task.composeEnvFile', flag: 'text', value: 'F' },
};

/** Locust's settings environment under the task's own: the task wins. */
function locustEnv(definition: Readonly<Record<string, unknown>>, settingsEnv: unknown): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const own = definition.env;
  // A task's env that is not an object goes to the builder as it is, which refuses it naming `env`.
  if (own !== undefined && own !== null && !isObject(own)) return own;
  return { ...(isObject(settingsEnv) ? settingsEnv : {}), ...(own ?? {}) };
}

// Property order is the manifest's order (and the CLI usage's).
export const TASK_TYPES: Readonly<Record<TaskType, TaskTypeDescriptor>> = {
  compose: {
    required: ['action'],
    properties: {
      action: { schema: { type: 'string', enum: [...COMPOSE_ACTIONS] }, description: 'task.compose.action', flag: 'text', value: COMPOSE_ACTIONS.join('|') },
      files: { schema: texts, description: 'task.compose.files', flag: 'paths', value: 'a.yml,b.yml' },
      profiles: { schema: texts, description: 'task.compose.profiles', flag: 'list', value: 'P' },
      services: { schema: texts, description: 'task.compose.services', flag: 'list', value: 'S' },
      build: { schema: { type: 'boolean' }, description: 'task.compose.build', flag: 'bool' },
      detached: { schema: { type: 'boolean' }, description: 'task.compose.detached', flag: 'bool' },
      envFile: { schema: text, description: 'task.compose.envFile', flag: 'text', value: 'F' },
      scale: { schema: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } }, description: 'task.compose.scale', flag: 'pairs', value: 'SERVICE=N' },
    },
    build: (definition, context) => buildComposeCommand({ ...definition }, context.binaries),
    problemMatcher: 'compose',
    // `up -d` and `down` end by themselves; followed logs and an attached `up` run until stopped.
    isBackground: (definition) => definition.action === 'logs' || (definition.action === 'up' && definition.detached === false),
    testGroup: false,
    wantsReportFiles: () => false,
    cli: { positional: 'action' },
  },
  pytest: {
    required: [],
    properties: {
      args: { schema: textOrTexts, description: 'task.pytest.args', flag: 'text', value: 'ARGS' },
      coverage: { schema: flagOrText, description: 'task.pytest.coverage', flag: 'optional', value: 'true|PACKAGE' },
      ...IN_SERVICE,
    },
    build: (definition, context) => buildPytestCommand({ ...definition }, context.binaries, context.reports),
    problemMatcher: 'pytest',
    isBackground: () => false,
    testGroup: true,
    // Inside a container pytest writes its reports there, where the extension cannot read them.
    wantsReportFiles: (definition) => !definition.composeService,
    cli: { rest: 'args' },
  },
  locust: {
    required: ['locustfile'],
    properties: {
      locustfile: { schema: text, description: 'task.locust.locustfile', flag: 'text', value: 'F' },
      host: { schema: text, description: 'task.locust.host', flag: 'text', value: 'URL' },
      users: { schema: countOrText(1), description: 'task.locust.users', flag: 'text', value: 'N' },
      spawnRate: { schema: { anyOf: [{ type: 'number', exclusiveMinimum: 0 }, text] }, description: 'task.locust.spawnRate', flag: 'text', value: 'R' },
      runTime: { schema: text, description: 'task.locust.runTime', flag: 'text', value: '10m' },
      tags: { schema: textOrTexts, description: 'task.locust.tags', flag: 'list', value: 'a,b' },
      excludeTags: { schema: textOrTexts, description: 'task.locust.excludeTags', flag: 'list', value: 'c' },
      userClasses: { schema: textOrTexts, description: 'task.locust.userClasses', flag: 'list', value: 'C' },
      csvPrefix: { schema: text, description: 'task.locust.csvPrefix', flag: 'text', value: 'P' },
      fullHistory: { schema: { type: 'boolean' }, description: 'task.locust.fullHistory', flag: 'bool' },
      html: { schema: flagOrText, description: 'task.locust.html', flag: 'optional', value: 'FILE|true' },
      env: { schema: { type: 'object', additionalProperties: text }, description: 'task.locust.env', flag: 'pairs', value: 'NAME=VALUE' },
      ...IN_SERVICE,
      workers: { schema: countOrText(1), description: 'task.locust.workers', flag: 'text', value: 'N' },
      role: { schema: { type: 'string', enum: ['master', 'worker'] }, description: 'task.locust.role', flag: 'text', value: 'master|worker' },
      // Set by the extension on each worker task of a distributed run, so VS Code can run them side by side.
      worker: { schema: { type: 'integer', minimum: 1 }, description: 'task.locust.worker' },
      masterPort: { schema: { anyOf: [{ type: 'integer', minimum: 1024, maximum: 65535 }, text] }, description: 'task.locust.masterPort', flag: 'text', value: 'P' },
      masterBindHost: { schema: text, description: 'task.locust.masterBindHost', flag: 'text', value: 'ADDR' },
      masterHost: { schema: text, description: 'task.locust.masterHost', flag: 'text', value: 'ADDR' },
      workersWait: { schema: countOrText(0), description: 'task.locust.workersWait', flag: 'text', value: 'S' },
      logFile: { schema: text, description: 'task.locust.logFile', flag: 'text', value: 'F' },
      // Set by the extension on every task of a distributed run, so the run's tasks are known as one.
      run: { schema: text, description: 'task.locust.run' },
    },
    build: (definition, context) => buildLocustCommand({ ...definition, env: locustEnv(definition, context.env) }, context.binaries),
    problemMatcher: 'locust',
    // A load test runs for minutes; its matcher tells VS Code when it started and ended.
    isBackground: () => true,
    testGroup: false,
    wantsReportFiles: () => false,
    // Without --locustfile, Locust itself looks for ./locustfile.py; naming it keeps the printed command exact.
    cli: {
      defaults: { locustfile: 'locustfile.py' },
      usageExtra:
        '--locust-command CMD (the program, or a command with arguments: "python3 wrapper.py") --locust-version V (with --workers: plan the distributed run for that installed version, printed as a shell script: master and workers in the background, then wait; --local-workers N runs N of them here and prints the command for the other machines, whose --master-host follows --master-bind-host)',
    },
  },
};

export const TASK_TYPE_NAMES = Object.keys(TASK_TYPES) as readonly TaskType[];

/** The constants features spell definitions with (`{ type: TaskTypes.locust, … }`). */
export const TaskTypes = { compose: 'compose', locust: 'locust', pytest: 'pytest' } as const satisfies { readonly [T in TaskType]: T };

export function isTaskType(value: unknown): value is TaskType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TASK_TYPES, value);
}

/** The descriptor of a definition's type; a definition of no known type is refused with its type named. */
export function taskTypeOf(definition: { readonly type?: unknown }): TaskTypeDescriptor {
  if (!isTaskType(definition.type)) {
    throw new LaunchInputError('type', l10n.t('expected one of {0}, got {1}', TASK_TYPE_NAMES.join(', '), JSON.stringify(definition.type ?? null)));
  }
  return TASK_TYPES[definition.type];
}

/** contributes.taskDefinitions as the manifest must say it (scripts/check-manifest.mjs compares, or writes). */
export function manifestTaskDefinitions(): unknown[] {
  return TASK_TYPE_NAMES.map((type) => {
    const { required, properties } = TASK_TYPES[type];
    const schemas = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, { ...property.schema, description: `%${property.description}%` }]));
    return required.length ? { type, required: [...required], properties: schemas } : { type, properties: schemas };
  });
}
