import { satisfies } from '@renovatebot/pep440';
import {
  dataAt,
  defineFact,
  locateToml,
  normalizeDistributionName,
  pyproject,
  PYTHON_VERSIONS,
  pythonAnalysis,
  pythonEnvironment,
  rootManifests,
  stdlibInSomeVersion,
  stdlibOfVersions,
  stringsIn,
  workspacePackages,
  type PyProject,
  type PythonEnvironment,
} from '@shipshape/core';
import { depsOptions } from '../../options';
import { lazyLookup, manifestFacts, type DependencyFacts } from '../facts';
import type { VersionSuggestion } from '../model';
import { pythonDeclared, rootDevDistributions, toolDeclared } from './manifest';
import { declaredAllNamedAfter, moduleDistributions, tableMinimum } from './modules';
import { extraUses, pythonSourceRoots, pythonUses } from './uses';

/** The Python side of a project with a pyproject.toml: what it declares and imports; undefined when it has none. */
export const pythonDependencies = defineFact({
  id: 'deps/python-dependencies',
  inputs: [pyproject],
  compute: async (project, manifest): Promise<DependencyFacts | undefined> => {
    if (!manifest) return undefined;
    const { path: file, data } = manifest;
    const options = depsOptions(project);
    const declared = [...pythonDeclared(data, file, manifest.text), ...toolDeclared(project, data)];
    const key = normalizeDistributionName;
    const declaredKeys = new Set(declared.map((d) => key(d.name)));
    const analysis = await project.get(pythonAnalysis);
    const environment = Object.keys(analysis.files).length > 0 || declared.length > 0 ? await project.get(pythonEnvironment) : null;
    const workspace = project.get(workspacePackages).filter((w) => w.python && w.project.root !== project.root);
    const distributionOf = moduleDistributions(options.pythonModules ?? {}, environment, declaredKeys);
    const runningStdlib = new Set(analysis.stdlibModules);
    const stdlib = new Set([...stdlibOfVersions(allowedPythons(data), runningStdlib), '__future__']);
    const imports = pythonUses(project, {
      analysis,
      stdlib,
      runningStdlib,
      workspace,
      distributionOf: (module) => distributionOf(module).name,
      sourceRoots: pythonSourceRoots(data),
    });
    // An import serves every declared distribution named after it (brotli and, on Python 2, brotlipy).
    const alsoServed = imports.flatMap((use) =>
      declaredAllNamedAfter(use.specifier.split('.')[0], declaredKeys)
        .filter((other) => other !== key(use.name))
        .map((other) => ({ ...use, name: other, declaredOnly: true })),
    );
    const uses = [...imports, ...alsoServed, ...extraUses(data, file, declared, imports)];
    return {
      ...manifestFacts('python', project, manifest, locateToml),
      declared,
      uses,
      key,
      rootDeclared: new Set(project.root === '.' ? [] : rootDevDistributions(project.get(rootManifests).pyproject).map(key)),
      broughtBy: lazyLookup(
        () =>
          requiredThrough(
            environment,
            declared.map((d) => d.name),
          ),
        key,
      ),
      version(name): VersionSuggestion | undefined {
        const local = workspace.find((w) => key(w.python!.name) === key(name));
        if (local?.python?.version) return { spec: `>=${local.python.version}`, source: 'workspace' };
        const installed = environment?.versions[key(name)];
        if (installed) return { spec: `>=${installed}`, source: 'installed' };
        const minimum = tableMinimum(name);
        return minimum ? { spec: `>=${minimum}`, source: 'table' } : undefined;
      },
      stdlib: new Set([...stdlib].map((m) => m.toLowerCase())),
      backport: (name) =>
        [...runningStdlib].some((m) => m.toLowerCase() === name.replace(/-/g, '_')) ||
        stdlibInSomeVersion(name.replace(/-/g, '_'), runningStdlib),
      ignored: new Set((options.ignoreDependencies ?? []).map(key)),
      publishable: !(Array.isArray(data.project?.classifiers) && data.project.classifiers.includes('Private :: Do Not Upload')),
      publishesTypes: false,
      pep621: typeof data.project?.name === 'string',
      dynamic: stringsIn(data, ['project', 'dynamic']),
      ...(typeof dataAt(data, ['build-system', 'build-backend']) === 'string'
        ? { buildBackend: dataAt(data, ['build-system', 'build-backend']) as string }
        : {}),
      ...(typeof data.project?.name !== 'string' && dataAt(data, ['tool', 'poetry']) !== undefined ? { tables: 'poetry' as const } : {}),
      installed: environment !== null && Object.keys(environment.versions).length > 0,
      // A declared backport of a standard module (dataclasses) needs no installing here, and brings nothing in.
      requirementsKnown:
        environment !== null &&
        declared
          .filter((d) => d.group === 'runtime' && !runningStdlib.has(d.name.toLowerCase().replace(/-/g, '_')))
          .every((d) => environment.versions[key(d.name)] !== undefined),
      inlined: () => false,
      closesCycle: () => false,
    };
  },
});

/**
 * The Python versions the project supports: `requires-python` (or Poetry's `python`), every version Shipshape
 * knows when it says nothing. A module standard on any of them is no dependency.
 */
function allowedPythons(data: PyProject): string[] {
  const written = dataAt(data, ['project', 'requires-python']) ?? dataAt(data, ['tool', 'poetry', 'dependencies', 'python']);
  if (typeof written !== 'string' || written.trim() === '') return [...PYTHON_VERSIONS];
  const specifier = written.replace(/\^(\d+)\.(\d+)/g, '>=$1.$2,<$1.999').replace(/~(\d+)\.(\d+)/g, '>=$1.$2,<$1.$2.999');
  const allowed = PYTHON_VERSIONS.filter((version) => {
    try {
      return satisfies(`${version}.0`, specifier) || satisfies(`${version}.99`, specifier);
    } catch {
      return true;
    }
  });
  return allowed.length > 0 ? allowed : [...PYTHON_VERSIONS];
}

/** For every distribution installed only as a requirement of the declared ones: the declared one that brings it. */
function requiredThrough(environment: PythonEnvironment | null, roots: string[]): Map<string, string> {
  const broughtBy = new Map<string, string>();
  if (!environment) return broughtBy;
  const seen = new Set(roots.map(normalizeDistributionName));
  const queue = roots.map((root) => ({ name: normalizeDistributionName(root), root }));
  for (let i = 0; i < queue.length; i++) {
    for (const requirement of environment.requires[queue[i].name] ?? []) {
      if (seen.has(requirement)) continue;
      seen.add(requirement);
      broughtBy.set(requirement, queue[i].root);
      queue.push({ name: requirement, root: queue[i].root });
    }
  }
  return broughtBy;
}
