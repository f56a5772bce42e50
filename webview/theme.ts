// Theme colours read at runtime from VS Code's CSS variables, and a watcher that reports theme changes: VS Code
// swaps the body class (vscode-light / vscode-dark / vscode-high-contrast) and the variables on <html>.
import { paletteFrom, type Palette } from './palette';

export function readPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  return paletteFrom((name) => style.getPropertyValue(name));
}

export function themeKind(): string {
  const classes = document.body.classList;
  return ['vscode-high-contrast-light', 'vscode-high-contrast', 'vscode-light', 'vscode-dark'].find((c) => classes.contains(c)) ?? 'unknown';
}

/** Calls `onChange` (once per animation frame at most) when the body class or the variables change. */
export function watchTheme(onChange: () => void): () => void {
  let pending = 0;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      onChange();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => {
    observer.disconnect();
    if (pending) cancelAnimationFrame(pending);
  };
}
