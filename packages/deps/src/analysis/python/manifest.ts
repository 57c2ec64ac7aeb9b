import { parseRequirement, projectTools, type PyProject, type ShipshapeProject } from '@shipshape/core';
import type { DeclaredDependency, DeclaredGroup } from '../model';

/**
 * Extras that hold tests, docs, benchmarks or lint tools rather than a feature of the library: named so, or
 * starting so (attrs' `tests-no-zope`, `cov`, `benchmark`, `docs-build`).
 */
const DEV_EXTRA =
  /^(tests?|testing|dev|devel|develop|development|lint|linting|docs?|documentation|typing|types|mypy|style|check|checks|ci|cov|coverage|bench|benchmarks?|qa)([-_.].*)?$/i;
const isDevExtra = (extra: string) => DEV_EXTRA.test(extra);

/** Every requirement of [project].dependencies, the extras of [project.optional-dependencies] and PEP 735 [dependency-groups]. */
export function pythonDeclared(pyproject: PyProject, file: string): DeclaredDependency[] {
  const declared: DeclaredDependency[] = [];
  const add = (list: unknown, group: DeclaredGroup, section: string, path: string[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      if (typeof entry !== 'string') return; // {include-group = "..."} and friends
      const requirement = parseRequirement(entry);
      if (!requirement) return;
      const found: DeclaredDependency = { name: requirement.name, group, section, spec: entry, path: [...path, String(index)], file };
      if (requirement.marker) found.marker = requirement.marker;
      declared.push(found);
    });
  };
  const project = pyproject.project ?? {};
  add(project.dependencies, 'runtime', 'project.dependencies', ['project', 'dependencies']);
  for (const [extra, list] of Object.entries((project['optional-dependencies'] as Record<string, unknown> | undefined) ?? {})) {
    add(list, isDevExtra(extra) ? 'dev' : 'optional', `optional-dependencies.${extra}`, ['project', 'optional-dependencies', extra]);
  }
  for (const [group, list] of Object.entries((pyproject['dependency-groups'] as Record<string, unknown> | undefined) ?? {})) {
    add(list, 'dev', `dependency-groups.${group}`, ['dependency-groups', group]);
  }
  // What the build needs (setup.py's own imports): the build frontend installs it, the generators never edit it.
  const before = declared.length;
  add(pyproject['build-system']?.requires, 'dev', 'build-system.requires', ['build-system', 'requires']);
  for (const build of declared.slice(before)) build.tool = 'build-system';
  return declared;
}

/** What the project's Python tools declare in their own tables: Poetry's dependencies and groups, PDM's, Hatch's and uv's development ones. */
export function toolDeclared(project: ShipshapeProject): DeclaredDependency[] {
  return project
    .get(projectTools)
    .filter((tool) => tool.adapter.ecosystem === 'python')
    .flatMap((tool) =>
      tool.references.declared.map(({ name, spec, group, section, path, file }) => ({
        name,
        spec,
        group,
        section,
        path,
        file,
        tool: tool.adapter.name,
      })),
    );
}

/** The distributions a workspace-root pyproject.toml declares for development ([dependency-groups], uv's dev-dependencies). */
export function rootDevDistributions(pyproject: PyProject | undefined): string[] {
  if (!pyproject) return [];
  const groups = Object.values((pyproject['dependency-groups'] as Record<string, unknown> | undefined) ?? {});
  const uv = (pyproject.tool as { uv?: { 'dev-dependencies'?: unknown } } | undefined)?.uv?.['dev-dependencies'];
  const entries = [...groups, uv].flatMap((list): unknown[] => (Array.isArray(list) ? list : []));
  return entries.flatMap((entry) => (typeof entry === 'string' ? [parseRequirement(entry)?.name ?? ''] : [])).filter(Boolean);
}
