import { editToml, type PyProject, type TomlEdit } from '@shipshape/core';
import type { DeclaredDependency, TargetGroup } from '../analysis/model';

interface ArrayDraft {
  path: string[];
  original: string[];
  removed: Set<number>;
  replaced: Map<number, string>;
  added: string[];
}

/** Edits of the requirement lists of one pyproject.toml, written at once; comments and formatting outside them stay. */
export class PyprojectDraft {
  private readonly arrays = new Map<string, ArrayDraft>();

  constructor(
    private readonly text: string,
    private readonly data: PyProject,
    /** Named by any refusal of an edit. */
    private readonly file?: string,
  ) {}

  /** Appends a requirement: runtime to [project].dependencies, dev to [dependency-groups] dev, optional to the extra `extra`. */
  add(requirement: string, to: TargetGroup, extra: string): void {
    const draft = this.array(targetPath(to, extra));
    if (!draft.added.includes(requirement)) draft.added.push(requirement);
  }

  move(declared: DeclaredDependency, to: TargetGroup, extra: string): void {
    this.remove(declared);
    this.add(declared.spec, to, extra);
  }

  remove(declared: DeclaredDependency): void {
    this.array(declared.path.slice(0, -1)).removed.add(Number(declared.path[declared.path.length - 1]));
  }

  replace(declared: DeclaredDependency, requirement: string): void {
    this.array(declared.path.slice(0, -1)).replaced.set(Number(declared.path[declared.path.length - 1]), requirement);
  }

  result(): string {
    const edits: TomlEdit[] = [];
    const newTables = new Map<string, { path: string[]; value: Record<string, string[]> }>();
    for (const draft of this.arrays.values()) {
      const value = [
        ...draft.original.map((entry, i) => draft.replaced.get(i) ?? entry).filter((_, i) => !draft.removed.has(i)),
        ...draft.added,
      ];
      const parentPath = draft.path.slice(0, -1);
      if (parentPath.length > 0 && valueAt(this.data, parentPath) === undefined) {
        const table = newTables.get(parentPath.join('\u0000')) ?? { path: parentPath, value: {} };
        table.value[draft.path[draft.path.length - 1]] = value;
        newTables.set(parentPath.join('\u0000'), table);
      } else edits.push({ path: draft.path, value });
    }
    return editToml(this.text, [...edits, ...newTables.values()], this.file);
  }

  private array(path: string[]): ArrayDraft {
    const key = path.join('\u0000');
    let draft = this.arrays.get(key);
    if (!draft) {
      const current = valueAt(this.data, path);
      draft = { path, original: Array.isArray(current) ? (current as string[]) : [], removed: new Set(), replaced: new Map(), added: [] };
      this.arrays.set(key, draft);
    }
    return draft;
  }
}

function targetPath(to: TargetGroup, extra: string): string[] {
  if (to === 'runtime') return ['project', 'dependencies'];
  if (to === 'dev') return ['dependency-groups', 'dev'];
  return ['project', 'optional-dependencies', extra];
}

function valueAt(data: unknown, path: string[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
