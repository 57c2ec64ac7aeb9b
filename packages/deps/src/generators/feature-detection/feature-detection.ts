import type { Tree } from '@nx/devkit';
import {
  dataAt,
  defineFixGenerator,
  isTable,
  pyproject,
  pythonPackages,
  ShipshapeError,
  type FixResult,
  type ShipshapeProject,
} from '@shipshape/core';
import { completeAnalysis, type ProjectDependencies } from '../../analysis/dependency-analysis';
import type { DependencyUse } from '../../analysis/model';
import { DEPS_OPTIONS } from '../../options';
import { fixEachManifest } from '../shared/manifest-fixes';
import { packageFolderOf, scaffoldPythonLoader, wrapPythonImport } from './python-loader';
import type { FeatureDetectionGeneratorSchema } from './schema';
import { scaffoldTypescriptLoader } from './typescript-loader';

/**
 * `nx g @shipshape/deps:feature-detection --project=x [--dependency=y]`: a loader module for the optional
 * dependencies the library imports when a module loads; Python imports are wrapped to fall back to it.
 */
export const featureDetectionGenerator = defineFixGenerator<FeatureDetectionGeneratorSchema>({
  name: '@shipshape/deps:feature-detection',
  sections: [DEPS_OPTIONS],
  fix: async ({ tree, project, schema }) => {
    if (schema.dependency !== undefined) assertOptional(await completeAnalysis(project), schema.dependency, project.name);
    return fixEachManifest(project, (manifest) => {
      const targets = unguardedUses(manifest, schema.dependency);
      return manifest.facts.ecosystem === 'npm'
        ? typescriptLoaders(tree, project.root, targets)
        : pythonLoaders(tree, project, manifest, targets);
    });
  },
});

/**
 * Optional dependencies imported when a module loads, in the modules the check reports (those every entry point
 * loads), by name; `only` asked for by name gets an entry even with no such import.
 */
function unguardedUses({ facts, problems }: ProjectDependencies, only: string | undefined): Map<string, DependencyUse[]> {
  const reported = new Set(problems.filter((p) => p.kind === 'unguarded-optional').map((p) => `${p.file}\u0000${facts.key(p.name)}`));
  const optional = new Set(facts.declared.filter((d) => d.group === 'optional').map((d) => facts.key(d.name)));
  const hard = new Set(facts.declared.filter((d) => d.group === 'runtime' || d.group === 'peer').map((d) => facts.key(d.name)));
  const byName = new Map<string, DependencyUse[]>();
  for (const use of facts.uses) {
    const key = facts.key(use.name);
    if (!optional.has(key) || hard.has(key) || use.role !== 'runtime' || use.typeOnly || use.guarded || !use.topLevel || use.declaredOnly)
      continue;
    // Without --dependency, only the modules the check reports (those every entry point loads).
    if (only === undefined && !reported.has(`${use.file}\u0000${key}`)) continue;
    if (only !== undefined && key !== facts.key(only)) continue;
    byName.set(use.name, [...(byName.get(use.name) ?? []), use]);
  }
  if (only !== undefined && optional.has(facts.key(only)) && byName.size === 0) {
    const declared = facts.declared.find((d) => facts.key(d.name) === facts.key(only))!;
    byName.set(declared.name, []);
  }
  return byName;
}

function assertOptional(analyzed: ProjectDependencies[], dependency: string, project: string) {
  const declared = analyzed.some(({ facts }) =>
    facts.declared.some((d) => d.group === 'optional' && facts.key(d.name) === facts.key(dependency)),
  );
  if (!declared) {
    throw new ShipshapeError(
      `"${dependency}" is not an optional dependency of ${project}; make it one first: nx g @shipshape/deps:optional-groups --project=${project}`,
    );
  }
}

