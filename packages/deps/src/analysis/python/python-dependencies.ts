import {
  defineFact,
  locateToml,
  normalizeDistributionName,
  pyproject,
  pythonAnalysis,
  pythonEnvironment,
  rootManifests,
  workspacePackages,
  type PythonEnvironment,
} from '@shipshape/core';
import { depsOptions } from '../../options';
import { lazyLookup, manifestFacts, type DependencyFacts } from '../facts';
import type { VersionSuggestion } from '../model';
import { pythonDeclared, rootDevDistributions, toolDeclared } from './manifest';
import { moduleDistributions, tableMinimum } from './modules';
import { pythonUses } from './uses';

/** The Python side of a project with a pyproject.toml: what it declares and imports; undefined when it has none. */
export const pythonDependencies = defineFact({
  id: 'deps/python-dependencies',
  inputs: [pyproject],
  compute: async (project, manifest): Promise<DependencyFacts | undefined> => {
    if (!manifest) return undefined;
    const { path: file, data } = manifest;
    const options = depsOptions(project);
    const declared = [...pythonDeclared(data, file), ...toolDeclared(project)];
    const key = normalizeDistributionName;
    const declaredKeys = new Set(declared.map((d) => key(d.name)));
    const analysis = await project.get(pythonAnalysis);
    const environment = Object.keys(analysis.files).length > 0 || declared.length > 0 ? await project.get(pythonEnvironment) : null;
    const workspace = project.get(workspacePackages).filter((w) => w.python && w.project.root !== project.root);
    const distributionOf = moduleDistributions(options.pythonModules ?? {}, environment, declaredKeys);
    const stdlib = new Set([...analysis.stdlibModules, '__future__']);
    const uses = pythonUses(project, { analysis, stdlib, workspace, distributionOf: (module) => distributionOf(module).name });
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
      ignored: new Set((options.ignoreDependencies ?? []).map(key)),
      publishable: !(Array.isArray(data.project?.classifiers) && data.project.classifiers.includes('Private :: Do Not Upload')),
    };
  },
});

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
