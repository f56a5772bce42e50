// Rows of the Runs view: workspace runs (CSV groups) and runs known only from tracker text, in version order.
import type { EndpointValues } from '../../core/locust/compare';
import { compareCategories, trackerRunId } from '../../core/locust/trend';
import type { LocustRun } from '../../core/locust';
import type { TrackerRunSummary } from '../../services/runStore';

export type RunNode =
  | {
      readonly kind: 'csv';
      readonly id: string;
      readonly label: string;
      readonly category: string;
      readonly run: LocustRun;
      /** Aggregated numbers; null when the run has no readable stats. */
      readonly values: EndpointValues | null;
      /** One line naming the file that could not be read. */
      readonly error: string | undefined;
    }
  | {
      readonly kind: 'tracker';
      readonly id: string;
      readonly label: string;
      readonly category: string;
      readonly summary: TrackerRunSummary;
    };

export interface CsvRunRead {
  readonly run: LocustRun;
  readonly values: EndpointValues | null;
  readonly error: string | undefined;
}

/**
 * CSV runs first by version, each tracker summary whose label no CSV run carries after it; runs that share a
 * version are told apart by the rest of their name.
 */
export function buildRunNodes(csv: readonly CsvRunRead[], tracker: ReadonlyMap<string, TrackerRunSummary>): RunNode[] {
  const versions = new Map<string, number>();
  for (const { run } of csv) if (run.meta.version) versions.set(run.meta.version.toLowerCase(), (versions.get(run.meta.version.toLowerCase()) ?? 0) + 1);
  const nodes: RunNode[] = csv.map(({ run, values, error }) => {
    const version = run.meta.version;
    const shared = version !== null && (versions.get(version.toLowerCase()) ?? 0) > 1;
    const label = version === null ? run.prefix : shared ? `${version} · ${run.meta.variant ?? run.prefix}` : version;
    return { kind: 'csv', id: run.id, label, category: version?.toLowerCase() ?? run.prefix, run, values, error };
  });
  for (const [id, summary] of tracker) {
    const label = summary.label!;
    if (versions.has(label.toLowerCase())) continue;
    nodes.push({ kind: 'tracker', id: id === trackerRunId(label) ? id : trackerRunId(label), label, category: label.toLowerCase(), summary });
  }
  return nodes.sort((a, b) => compareCategories(a.category, b.category) || (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'csv' ? -1 : 1));
}
