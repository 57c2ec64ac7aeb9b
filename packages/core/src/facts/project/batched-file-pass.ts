import { defineFact, defineWorkspaceFact, type ProjectFact } from '../fact';
import type { ShipshapeProject } from '../shipshape-project';
import type { ShipshapeWorkspace } from '../shipshape-workspace';

/** A pass over source files whose result is one entry per file: a Python `ast` helper run as one process. */
export interface FilePassSpec<T> {
  /** The fact's id, `<area>/<name>`. */
  id: string;
  /** The files of one project the pass reads (workspace-relative path to text); may throw: the project's own run reports it. */
  sources(project: ShipshapeProject): Record<string, string> | Promise<Record<string, string>>;
  /** Runs the pass over files of one or more projects, and returns the result of each file by its path. */
  run(workspace: ShipshapeWorkspace, sources: Record<string, string>, project: ShipshapeProject): Promise<Record<string, T>>;
}

/**
 * A project fact of a per-file pass that, in a batch (Nx's batch mode), runs once over the files of every project
 * the batch audits instead of once per project: a Python helper costs a process start and an interpreter load
 * (about 0.3 s), more than the pass itself. Outside a batch, or when the batch's run fails (one project's file can
 * break it), the project runs alone, and its failure is its own.
 */
export function defineBatchedFilePass<T>(spec: FilePassSpec<T>): ProjectFact<Promise<Record<string, T>>> {
  // read once per project: by the batch's run and by the project's own fact
  const sourcesOf = defineFact({ id: `${spec.id}-sources`, compute: async (project) => spec.sources(project) });
  const batched = defineWorkspaceFact({
    id: `${spec.id}-batch`,
    compute: async (workspace): Promise<Record<string, T> | undefined> => {
      const sources: Record<string, string> = {};
      let first: ShipshapeProject | undefined;
      for (const member of workspace.batch) {
        const project = workspace.project(member);
        try {
          Object.assign(sources, await project.get(sourcesOf));
          first ??= project;
        } catch {
          // this project runs alone, and reports why
        }
      }
      if (!first || Object.keys(sources).length === 0) return undefined;
      return spec.run(workspace, sources, first).catch(() => undefined);
    },
  });
  return defineFact({
    id: spec.id,
    compute: async (project): Promise<Record<string, T>> => {
      const sources = await project.get(sourcesOf);
      const files = Object.keys(sources);
      if (files.length === 0) return {};
      if (project.inBatch()) {
        const all = await project.workspace.get(batched);
        if (all && files.every((file) => file in all)) return Object.fromEntries(files.map((file) => [file, all[file]]));
      }
      return spec.run(project.workspace, sources, project);
    },
  });
}
