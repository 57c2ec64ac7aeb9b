import {
  dataAt,
  isTable,
  kindOf,
  locateToml,
  parseRequirement,
  pythonProjectTools,
  type PyProject,
  type ShipshapeProject,
  shownValue,
} from '@shipshape/core';
import { wrongShape } from '../manifest-shape';
import type { DeclaredDependency, DeclaredGroup } from '../model';

/**
 * Extras that hold tests, docs, benchmarks or lint tools rather than a feature of the library: named so, or
 * starting so (attrs' `tests-no-zope`, `cov`, `benchmark`, `docs-build`).
 */
const DEV_EXTRA =
  /^(tests?|testing|dev|devel|develop|development|lint|linting|docs?|documentation|typing|types|mypy|style|check|checks|ci|cov|coverage|bench|benchmarks?|qa)([-_.].*)?$/i;
const isDevExtra = (extra: string) => DEV_EXTRA.test(extra);

/**
 * Every requirement of [project].dependencies, the extras of [project.optional-dependencies] and PEP 735
 * [dependency-groups]. A list that is not a list (`dependencies = "requests"`), an entry that is not a string,
 * or a string that is not a PEP 508 requirement is one error naming the file, the field and its line: what
 * the build reads from it is not what it seems, and an edit would overwrite it.
 */
export function pythonDeclared(pyproject: PyProject, file: string, text: string): DeclaredDependency[] {
  const declared: DeclaredDependency[] = [];
  const wrong = (field: string, path: string[], problem: string) => wrongShape(file, field, locateToml(text, path), problem);
  const add = (list: unknown, group: DeclaredGroup, section: string, path: string[], field: string, groupTables = false) => {
    if (list === undefined) return;
    if (!Array.isArray(list))
      throw wrong(
        field,
        path,
        `is ${kindOf(list, 'toml')} (${shownValue(list)}), not a list of requirements${typeof list === 'string' ? ` (${path[path.length - 1]} = [${JSON.stringify(list)}])` : ''}`,
      );
    list.forEach((entry: unknown, index) => {
      const at = [...path, String(index)];
      if (groupTables && isTable(entry)) return; // {include-group = "..."}
      if (typeof entry !== 'string')
        throw wrong(`${field}[${index}]`, at, `is ${kindOf(entry, 'toml')} (${shownValue(entry)}), not a requirement string`);
      const requirement = parseRequirement(entry);
      if (!requirement)
        throw wrong(
          `${field}[${index}]`,
          at,
          `${JSON.stringify(entry)} is not a PEP 508 requirement: it must start with a distribution name`,
        );
      const found: DeclaredDependency = { name: requirement.name, group, section, spec: entry, path: at, file };
      if (requirement.marker) found.marker = requirement.marker;
      declared.push(found);
    });
  };
  const tableAt = (value: unknown, field: string, path: string[]): Record<string, unknown> => {
    if (value === undefined) return {};
    if (!isTable(value)) throw wrong(field, path, `is ${kindOf(value, 'toml')} (${shownValue(value)}), not a table`);
    return value;
  };
  const project = isTable(pyproject.project) ? pyproject.project : {};
  add(project.dependencies, 'runtime', 'project.dependencies', ['project', 'dependencies'], '[project].dependencies');
  const extras = tableAt(project['optional-dependencies'], '[project.optional-dependencies]', ['project', 'optional-dependencies']);
  for (const [extra, list] of Object.entries(extras)) {
    const path = ['project', 'optional-dependencies', extra];
    add(list, isDevExtra(extra) ? 'dev' : 'optional', `optional-dependencies.${extra}`, path, `[project.optional-dependencies] ${extra}`);
  }
  const groups = tableAt(pyproject['dependency-groups'], '[dependency-groups]', ['dependency-groups']);
  for (const [group, list] of Object.entries(groups)) {
    add(list, 'dev', `dependency-groups.${group}`, ['dependency-groups', group], `[dependency-groups] ${group}`, true);
  }
  // What the build needs (setup.py's own imports): the build frontend installs it, the generators never edit it.
  const requires = isTable(pyproject['build-system']) ? pyproject['build-system'].requires : undefined;
  if (Array.isArray(requires)) {
    for (const [index, entry] of requires.entries()) {
      const requirement = typeof entry === 'string' ? parseRequirement(entry) : undefined;
      if (requirement)
        declared.push({
          name: requirement.name,
          group: 'dev',
          section: 'build-system.requires',
          spec: entry as string,
          path: ['build-system', 'requires', String(index)],
          file,
          tool: 'build-system',
        });
    }
  }
  return declared;
}

/**
 * What the project's Python tools declare in their own tables: Poetry's dependencies and groups, PDM's, Hatch's
 * and uv's development ones, requirements files. A requirements file that setuptools reads as the project's
 * dynamic dependencies (`[tool.setuptools.dynamic] dependencies = { file = [...] }`) or as an extra's holds
 * runtime or optional requirements, not development ones.
 */
export function toolDeclared(project: ShipshapeProject, data?: PyProject): DeclaredDependency[] {
  const dynamic = setuptoolsDynamicFiles(project, data);
  return project.get(pythonProjectTools).flatMap((tool) =>
    tool.references.declared.map(({ name, spec, group, section, path, file }) => ({
      name,
      spec,
      group: dynamic.get(file) ?? group,
      section,
      path,
      file,
      tool: tool.adapter.name,
    })),
  );
}

/** The files setuptools reads dynamic dependencies from, workspace-relative, with the group they hold. */
function setuptoolsDynamicFiles(project: ShipshapeProject, data: PyProject | undefined): Map<string, DeclaredGroup> {
  const files = new Map<string, DeclaredGroup>();
  const dynamic = dataAt(data, ['tool', 'setuptools', 'dynamic']);
  if (!isTable(dynamic)) return files;
  const add = (spec: unknown, group: DeclaredGroup) => {
    const file = isTable(spec) ? spec.file : undefined;
    for (const path of typeof file === 'string' ? [file] : Array.isArray(file) ? file : [])
      if (typeof path === 'string') files.set(project.file(path.replace(/^\.\//, '')), group);
  };
  add(dynamic.dependencies, 'runtime');
  if (isTable(dynamic['optional-dependencies']))
    for (const [extra, spec] of Object.entries(dynamic['optional-dependencies'])) add(spec, isDevExtra(extra) ? 'dev' : 'optional');
  return files;
}

/** The distributions a workspace-root pyproject.toml declares for development ([dependency-groups], uv's dev-dependencies). */
export function rootDevDistributions(pyproject: PyProject | undefined): string[] {
  if (!pyproject) return [];
  const groups = Object.values((pyproject['dependency-groups'] as Record<string, unknown> | undefined) ?? {});
  const uv = (pyproject.tool as { uv?: { 'dev-dependencies'?: unknown } } | undefined)?.uv?.['dev-dependencies'];
  const entries = [...groups, uv].flatMap((list): unknown[] => (Array.isArray(list) ? list : []));
  return entries.flatMap((entry) => (typeof entry === 'string' ? [parseRequirement(entry)?.name ?? ''] : [])).filter(Boolean);
}
