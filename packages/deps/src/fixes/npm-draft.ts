import { editJson, type JsonEdit, type PackageJson } from '@shipshape/core';
import type { DeclaredDependency, TargetGroup } from '../analysis/model';

/** Edits of one package.json, collected and written at once with the file's own formatting. */
export class NpmManifestDraft {
  private readonly edits: JsonEdit[] = [];

  constructor(
    private readonly text: string,
    private readonly data: PackageJson,
    /** Named by any refusal of an edit. */
    private readonly file?: string,
  ) {}

  /** Declares `name` in `to`; an optional dependency becomes an optional peer, kept in devDependencies so that it is installed for tests and builds. */
  add(name: string, to: TargetGroup, spec: string): void {
    if (to === 'runtime') this.edits.push({ path: ['dependencies', name], value: spec });
    else if (to === 'dev') this.edits.push({ path: ['devDependencies', name], value: spec });
    else {
      this.edits.push({ path: ['peerDependencies', name], value: spec }, { path: ['peerDependenciesMeta', name, 'optional'], value: true });
      if (!this.has('devDependencies', name)) this.edits.push({ path: ['devDependencies', name], value: spec });
    }
  }

  move(declared: DeclaredDependency, to: TargetGroup): void {
    const keepInDev = to === 'optional' && declared.section === 'devDependencies';
    if (!keepInDev) this.remove(declared);
    this.add(declared.name, to, declared.spec);
  }

  remove(declared: DeclaredDependency): void {
    this.edits.push({ path: [declared.section, declared.name], value: undefined });
    if (
      declared.section === 'peerDependencies' &&
      (this.data.peerDependenciesMeta as Record<string, unknown> | undefined)?.[declared.name]
    ) {
      this.edits.push({ path: ['peerDependenciesMeta', declared.name], value: undefined });
    }
  }

  setRange(declared: DeclaredDependency, spec: string): void {
    this.edits.push({ path: [declared.section, declared.name], value: spec });
  }

  /**
   * The edits, written at once. Entries of a section the manifest does not have yet make one new section, written
   * whole after the last key: an edit inside a missing section would have the JSON editor re-lay its neighbours
   * (`"keywords": [1,2,3]` on one line becoming five).
   */
  result(): string {
    const edits: JsonEdit[] = [];
    const created = new Map<string, Record<string, unknown>>();
    for (const edit of this.edits) {
      const [section, ...rest] = edit.path as string[];
      if (rest.length === 0 || Object.hasOwn(this.data, section)) {
        edits.push(edit);
        continue;
      }
      let object = created.get(section);
      if (!object) {
        created.set(section, (object = {}));
        edits.push({ path: [section], value: object });
      }
      setIn(object, rest, edit.value);
    }
    return editJson(
      this.text,
      edits.filter((edit) => !(edit.path.length === 1 && created.get(edit.path[0] as string) === edit.value && isEmpty(edit.value))),
      this.file,
    );
  }

  private has(section: string, name: string): boolean {
    const entries = this.data[section] as Record<string, unknown> | undefined;
    return (
      !!entries &&
      Object.hasOwn(entries, name) &&
      !this.edits.some((e) => e.path[0] === section && e.path[1] === name && e.value === undefined)
    );
  }
}

/** Sets (or, with `undefined`, deletes) the value at `path` inside `object`, creating the objects on the way. */
function setIn(object: Record<string, unknown>, path: string[], value: unknown): void {
  let node = object;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = (node[key] = typeof next === 'object' && next !== null ? next : {}) as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function isEmpty(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
