import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { matchesGlob, npmDeclaredNames } from '@shipshape/core/plugin';

interface Declarations {
  /** The names other projects can declare this one by: its package name, `nx.name`, project.json `name`. */
  names: string[];
  /** The name Nx knows it by: project.json `name`, else package.json `nx.name`, else its package name. */
  projectName?: string;
  /** What it declares: package names of its dependency fields, names of its implicitDependencies. */
  declared: string[];
}

/**
 * For each project root of `manifests` (the package.json and project.json files of the workspace's projects, see
 * projectManifests), the projects that declare it: its package name in a package.json dependency field, or its
 * project name in `implicitDependencies` (project.json, package.json `nx`; a glob matches names). The checks that
 * look at how dependents import a library (dead files, the exports map), at which projects depend on it (the
 * project-graph diagram) or at what they declare (the deps check's cycle test) read these projects, so their files
 * are inputs of its audit. Each is named as an Nx `projects` input takes it: its project name (a lookup), or
 * `directory:<root>` when it has none here (Nx then matches every project's root). An import nothing declares (a
 * path alias alone) is not seen here.
 */
export function declaredDependents(manifests: readonly string[], workspaceRoot: string): Map<string, string[]> {
  const byRoot = new Map<string, Declarations>();
  for (const file of manifests) {
    if (file.includes('node_modules/') || !/(^|\/)(package|project)\.json$/.test(file)) continue;
    const root = dirname(file);
    if (root === '.') continue;
    const data = readJson(join(workspaceRoot, file));
    if (!data) continue;
    const entry = byRoot.get(root) ?? { names: [], declared: [] };
    byRoot.set(root, entry);
    const nx = isRecord(data.nx) ? data.nx : {};
    if (file.endsWith('package.json')) {
      entry.names.push(...strings([data.name, nx.name]));
      entry.projectName ??= strings([nx.name, data.name])[0];
      entry.declared.push(...npmDeclaredNames(data));
      entry.declared.push(...implicit(nx.implicitDependencies));
    } else {
      entry.names.push(...strings([data.name]));
      entry.projectName = strings([data.name])[0] ?? entry.projectName;
      entry.declared.push(...implicit(data.implicitDependencies));
    }
  }
  const rootsByName = new Map<string, Set<string>>();
  for (const [root, { names }] of byRoot) for (const name of names) rootsByName.set(name, (rootsByName.get(name) ?? new Set()).add(root));
  const rootsOf = (declared: string): Iterable<string> =>
    isGlob(declared)
      ? [...rootsByName].flatMap(([name, roots]) => (matchesGlob(name, declared) ? [...roots] : []))
      : (rootsByName.get(declared) ?? []);
  const dependents = new Map<string, Set<string>>();
  for (const [dependent, { declared }] of byRoot)
    for (const name of new Set(declared))
      for (const root of rootsOf(name)) if (root !== dependent) dependents.set(root, (dependents.get(root) ?? new Set()).add(dependent));
  const patternOf = (root: string) => byRoot.get(root)?.projectName ?? `directory:${root}`;
  return new Map([...dependents].map(([root, roots]) => [root, [...roots].map(patternOf).sort()]));
}

const isGlob = (name: string) => /[*?[{]/.test(name);

/** The names an implicitDependencies list adds edges to (`!name` removes one; tags are left out). */
function implicit(value: unknown): string[] {
  return Array.isArray(value) ? strings(value).filter((name) => !/^!|^tag:/.test(name)) : [];
}

function strings(values: unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string' && value.length > 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isRecord(data) ? data : undefined;
  } catch {
    return undefined; // unreadable or malformed: its own audit says why
  }
}
