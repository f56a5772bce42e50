// The CSV prefix a new run gets, from a template in the team's naming scheme (hasil_test_v49_200u_r4) and the
// next run version not yet used by any result file or any run the tracker mentions.
import * as l10n from '@vscode/l10n';
import { groupRuns } from '../locust/naming';
import { csvPrefixProblem } from './validate';

export const DEFAULT_CSV_PREFIX_TEMPLATE = 'hasil_test_v{version}_{users}u_r{spawnRate}';

export const TEMPLATE_FIELDS = ['version', 'users', 'spawnRate', 'runTime', 'tags', 'date'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/**
 * 1 + the highest run version (`v49`, `v26b` counts as 26) among result file names and tracker run labels.
 * `labels` are RunSummary labels (`v39`) or any text with a run id in it.
 */
export function nextRunVersion(fileNames: readonly string[], labels: readonly (string | null)[]): number {
  let highest = 0;
  for (const run of groupRuns(fileNames)) if (run.meta.versionNumber !== null) highest = Math.max(highest, run.meta.versionNumber);
  for (const label of labels) {
    for (const match of (label ?? '').matchAll(/(?<![\w-])v(\d+)[a-z]?(?![\w-])/g)) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}

/** Fills `{field}` placeholders; unknown placeholders are an error naming them. */
export function fillCsvPrefixTemplate(template: string, values: Partial<Record<TemplateField, string | number>>): { prefix: string } | { error: string } {
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((name) => !(TEMPLATE_FIELDS as readonly string[]).includes(name));
  if (unknown.length) return { error: l10n.t('unknown placeholder {0} in the CSV prefix template; use {1}', `{${unknown[0]}}`, TEMPLATE_FIELDS.map((f) => `{${f}}`).join(', ')) };
  let prefix = template.replace(/\{(\w+)\}/g, (_, name: TemplateField) => {
    const value = values[name];
    // A missing value drops its placeholder; runs of separators left behind are tidied below.
    return value === undefined ? '' : String(value).replace(/[^A-Za-z0-9_.-]+/g, '-');
  });
  prefix = prefix.replace(/_{2,}/g, '_').replace(/^[_.-]+|[_-]+$/g, '');
  const problem = csvPrefixProblem(prefix);
  return problem ? { error: l10n.t('the CSV prefix template gives {0}', problem) } : { prefix };
}
