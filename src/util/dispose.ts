// One small base class for everything that owns listeners, watchers or timers: register them once, dispose
// them all together. Modelled on VS Code's own extensions (markdown-language-features src/util/dispose.ts).
import * as vscode from 'vscode';

/**
 * Disposes every one of `disposables` in the order given, even when some throw; then throws what they threw
 * (the error, or an AggregateError of all), so a failure reaches a log instead of vanishing. VS Code logs what a
 * subscription's dispose throws; the services log it themselves (services/index.ts).
 */
export function disposeAll(disposables: Iterable<vscode.Disposable>): void {
  const errors: unknown[] = [];
  for (const disposable of disposables) {
    try {
      disposable.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} disposables failed`);
}

export abstract class Disposable implements vscode.Disposable {
  private _isDisposed = false;
  private readonly _disposables: vscode.Disposable[] = [];

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  public dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    // Reverse order so later registrations (which may depend on earlier ones) go first.
    const disposables = this._disposables.splice(0).reverse();
    disposeAll(disposables);
  }

  protected _register<T extends vscode.Disposable>(disposable: T): T {
    if (this._isDisposed) {
      disposable.dispose();
    } else {
      this._disposables.push(disposable);
    }
    return disposable;
  }
}
