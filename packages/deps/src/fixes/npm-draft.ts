import { editJson, type JsonEdit, type PackageJson } from '@shipshape/core';
import type { DeclaredDependency, TargetGroup } from '../analysis/model';

/** Edits of one package.json, collected and written at once with the file's own formatting. */
export class NpmManifestDraft {
  private readonly edits: JsonEdit[] = [];

  constructor(
    private readonly text: string,
    private readonly data: PackageJson,
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

  result(): string {
    return editJson(this.text, this.edits);
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
