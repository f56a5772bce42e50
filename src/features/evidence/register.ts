// Evidence in the editor: links on every reference, CodeLens on lines with Locust evidence, hover with the
// run's numbers, and the commands they fire.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { registerEvidenceCommands } from './commands';
import { EvidenceCodeLensProvider } from './codeLens';
import { EvidenceHoverProvider } from './hover';
import { EvidenceLinkProvider } from './links';
import { EvidenceLocator } from './locate';

const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown', scheme: 'vscode-remote' },
];

export function register(context: vscode.ExtensionContext, services: Services): void {
  const models = services.documents;
  const locator = new EvidenceLocator(services.evidenceFiles, services.runs);
  const lenses = new EvidenceCodeLensProvider(models, locator, services.runs, services.settings);
  context.subscriptions.push(
    lenses,
    vscode.languages.registerDocumentLinkProvider(MARKDOWN, new EvidenceLinkProvider(models, locator)),
    vscode.languages.registerCodeLensProvider(MARKDOWN, lenses),
    vscode.languages.registerHoverProvider(MARKDOWN, new EvidenceHoverProvider(models, locator, services.runs, services.logger)),
    registerEvidenceCommands(services, locator),
  );
}