function typescriptLoaders(tree: Tree, root: string, targets: Map<string, DependencyUse[]>): FixResult {
  const done: string[] = [];
  const left: string[] = [];
  for (const [dependency, uses] of targets) {
    const loader = scaffoldTypescriptLoader(tree, root, dependency);
    done.push(`${loader.file}: ${loader.loaderName}() loads "${dependency}" on first use`);
    for (const use of uses) {
      left.push(
        `${use.file}:${use.line} imports "${dependency}" when the module loads: use \`await ${loader.loaderName}()\` from ${loader.file} where the feature needs it`,
      );
    }
  }
  return { done, left };
}

function pythonLoaders(
  tree: Tree,
  project: ShipshapeProject,
  { facts }: ProjectDependencies,
  targets: Map<string, DependencyUse[]>,
): FixResult {
  const result: Required<Pick<FixResult, 'changes' | 'done' | 'left'>> = { changes: [], done: [], left: [] };
  if (targets.size === 0) return result;
  const data = project.get(pyproject)?.data;
  // PEP 621's name, else Poetry's: what `pip install '<distribution>[<extra>]'` names
  const name = data?.project?.name ?? dataAt(data, ['tool', 'poetry', 'name']);
  const distribution = typeof name === 'string' ? name : '';
  const extraOf = (name: string) => {
    const section = facts.declared.find((d) => d.group === 'optional' && facts.key(d.name) === facts.key(name))?.section;
    if (section?.startsWith('optional-dependencies.')) return section.slice('optional-dependencies.'.length);
    // Poetry: the extra of [tool.poetry.extras] that lists it
    const extras = dataAt(data, ['tool', 'poetry', 'extras']);
    const listing = isTable(extras)
      ? Object.entries(extras).find(
          ([, names]) => Array.isArray(names) && names.some((n) => typeof n === 'string' && facts.key(n) === facts.key(name)),
        )
      : undefined;
    return listing?.[0] ?? facts.key(name);
  };
  const byFile = new Map<string, Array<{ use: DependencyUse; name: string }>>();
  for (const [name, uses] of targets) for (const use of uses) byFile.set(use.file, [...(byFile.get(use.file) ?? []), { use, name }]);

  const scaffolded = new Set<string>();
  const scaffold = (file: string | undefined) => {
    const target = file ? packageFolderOf(project.root, file) : firstPackage(project, facts);
    if (!target) return undefined;
    if (!scaffolded.has(target.folder)) {
      scaffolded.add(target.folder);
      result.done.push(
        `${scaffoldPythonLoader(tree, target.folder, distribution)}: import_optional(), lazy() and available() for optional dependencies`,
      );
    }
    return target;
  };
  if (byFile.size === 0) scaffold(undefined);
  for (const [file, entries] of byFile) {
    const target = scaffold(file);
    let text = tree.read(file, 'utf-8') ?? '';
    for (const { use, name } of [...entries].sort((a, b) => b.use.line - a.use.line)) {
      const wrapped =
        target && wrapPythonImport(text, use.line, `${target.module}._optional`, { distribution: name, extra: extraOf(name) });
      if (wrapped === undefined) {
        result.left.push(
          `${file}:${use.line} imports "${use.specifier}" (optional "${name}") when the module loads: move the import into the function that needs it, through import_optional() of ${target?.module ?? 'your package'}._optional`,
        );
        continue;
      }
      text = wrapped;
      result.done.push(`${file}:${use.line}: "${use.specifier}" falls back to a lazy stand-in when "${name}" is not installed`);
    }
    result.changes.push({ path: file, content: text });
  }
  return result;
}

/** The first runtime package of the project, for a loader asked for by name with no import to fix yet. */
function firstPackage(project: ShipshapeProject, facts: ProjectDependencies['facts']) {
  const runtimeFile = facts.uses.find((u) => u.role === 'runtime')?.file;
  if (runtimeFile) return packageFolderOf(project.root, runtimeFile);
  const { source } = project.workspace;
  const folder = project.get(pythonPackages).folders.find((f) => source.isFile(`${f}/__init__.py`));
  return folder ? packageFolderOf(project.root, `${folder}/__init__.py`) : undefined;
}

export default featureDetectionGenerator;
