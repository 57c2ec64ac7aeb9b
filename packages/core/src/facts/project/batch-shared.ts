import { defineFact, defineWorkspaceFact, type ProjectFact } from '../fact';
import type { ShipshapeProject } from '../shipshape-project';
import { PART_FILE_LIMIT, partsOf } from './batch-parts';

/** A value built from one project or from several (a program over their files), shared by a batch's projects. */
export interface BatchSharedSpec<T, M> {
  /** The fact's id, `<area>/<name>`. */
  id: string;
  /** What the project brings (its files, its options); may throw: the project's own run reports it. */
  member(project: ShipshapeProject): M;
  /** Projects whose members have the same key share a value; `undefined`: the project has its own. */
  key(member: M): string | undefined;
  /** The member's size (its files) toward the part limit. */
  size(member: M): number;
  /** The value for one project alone, or for the projects of one part of a batch. */
  build(members: readonly { project: ShipshapeProject; member: M }[]): T;
  /** A part's size at most (default PART_FILE_LIMIT). */
  partLimit?: number;
}

/**
 * A project fact whose value, in a batch (Nx's batch mode), is shared by the batch's projects with the same key: a
 * typed program over all their files parses and checks the sources they have in common (a package many others
 * import) once, not once per project. The projects of a key are cut, in the batch's order, into parts of a bounded
 * size; a part's value is built when the first of its projects asks and dropped when a project of another part
 * does (a batch audits its projects one after the other), so a batch holds one part's value at a time. Outside a
 * batch, for a project without a key, or when its part's value cannot be built, the value is the project's own.
 * Readers must keep to the project's own part of it (its files, its entries).
 */
export function defineBatchShared<T, M>(spec: BatchSharedSpec<T, M>): ProjectFact<T> {
  const parts = defineWorkspaceFact({
    id: `${spec.id}-batch`,
    compute: (workspace): { valueOf(project: ShipshapeProject): T | undefined } => {
      const byKey = new Map<string, { project: ShipshapeProject; member: M }[]>();
      for (const node of workspace.batch) {
        const project = workspace.project(node);
        try {
          const member = spec.member(project);
          const key = spec.key(member);
          if (key === undefined) continue;
          byKey.set(key, [...(byKey.get(key) ?? []), { project, member }]);
        } catch {
          // this project runs alone, and reports why
        }
      }
      const all = [...byKey.values()].flatMap((members) =>
        partsOf(members, ({ member }) => spec.size(member), spec.partLimit ?? PART_FILE_LIMIT),
      );
      const partOf = new Map(all.flatMap((part, index) => part.map(({ project }) => [project.root, index] as const)));
      let current: { index: number; value: T } | undefined;
      const failed = new Set<number>();
      return {
        valueOf(project) {
          const index = partOf.get(project.root);
          if (index === undefined || failed.has(index)) return undefined;
          if (current?.index !== index) {
            current = undefined; // the previous part's value can go before the next is built
            try {
              current = { index, value: spec.build(all[index]) };
            } catch {
              failed.add(index); // its projects build their own: a failure is then the project's own
              return undefined;
            }
          }
          return current.value;
        },
      };
    },
  });
  return defineFact({
    id: spec.id,
    compute: (project): T => {
      const shared = project.inBatch() ? project.workspace.get(parts).valueOf(project) : undefined;
      return shared ?? spec.build([{ project, member: spec.member(project) }]);
    },
  });
}
