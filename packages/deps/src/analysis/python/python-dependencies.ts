import { inProject, locateToml, normalizeDistributionName, parseToml, projectRelative, type PyProject, type PythonEnvironment } from '@shipshape/core';
import type { DependencyFacts } from '../facts';
import { pythonFileRole } from '../file-roles';
import type { DepsInput } from '../input';
import type { DependencyUse, VersionSuggestion } from '../model';
import { otherWorkspacePackages } from '../workspace';
import { pythonDeclared, rootDevDistributions } from './manifest';
import { moduleDistributions, tableMinimum } from './modules';
import { pythonImportNames } from './packages';

/** The Python side of a project with a pyproject.toml; undefined when it has none. */
export async function pythonFacts(input: DepsInput): Promise<DependencyFacts | undefined> {
  const manifestFile = inProject(input.project.root, 'pyproject.toml');
  const manifestText = input.read(manifestFile);
  if (manifestText === undefined) return undefined;
  const pyproject = parseToml<PyProject>(manifestText, manifestFile);
  const declared = pythonDeclared(pyproject, manifestFile);
  const key = normalizeDistributionName;
  const declaredKeys = new Set(declared.map((d) => key(d.name)));
  const analysis = await input.python();
  const environment = Object.keys(analysis.files).length > 0 || declared.length > 0 ? await input.pythonEnvironment() : null;
  const ownModules = pythonImportNames(input, input.project.root, pyproject);
  const workspace = otherWorkspacePackages(input).filter((w) => w.python);
  const distributionOf = moduleDistributions(input.options.pythonModules ?? {}, environment, declaredKeys);
  const stdlib = new Set([...analysis.stdlibModules, '__future__']);
  const devFiles = input.options.devFiles ?? [];

  const uses: DependencyUse[] = [];
  for (const [file, result] of Object.entries(analysis.files)) {
    if (result.error) continue;
    const role = pythonFileRole(projectRelative(input.project.root, file), { packages: ownModules, devFiles });
    for (const imported of result.imports) {
      if (imported.level > 0 || imported.module === '') continue;
      const top = imported.module.split('.')[0];
      if (stdlib.has(top) || ownModules.has(top)) continue;
      const local = workspace.find((w) => w.python!.modules.has(top));
      const name = local ? local.python!.name : distributionOf(imported.module).name;
      const use: DependencyUse = {
        name,
        file,
        line: imported.line,
        column: imported.column,
        role,
        typeOnly: imported.guard === 'type-checking',
        guarded: imported.guard === 'import-error',
        topLevel: !imported.inFunction,
        specifier: imported.module,
        declaredOnly: false,
      };
      if (local) use.workspaceProject = local.project;
      uses.push(use);
    }
  }

  let broughtBy: Map<string, string> | undefined;
  return {
    ecosystem: 'python',
    project: input.project.name,
    manifest: { file: manifestFile, text: manifestText },
    declared,
    uses,
    key,
    rootDeclared: new Set(input.project.root === '.' ? [] : rootDevDistributions(readRootPyproject(input)).map(key)),
    broughtBy(name) {
      broughtBy ??= requiredThrough(environment, declared.map((d) => d.name));
      return broughtBy.get(key(name));
    },
    version(name): VersionSuggestion | undefined {
      const local = workspace.find((w) => key(w.python!.name) === key(name));
      if (local?.python?.version) return { spec: `>=${local.python.version}`, source: 'workspace' };
      const installed = environment?.versions[key(name)];
      if (installed) return { spec: `>=${installed}`, source: 'installed' };
      const minimum = tableMinimum(name);
      return minimum ? { spec: `>=${minimum}`, source: 'table' } : undefined;
    },
    stdlib: new Set([...stdlib].map((m) => m.toLowerCase())),
    ignored: new Set((input.options.ignoreDependencies ?? []).map(key)),
    locate: (d) => locateToml(manifestText, d.path) ?? { line: 1, column: 1 },
    publishable: !(Array.isArray(pyproject.project?.classifiers) && pyproject.project.classifiers.includes('Private :: Do Not Upload')),
  };
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

function readRootPyproject(input: DepsInput): PyProject | undefined {
  const text = input.read('pyproject.toml');
  if (text === undefined) return undefined;
  try {
    return parseToml<PyProject>(text, 'pyproject.toml');
  } catch {
    return undefined;
  }
}
