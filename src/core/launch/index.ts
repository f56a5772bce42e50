// Public API of the launch core: argv builders and validation for docker compose, pytest and Locust.
export type { Binaries, CommandLine, Program, Scalar } from './types';
export * from './validate';
export { buildComposeCommand, COMPOSE_ACTIONS, composeCommandOf, composeGlobalArgs, composeLine, inService, type ComposeAction, type ComposeDefinition, type ComposeProject } from './compose';
export { AUTO, composeV1, composeV2, composeVersionFrom, describeCompose, detectCompose, parseComposeSetting, type ComposeCommand, type ComposeFlavor, type Detected, type ProbeResult, type ProbeRunner } from './composeCommand';
export * from './composeStatus';
export { buildLocustCommand, DEFAULT_MASTER_HOST, DEFAULT_MASTER_PORT, statsFileFor, type LocustDefinition } from './locust';
export { planDistributed, type DistributedPlan } from './distributed';
export { parseMasterLog, MasterLogReader, type MasterLogEvent } from './masterLog';
export { programParts, programProblem, splitProgram } from './program';
export { emptyVersionProblem, parseLocustVersion, type LocustVersionInfo } from './locustVersion';
export { splitArgs } from './args';
export { buildPytestCommand, type PytestDefinition, type PytestReportFiles } from './pytest';
export { DEFAULT_CSV_PREFIX_TEMPLATE, fillCsvPrefixTemplate, nextRunVersion, TEMPLATE_FIELDS, type TemplateField } from './csvPrefix';
export { definesUserClass, findLocustTags, findUserClasses } from './locustfile';
export { parseCoverageXml, parseJunitXml, parsePytestOutput, type PytestCounts, type PytestSummary } from './pytestResults';
export { formatCommandLine } from './display';
export { findComposeProfiles } from './composeFile';
export { isTaskType, manifestTaskDefinitions, TASK_TYPE_NAMES, TASK_TYPES, taskTypeOf, TaskTypes, type BuildContext, type FlagKind, type TaskProperty, type TaskType, type TaskTypeDescriptor } from './taskTypes';
