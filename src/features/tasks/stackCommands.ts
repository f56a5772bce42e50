// "Start Docker Stack", "Stop Docker Stack", "Show Stack Logs": compose files and profiles are picked once (in
// the order the user picks them: later files override earlier ones), remembered per workspace, and reused.
// Nothing starts until compose has read the files and reached the engine (StackClient.check): a problem is
// one message, and no task runs.
import * as vscode from 'vscode';
import { findComposeProfiles, nameProblem, splitList } from '../../core/launch';
import { describeError } from '../../services/logger';
import type { ComposeResolver } from '../stack/composeResolver';
import type { StackChoice, StackClient } from '../stack/stackClient';
import { startStack } from '../stack/startStack';
import { findComposeFiles, readText, type FoundFile } from './detect';
import { namesStep } from './quickInput';
import { createTask, TaskTypes } from './taskFactory';
import { ensureTrusted } from './trust';

const STACK_KEY = 'executionTracker.launch.stack';

export class StackCommands {
  private readonly chosen = new vscode.EventEmitter<void>();
  /** Fires when the user picks other files or profiles. */
  readonly onDidChooseStack = this.chosen.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly client: StackClient,
    private readonly resolver: ComposeResolver,
  ) {}

  dispose(): void {
    this.chosen.dispose();
  }

  async run(action: 'up' | 'down' | 'logs'): Promise<void> {
    const titles = { up: vscode.l10n.t('Start Docker Stack'), down: vscode.l10n.t('Stop Docker Stack'), logs: vscode.l10n.t('Show Stack Logs') };
    if (!ensureTrusted(titles[action])) return;
    const stack = this.remembered() ?? (await this.choose());
    if (!stack) return;
    const folder = this.client.folderOf(stack);
    if (!folder) return;
    const settings = await this.resolver.settingsFor(folder);
    const definition = { type: TaskTypes.compose, action, files: [...stack.files], profiles: [...stack.profiles], ...(action === 'up' ? { build: settings.composeBuild } : {}) };
    try {
      const task = createTask(definition, folder, `${action} ${stack.files.join(' + ')}`, settings);
      if (action === 'up') {
        await startStack(this.client, stack, task);
        return;
      }
      const checked = await this.client.check(stack);
      if (!checked.ok) {
        void vscode.window.showErrorMessage(checked.message);
        return;
      }
      await vscode.tasks.executeTask(task);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Execution Tracker: {0} could not start: {1}', titles[action], describeError(error)));
    }
  }

  /** The stack chosen for this workspace, if any (the Stack view shows it). */
  current(): StackChoice | undefined {
    return this.remembered();
  }

  /** Picks files and profiles again (also offered from the palette as "Choose Docker Stack Files…"). */
  async choose(): Promise<StackChoice | undefined> {
    if (!ensureTrusted(vscode.l10n.t('Choose Docker Stack Files'))) return undefined;
    const files = await findComposeFiles();
    if (files.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Execution Tracker: no compose file found (docker-compose*.yml, compose*.yaml). Add one to the workspace and try again.'));
      return undefined;
    }
    const chosen = await this.pickFilesInOrder(files);
    if (!chosen || chosen.length === 0) return undefined;
    const known = [...new Set((await Promise.all(chosen.map((file) => readText(file.uri)))).flatMap(findComposeProfiles))];
    const step = { title: vscode.l10n.t('Docker Stack'), step: 2, totalSteps: 2 };
    const profiles = await namesStep(step, vscode.l10n.t('Profiles to enable (optional): pick or type, then Enter'), known, [], nameProblem);
    if (profiles === undefined) return undefined;
    const choice: StackChoice = { folder: chosen[0].folder.uri.toString(), files: chosen.map((f) => f.relative), profiles };
    await this.state.update(STACK_KEY, choice);
    this.chosen.fire();
    void vscode.window.showInformationMessage(vscode.l10n.t('Execution Tracker: the stack is {0}{1}. Change it with "Choose Docker Stack Files…".', choice.files.join(', '), profiles.length ? vscode.l10n.t(' with profiles {0}', profiles.join(', ')) : ''));
    return choice;
  }

  private remembered(): StackChoice | undefined {
    const value = this.state.get<StackChoice>(STACK_KEY);
    if (!value || !Array.isArray(value.files) || value.files.length === 0) return undefined;
    return vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === value.folder) ? { ...value, profiles: splitList([...(value.profiles ?? [])]) } : undefined;
  }

  /** Multi-select that keeps the order of clicks, shown in the title. */
  private pickFilesInOrder(files: readonly FoundFile[]): Promise<FoundFile[] | undefined> {
    return new Promise((resolve) => {
      const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { file: FoundFile }>();
      const title = `${vscode.l10n.t('Docker Stack')} (1/2)`;
      pick.title = title;
      pick.placeholder = vscode.l10n.t('Compose files in the order compose should read them (later ones override earlier ones)');
      pick.canSelectMany = true;
      pick.ignoreFocusOut = true;
      pick.items = files.map((file) => ({ label: file.relative, file }));
      let order: FoundFile[] = [];
      let done = false;
      const finish = (value: FoundFile[] | undefined) => {
        if (done) return;
        done = true;
        resolve(value);
        pick.dispose();
      };
      pick.onDidChangeSelection((selected) => {
        const now = selected.map((item) => item.file);
        order = [...order.filter((f) => now.includes(f)), ...now.filter((f) => !order.includes(f))];
        // The order shows in the title; the items are left alone (re-setting them would re-render under the mouse).
        pick.title = order.length ? `${title}: ${order.map((f) => f.relative).join(' → ')}` : title;
      });
      pick.onDidAccept(() => finish(order));
      pick.onDidHide(() => finish(undefined));
      pick.show();
    });
  }
}
