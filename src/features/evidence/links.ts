// Every evidence reference is a link. One match opens the file; several matches open a pick (through the
// openEvidence command), so Ctrl+Click never guesses between two files of the same name.
import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { TrackerDocuments } from '../../services/trackerDocuments';
import type { EvidenceLocator } from './locate';

export interface OpenEvidenceArgs {
  /** The document the reference is written in (uri string). */
  readonly document: string;
  readonly ref: string;
}

export class EvidenceLinkProvider implements vscode.DocumentLinkProvider {
  constructor(
    private readonly models: TrackerDocuments,
    private readonly locator: EvidenceLocator,
  ) {}

  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const refs = this.models.forDocument(document).model.evidence;
    if (refs.length === 0) return [];
    const located = await this.locator.locateAll(document.uri, refs);
    if (token.isCancellationRequested) return [];
    const links: vscode.DocumentLink[] = [];
    for (const { ref, uris } of located) {
      if (uris.length === 0) continue; // the evidence-missing diagnostic speaks for these
      const range = new vscode.Range(ref.line, ref.startColumn, ref.line, ref.endColumn);
      if (uris.length === 1) {
        const link = new vscode.DocumentLink(range, uris[0]);
        link.tooltip = vscode.l10n.t('Open {0}', vscode.workspace.asRelativePath(uris[0]));
        links.push(link);
      } else {
        const args: OpenEvidenceArgs = { document: document.uri.toString(), ref: ref.ref };
        const link = new vscode.DocumentLink(range, vscode.Uri.parse(`command:${Commands.openEvidence}?${encodeURIComponent(JSON.stringify([args]))}`));
        link.tooltip = vscode.l10n.t('Choose one of {0} files named {1}', uris.length, ref.ref.split('/').pop() ?? ref.ref);
        links.push(link);
      }
    }
    return links;
  }
}
