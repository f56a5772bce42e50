// Small wrappers for the multi-step inputs: a titled step with inline validation by a core validator, and a
// multi-select pick that also takes typed names (split on commas and spaces, as tags are).
import * as vscode from 'vscode';
import { splitList } from '../../core/launch';

export interface Step {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export async function inputStep(step: Step, prompt: string, value: string, problem: (value: string) => string | undefined): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: `${step.title} (${step.step}/${step.totalSteps})`,
    prompt,
    value,
    ignoreFocusOut: true,
    validateInput: (text) => problem(text) ?? null,
  });
  return answer?.trim();
}

/**
 * Names from a list (multi-select) plus any typed in the filter box: `pages,broken` typed and Enter gives both.
 * Resolves undefined on Escape, [] when nothing was chosen.
 */
export function namesStep(step: Step, placeholder: string, known: readonly string[], preselected: readonly string[], problem: (name: string) => string | undefined): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
    const title = `${step.title} (${step.step}/${step.totalSteps})`;
    pick.title = title;
    pick.placeholder = placeholder;
    pick.canSelectMany = true;
    pick.ignoreFocusOut = true;
    const names = [...new Set([...known, ...preselected])];
    pick.items = names.map((name) => ({ label: name, description: known.includes(name) ? undefined : vscode.l10n.t('typed earlier') }));
    pick.selectedItems = pick.items.filter((item) => preselected.includes(item.label));
    let done = false;
    const finish = (value: string[] | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => {
      // QuickPick has no validation message in the stable API; the title carries the problem while it lasts.
      const bad = splitList(value).map(problem).find((p) => p !== undefined);
      pick.title = bad ? `${title}: ${bad}` : title;
    });
    pick.onDidAccept(() => {
      const typed = splitList(pick.value);
      if (typed.some((name) => problem(name) !== undefined)) return;
      finish([...new Set([...pick.selectedItems.map((item) => item.label), ...typed])]);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

export async function pickOne<T extends vscode.QuickPickItem>(step: Step, placeholder: string, items: readonly T[]): Promise<T | undefined> {
  return vscode.window.showQuickPick(items, { title: `${step.title} (${step.step}/${step.totalSteps})`, placeHolder: placeholder, ignoreFocusOut: true, matchOnDescription: true });
}
