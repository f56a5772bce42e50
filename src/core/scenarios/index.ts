// Public API of the Scenarios core: the static locustfile reader, what a node selects, web UI runs, the scaffold.
export { effectiveTags, formatProblem, readerFailed, scenariosFromReaderOutput, type LocustScenarios, type ScenarioProblem, type ScenarioTask, type ScenarioUser } from './model';
export { findOnPath, MAX_LOCUSTFILE_BYTES, pythonForLocust, READER_ARGS, readScenarios, readScenariosSync } from './read';
export { selectionFor, taskNodes, type ScenarioNode, type ScenarioSelection } from './selection';
export { buildWebUiCommand, DEFAULT_WEB_UI_PORT, WEB_UI_HOST, webUiUrl } from './webUi';
export { scaffoldLocustfile, type ScaffoldOptions } from './scaffold';
