// What Locust can select for a node of the Scenarios tree: a task by its tags (`--tags a b`, separate argv
// items, never "a,b"), else its User class (positional class name); a User class by name; a file runs all.
// Locust cannot pick a single untagged method, so such a task runs its whole class, and says so.
import * as l10n from '@vscode/l10n';
import { nameProblem } from '../launch/validate';
import type { ScenarioTask, ScenarioUser } from './model';

export type ScenarioNode =
  | { readonly kind: 'file' }
  | { readonly kind: 'user'; readonly user: ScenarioUser }
  /** `tags`: the task's own tags plus those of the TaskSets it is in. */
  | { readonly kind: 'task'; readonly user: ScenarioUser; readonly task: ScenarioTask; readonly tags: readonly string[]; readonly tagsDynamic: boolean };

export interface ScenarioSelection {
  readonly tags: readonly string[];
  readonly userClasses: readonly string[];
  /** Why the selection is wider than the node (the whole class runs); undefined when it is exact. */
  readonly widened?: string;
}

export function selectionFor(node: ScenarioNode): ScenarioSelection | { readonly refused: string } {
  switch (node.kind) {
    case 'file':
      return { tags: [], userClasses: [] };
    case 'user':
      if (node.user.abstract) return { refused: l10n.t('{0} is abstract: Locust does not run it', node.user.name) };
      return { tags: [], userClasses: [node.user.name] };
    case 'task': {
      if (node.user.abstract) return { refused: l10n.t('{0} is abstract: Locust does not run it', node.user.name) };
      const userClasses = [node.user.name];
      if (node.tagsDynamic) return { tags: [], userClasses, widened: l10n.t('the tags of {0} are dynamic, so all of {1} runs', node.task.name, node.user.name) };
      if (node.tags.length === 0) return { tags: [], userClasses, widened: l10n.t('{0} has no @tag, so all of {1} runs', node.task.name, node.user.name) };
      const bad = node.tags.find((tag) => nameProblem(tag) !== undefined);
      if (bad !== undefined) return { tags: [], userClasses, widened: l10n.t('the tag {0} cannot be passed safely ({1}), so all of {2} runs', JSON.stringify(bad), nameProblem(bad) ?? '', node.user.name) };
      return { tags: [...node.tags], userClasses };
    }
  }
}

/** Every task below a user, with the tags that reach it through its TaskSets (depth-first, file order). */
export function taskNodes(user: ScenarioUser): Array<Extract<ScenarioNode, { kind: 'task' }>> {
  const out: Array<Extract<ScenarioNode, { kind: 'task' }>> = [];
  const walk = (tasks: readonly ScenarioTask[], tags: readonly string[], dynamic: boolean) => {
    for (const task of tasks) {
      const own = [...new Set([...tags, ...task.tags])];
      out.push({ kind: 'task', user, task, tags: own, tagsDynamic: dynamic || task.tagsDynamic });
      walk(task.tasks, own, dynamic || task.tagsDynamic);
    }
  };
  walk(user.tasks, [], false);
  return out;
}
