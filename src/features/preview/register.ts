// Ticking tasks in VS Code's built-in Markdown preview: a markdown-it plugin renders task checkboxes enabled, with
// their source line and a session token; a preview script (previewScript.ts) turns a click into a URI for this
// extension; the URI handler (toggleHandler.ts) validates it and runs the same safe edit as the editor command.
import { randomBytes } from 'node:crypto';
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { taskCheckboxes, type RenderedTask } from '../../core/preview/taskCheckboxes';
import { TOGGLE_PATH } from '../../core/preview/toggleRequest';
import type { Services } from '../../services';
import { PreviewToggleHandler } from './toggleHandler';

export interface PreviewApi {
  /** Returned from activate(): the markdown extension calls it for `contributes.markdown.markdownItPlugins`. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function register(context: vscode.ExtensionContext, services: Services): PreviewApi {
  // Only previews rendered in this session carry it, so a URI crafted elsewhere (a web page, a document link)
  // cannot tick anything.
  const token = randomBytes(16).toString('hex');
  // The host's own scheme (`vscode`, `code-oss`, ...): a URI with it is routed to this extension's handler.
  const endpoint = vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: context.extension.id, path: TOGGLE_PATH }).toString();
  context.subscriptions.push(vscode.window.registerUriHandler(new PreviewToggleHandler(token, services)));

  const attributes = (task: RenderedTask, env: unknown): Array<readonly [string, string]> => {
    const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    return [
      ['data-et-text', task.lineText],
      ['data-et-endpoint', endpoint],
      ['data-et-token', token],
      ...(document instanceof vscode.Uri ? [['data-et-document', document.toString()] as const] : []),
    ];
  };
  return {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      taskCheckboxes(md, { attributes });
      return md;
    },
  };
}
