import {
  buildOutputs,
  declaredNames,
  defineFact,
  locateJson,
  npmDeclaredNames,
  npmInstallation,
  packageJson,
  projectTools,
  rootManifests,
  workspacePackages,
  type PackageJson,
  type ShipshapeProject,
  type WorkspacePackage,
} from '@shipshape/core';
import table from '../../data/npm-peers.json';
import { depsOptions } from '../../options';
import { lazyLookup, manifestFacts, type DependencyFacts } from '../facts';
import type { DeclaredDependency, VersionSuggestion } from '../model';
import { loadedByEveryEntry } from './build-output';
import { npmDeclared } from './manifest';
import { rangeFor } from './ranges';
import { npmUses } from './uses';

const KNOWN_PEERS = table.peers as Record<string, string[]>;

/** The npm side of a project with a package.json: what it declares and uses; undefined when it has none. */
export const npmDependencies = defineFact({
  id: 'deps/npm-dependencies',
  inputs: [packageJson, declaredNames, workspacePackages, npmInstallation],
  compute: (project, manifest, names, packages, installation): DependencyFacts | undefined => {
    if (!manifest) return undefined;
    const { path: file, data } = manifest;
    const options = depsOptions(project);
    const declared = npmDeclared(data, file, manifest.text);
    const declaredAnywhere = names.npmWithRoot;
    const workspace = packages.filter((w) => w.project.root !== project.root);
    const installed = [...declaredAnywhere].some((name) => installation.resolve(name, project.root) !== undefined);
    const peersOf = (name: string) => {
      const found = installation.resolve(name, project.root);
      return found ? found.peers : (KNOWN_PEERS[name] ?? []);
    };
    const declarations = declared.map((d) => ({ name: d.name, file: d.file, dev: d.group === 'dev' }));
    const uses = npmUses(project, {
      ownName: data.name,
      declared: declaredAnywhere,
      workspace,
      isOutput: (f) => project.get(buildOutputs).isOutput(f),
      peersOf,
      declarations,
      loadedByEveryEntry: loadedByEveryEntry(project),
    });
    const workspaceVersions = new Map(workspace.flatMap((w) => (w.npm?.version ? [[w.npm.name, w.npm.version] as const] : [])));
    const style = options.rangeStyle ?? 'caret';
    return {
      ...manifestFacts('npm', project, manifest, locateJson),
      declared,
      uses,
      key: (name) => name,
      rootDeclared: new Set(project.root === '.' ? [] : npmDeclaredNames(project.get(rootManifests).packageJson)),
      broughtBy: lazyLookup(() => installation.closure([...declaredAnywhere], project.root)),
      version(name): VersionSuggestion | undefined {
        const local = workspaceVersions.get(name);
        if (local) return { spec: rangeFor(local, style), source: 'workspace' };
        const resolved = installation.resolve(name, project.root);
        return resolved ? { spec: rangeFor(resolved.version, style), source: 'installed' } : undefined;
      },
      stdlib: new Set(),
      backport: () => false,
      ignored: new Set(options.ignoreDependencies ?? []),
      publishable: data.private !== true,
      pep621: false,
      publishesTypes:
        typeof data.types === 'string' ||
        typeof data.typings === 'string' ||
        /"types"\s*:|\.d\.[cm]?ts"/.test(JSON.stringify(data.exports ?? {})),
      installed,
      requirementsKnown: declared
        .filter((d) => d.group === 'runtime')
        .every((d) => installation.resolve(d.name, project.root) !== undefined),
      inlined: inlinedByBuild(project, declared),
      closesCycle: cycleCloser(project, data, workspace),
    };
  },
});

/**
 * What the build bundles into the published output instead of leaving to users: tsup and tsdown inline every
 * import that is not a dependency or peer, and any bundler what its `noExternal` lists.
 */
function inlinedByBuild(project: ShipshapeProject, declared: DeclaredDependency[]): (name: string) => boolean {
  const outputs = project.get(projectTools).flatMap((tool) => tool.references.outputs);
  const external = new Set(declared.filter((d) => d.group !== 'dev').map((d) => d.name));
  const undeclared = outputs.some((o) => o.inlines === 'undeclared');
  const listed = new Set(outputs.flatMap((o) => o.inlined ?? []));
  return (name) => listed.has(name) || (undeclared && !external.has(name));
}

/** Whether declaring a workspace package would close a cycle: it depends, directly or through others, on this project. */
function cycleCloser(project: ShipshapeProject, data: PackageJson, workspace: readonly WorkspacePackage[]): (name: string) => boolean {
  const own = typeof data.name === 'string' ? data.name : undefined;
  let edges: Map<string, string[]> | undefined;
  const dependenciesOf = (name: string) => {
    edges ??= new Map(
      workspace.flatMap((w) => {
        if (!w.npm) return [];
        try {
          // the manifest workspacePackages parsed already, not a second read
          return [[w.npm.name, npmDeclaredNames(project.workspace.project(w.project).get(packageJson)?.data)] as const];
        } catch {
          return [];
        }
      }),
    );
    return edges.get(name) ?? [];
  };
  return (name) => {
    if (!own) return false;
    const seen = new Set<string>([name]);
    const queue = [name];
    for (let i = 0; i < queue.length; i++) {
      for (const next of dependenciesOf(queue[i])) {
        if (next === own) return true;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return false;
  };
}
