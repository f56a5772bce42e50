// Ticking tasks in VS Code's built-in Markdown preview: a markdown-it plugin renders task checkboxes enabled, with
// their source line and a `data-vscode-context` for the webview's context menu; the preview script
// (previewScript.ts) opens that menu when a checkbox is clicked; its "Toggle Task" item runs
// `executionTracker.setTaskStateFromPreview` (toggleFromPreview.ts), which validates and runs the safe edit.
import { randomBytes } from 'node:crypto';
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { taskCheckboxContext } from '../../core/preview/taskContext';
import { taskCheckboxes, type RenderedTask } from '../../core/preview/taskCheckboxes';
import type { Services } from '../../services';
import { Commands } from '../commands';
import { toggleFromPreview } from './toggleFromPreview';

export interface PreviewApi {
  /** Returned from activate(): the markdown extension calls it for `contributes.markdown.markdownItPlugins`. */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function register(context: vscode.ExtensionContext, services: Services): PreviewApi {
  // Only checkboxes rendered by this extension in this session carry it, so a document's own raw HTML cannot
  // forge a toggle.
  const token = randomBytes(16).toString('hex');
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.setTaskStateFromPreview, (argument: unknown) => toggleFromPreview(argument, token, services)),
  );

  const attributes = (task: RenderedTask, env: unknown): Array<readonly [string, string]> => {
    const document = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
    const uri = document instanceof vscode.Uri ? document.toString() : undefined;
    return [['data-vscode-context', JSON.stringify(taskCheckboxContext(task.line, task.lineText, task.checked, token, uri))]];
  };
  return {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      taskCheckboxes(md, { attributes });
      return md;
    },
  };
}
