// Public API of the launch core: argv builders and validation for docker compose, pytest and Locust.
export type { Binaries, CommandLine, Scalar } from './types';
export * from './validate';
export { buildComposeCommand, COMPOSE_ACTIONS, composeGlobalArgs, inService, type ComposeAction, type ComposeDefinition } from './compose';
export { buildLocustCommand, DEFAULT_MASTER_PORT, planDistributed, statsFileFor, type DistributedPlan, type LocustDefinition } from './locust';
export { emptyVersionProblem, parseLocustVersion, type LocustVersionInfo } from './locustVersion';
export { buildPytestCommand, splitArgs, type PytestDefinition, type PytestReportFiles } from './pytest';
export { DEFAULT_CSV_PREFIX_TEMPLATE, fillCsvPrefixTemplate, nextRunVersion, TEMPLATE_FIELDS, type TemplateField } from './csvPrefix';
export { definesUserClass, findLocustTags, findUserClasses } from './locustfile';
export { parseCoverageXml, parseJunitXml, parsePytestOutput, type PytestCounts, type PytestSummary } from './pytestResults';
export { formatCommandLine } from './display';
export { findComposeProfiles } from './composeFile';
export { isTaskType, manifestTaskDefinitions, TASK_TYPE_NAMES, TASK_TYPES, taskTypeOf, TaskTypes, type BuildContext, type FlagKind, type TaskProperty, type TaskType, type TaskTypeDescriptor } from './taskTypes';
