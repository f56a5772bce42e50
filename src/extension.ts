// Entry point: build the services, then let each feature register itself. Nothing else happens here, and
// nothing happens at import time.
import type * as vscode from 'vscode';
import { createServices } from './services';
import { configureCoreL10n } from './services/coreL10n';
import { register as registerCharts } from './features/charts/register';
import { register as registerChecks } from './features/checks/register';
import { register as registerEditing } from './features/editing/register';
import { register as registerEvidence } from './features/evidence/register';
import { register as registerPreview, type PreviewApi } from './features/preview/register';
import { register as registerLive } from './features/live/register';
import { register as registerRuns } from './features/runs/register';
import { register as registerScenarios } from './features/scenarios/register';
import { register as registerStatusBar } from './features/statusBar/register';
import { register as registerTasks } from './features/tasks/register';
import { register as registerTree } from './features/tree/register';
import { register as registerWelcome } from './features/welcome/register';

/** The returned object is the extension's API: the markdown preview calls `extendMarkdownIt` on it. */
export function activate(context: vscode.ExtensionContext): PreviewApi {
  configureCoreL10n();
  const services = createServices(context);
  registerEditing(context, services);
  registerTree(context, services);
  registerStatusBar(context, services);
  registerChecks(context, services);
  registerEvidence(context, services);
  registerRuns(context, services);
  const charts = registerCharts(context, services);
  registerTasks(context, services, charts);
  registerWelcome(context, services);
  registerScenarios(context, services);
  registerLive(context, services);
  return registerPreview(context, services);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
