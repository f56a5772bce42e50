// The extension's single log: one LogOutputChannel, so users can raise the level from the Output view.
import * as vscode from 'vscode';

export type Logger = Pick<vscode.LogOutputChannel, 'trace' | 'debug' | 'info' | 'warn' | 'error'>;

export function createLogger(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Execution Tracker', { log: true });
}

/** A readable one-line description of anything thrown, for logs and messages (never a stack trace in the UI). */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError) return `${error.message}: ${error.errors.map(describeError).join('; ')}`;
  return error instanceof Error ? error.message : String(error);
}
