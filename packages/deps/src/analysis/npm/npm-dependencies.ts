import {
  declaredNames,
  defineFact,
  locateJson,
  npmDeclaredNames,
  npmInstallation,
  packageJson,
  rootManifests,
  workspacePackages,
} from '@shipshape/core';
import { depsOptions } from '../../options';
import { lazyLookup, manifestFacts, type DependencyFacts } from '../facts';
import type { VersionSuggestion } from '../model';
import { npmDeclared } from './manifest';
import { rangeFor } from './ranges';
import { npmUses } from './uses';

/** The npm side of a project with a package.json: what it declares and uses; undefined when it has none. */
export const npmDependencies = defineFact({
  id: 'deps/npm-dependencies',
  inputs: [packageJson, declaredNames, workspacePackages, npmInstallation],
  compute: (project, manifest, names, packages, installation): DependencyFacts | undefined => {
    if (!manifest) return undefined;
    const { path: file, data } = manifest;
    const options = depsOptions(project);
    const declared = npmDeclared(data, file);
    const declaredAnywhere = names.npmWithRoot;
    const workspace = packages.filter((w) => w.project.root !== project.root);
    const uses = npmUses(project, { ownName: data.name, declared: declaredAnywhere, workspace });
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
        const installed = installation.resolve(name, project.root);
        return installed ? { spec: rangeFor(installed.version, style), source: 'installed' } : undefined;
      },
      stdlib: new Set(),
      ignored: new Set(options.ignoreDependencies ?? []),
      publishable: data.private !== true,
    };
  },
});
