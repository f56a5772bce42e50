// A `when`-clause context key that only calls setContext when its value actually changes.
import * as vscode from 'vscode';

export class ContextKey<T extends boolean | string | number> {
  private value: T | undefined;

  constructor(private readonly name: string) {}

  set(value: T): void {
    if (this.value === value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', this.name, value);
  }
}
