// Public API of the Locust readers, for the extension's stores and features, the chart host and the CLI.
export * from './model';
export { LocustReadError } from './errors';
export { readLocustBytes, readLocustText, type ReadOptions } from './read';
export { readLocustFile, readLocustFileSync, readHistoryFile, readHistoryFileSync, type AsyncReadOptions } from './files';
export { type HistoryParallelism } from './historyParallel';
export { workerThreads } from './historyWorkers';
export { createHistoryReader, readHistoryText, DEFAULT_MAX_POINTS, type HistoryOptions, type HistoryReader } from './history';
export { mergeDistribution } from './stats';
export { MinMaxBuckets } from './downsample';
export { classifyFileName, compareRuns, compileRunPattern, DEFAULT_RUN_PATTERN, groupRuns, parseRunName, type LocustRun, type RunFileRole, type RunMeta } from './naming';
export { assembleRunData, compareRunFiles, readLocustRun, readLocustRunSync, type LocustRunData } from './runData';
export { COMPARE_METRICS, compareRunStats, DEFAULT_REGRESSION_METRICS, DEFAULT_REGRESSION_THRESHOLD_PERCENT, delta, endpointValues, type CompareMetric, type CompareOptions, type CompareRunInput, type Delta, type EndpointComparison, type EndpointValues, type Presence, type RunComparison } from './compare';
export { buildTrend, compareCategories, trackerRunId, type TrendCsvRun, type TrendOptions, type TrendPoint, type TrendSeries, type TrendSource } from './trend';
