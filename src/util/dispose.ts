// One small base class for everything that owns listeners, watchers or timers: register them once, dispose
// them all together. Modelled on VS Code's own extensions (markdown-language-features src/util/dispose.ts).
import * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private _isDisposed = false;
  private readonly _disposables: vscode.Disposable[] = [];

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  public dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    // Dispose in reverse order so later registrations (which may depend on earlier ones) go first.
    while (this._disposables.length > 0) {
      const disposable = this._disposables.pop();
      try {
        disposable?.dispose();
      } catch {
        // One failing dispose must not keep the others alive.
      }
    }
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
