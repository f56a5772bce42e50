// Evidence reference -> workspace files -> Locust run: the one lookup behind links, lenses and hovers.
import type * as vscode from 'vscode';
import type { LocustRun, RunFileRole } from '../../core/locust';
import { classifyFileName } from '../../core/locust/naming';
import type { EvidenceRef, RunSummary } from '../../core/tracker/model';
import type { EvidenceFiles } from '../../services/evidenceFiles';
import type { RunStore } from '../../services/runStore';

export interface LocatedRef {
  readonly ref: EvidenceRef;
  /** Workspace files the reference may mean, best first; empty when none exists. */
  readonly uris: readonly vscode.Uri[];
  /** The run the (first) file belongs to, when it is a Locust result. */
  readonly run: LocustRun | undefined;
  readonly role: RunFileRole | undefined;
}

/** Roles that carry a run's numbers: a line citing one of these is "Locust evidence". */
const NUMBER_ROLES: ReadonlySet<RunFileRole> = new Set(['stats', 'history', 'html', 'requests', 'distribution']);

export class EvidenceLocator {
  constructor(
    private readonly evidenceFiles: EvidenceFiles,
    private readonly runs: RunStore,
  ) {}

  async locateAll(document: vscode.Uri, refs: readonly EvidenceRef[]): Promise<LocatedRef[]> {
    const resolved = await this.evidenceFiles.indexFor(document);
    return refs.map((ref) => {
      const uris = resolved ? resolved.index.resolveAll(ref.ref).map(resolved.toUri) : [];
      const run = uris.length > 0 ? this.runs.runForFile(uris[0]) : undefined;
      const role = run ? classifyFileName(uris[0].path)?.role : undefined;
      return { ref, uris, run, role };
    });
  }

  async locate(document: vscode.Uri, ref: EvidenceRef): Promise<LocatedRef> {
    return (await this.locateAll(document, [ref]))[0];
  }

  /** True when the reference names a file with a run's numbers (stats, history, report). */
  static carriesNumbers(located: LocatedRef): boolean {
    return located.run !== undefined && located.role !== undefined && NUMBER_ROLES.has(located.role);
  }

  /** The workspace run a tracker run summary describes: same version; with several, the one whose variant the text names. */
  runForSummary(summary: RunSummary): LocustRun | undefined {
    if (!summary.label) return undefined;
    const candidates = this.runs.runsForVersion(summary.label);
    if (candidates.length <= 1) return candidates[0];
    const text = summary.source.toLowerCase().replace(/[\s-]+/g, '_');
    return candidates.find((run) => run.meta.variant && text.includes(run.meta.variant.toLowerCase())) ?? candidates[0];
  }
}
