import { join } from 'node:path';
import type { ResolvedOptions } from '../config/options';
import { inProject } from '../file-system/paths';
import { FactMemo, type ProjectFact, type WorkspaceFact } from './fact';
import type { WorkspaceProject } from './workspace-graph';
import type { ShipshapeWorkspace } from './shipshape-workspace';

/**
 * An Nx project as checks and generators see it. Every fact about it is asked for with `get(fact)`, computed on
 * first use and kept for the run, so a check pays only for what it reads and the checks of one run share the work.
 */
export class ShipshapeProject {
  readonly name: string;
  /** Workspace-relative root, `.` for a root project. */
  readonly root: string;
  readonly absRoot: string;
  readonly workspaceRoot: string;
  readonly tags: readonly string[];
  private readonly memo = new FactMemo<ShipshapeProject>(this);

  constructor(
    readonly workspace: ShipshapeWorkspace,
    node: WorkspaceProject,
    readonly options: ResolvedOptions,
  ) {
    this.name = node.name;
    this.root = node.root === '' ? '.' : node.root;
    this.tags = node.tags ?? [];
    this.workspaceRoot = workspace.root;
    this.absRoot = join(workspace.root, this.root);
  }

  get<T>(fact: ProjectFact<T> | WorkspaceFact<T>): T {
    return fact.scope === 'workspace' ? this.workspace.get(fact) : this.memo.get(fact);
  }

  /** Is this project audited in a batch (Nx's batch mode) with others? Then work for all of them can be done at once. */
  inBatch(): boolean {
    const { batch } = this.workspace;
    return batch.length > 1 && batch.some((member) => member.root === this.root);
  }

  /**
   * Forgets the facts computed so far: a batch audits hundreds of projects in one process, and a project's typed
   * programs and parsed sources are no longer needed once its report is written. Another project that asks for
   * one of them later (a dependent's imports) has it computed again.
   */
  releaseFacts(): void {
    this.memo.clear();
  }

  /** Workspace-relative path of a file of this project. */
  file(relativeToProject: string): string {
    return inProject(this.root, relativeToProject);
  }
}
