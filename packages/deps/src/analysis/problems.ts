import type { DependencyFacts } from './facts';
import type { DeclaredDependency, DependencyProblem, DependencyUse, TargetGroup } from './model';
import { describeDeclared, describeTarget } from './sections';

/**
 * Every dependency problem of a project: each used name checked against what is declared where, and each
 * declaration against what uses it. One problem per name and kind, at the first place that shows it.
 */
export function findDependencyProblems(facts: DependencyFacts): DependencyProblem[] {
  const problems: DependencyProblem[] = [];
  const usesByKey = groupBy(facts.uses, (use) => facts.key(use.name));
  const declaredByKey = groupBy(facts.declared, (declared) => facts.key(declared.name));

  for (const [key, uses] of usesByKey) {
    if (facts.ignored.has(key)) continue;
    problems.push(...useProblems(facts, uses, declaredByKey.get(key) ?? []));
  }
  for (const [key, declarations] of declaredByKey) {
    if (facts.ignored.has(key) || usesByKey.has(key)) continue;
    problems.push(...declarationProblems(facts, key, declarations));
  }
  problems.push(...typesPlacementProblems(facts, usesByKey, declaredByKey));
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.name.localeCompare(b.name));
}

function useProblems(facts: DependencyFacts, uses: DependencyUse[], declarations: DeclaredDependency[]): DependencyProblem[] {
  const name = declarations[0]?.name ?? uses[0].name;
  const groups = new Set(declarations.map((d) => d.group));
  const runtime = uses.filter((u) => u.role === 'runtime' && !u.typeOnly);
  const runtimeTypes = uses.filter((u) => u.role === 'runtime' && u.typeOnly);
  const dev = uses.filter((u) => u.role === 'dev');

  if (runtime.length > 0) {
    const allGuarded = runtime.every((u) => u.guarded);
    const target: TargetGroup = allGuarded ? 'optional' : 'runtime';
    const inRuntime = declarations.find((d) => d.group === 'runtime');
    const inDev = declarations.find((d) => d.group === 'dev');
    if (inRuntime || groups.has('peer') || groups.has('optional')) {
      if (allGuarded && inRuntime && !groups.has('optional')) return [optionalProblem(facts, name, runtime, inRuntime)];
      if (!inRuntime && !groups.has('peer') && groups.has('optional')) return unguardedProblems(facts, name, runtime);
      return [];
    }
    if (inDev) return [movedToRuntime(facts, name, runtime, inDev, target)];
    return undeclared(facts, name, runtime, target);
  }
  if (runtimeTypes.length > 0) {
    if (declarations.length > 0 || facts.rootDeclared.has(facts.key(name))) return [];
    return undeclared(facts, name, runtimeTypes, 'dev');
  }
  if (declarations.length > 0) {
    if (typedPackage(name)) return []; // where @types packages belong: typesPlacementProblems
    const onlyRuntime = declarations.every((d) => d.group === 'runtime');
    return onlyRuntime && dev.length > 0 ? [movedToDev(facts, name, dev, declarations[0])] : [];
  }
  if (facts.rootDeclared.has(facts.key(name))) return [];
  return undeclared(facts, name, dev, 'dev');
}

function undeclared(facts: DependencyFacts, name: string, uses: DependencyUse[], to: TargetGroup): DependencyProblem[] {
  const imports = uses.filter((u) => !u.declaredOnly);
  if (imports.length === 0) return [];
  const first = imports[0];
  const via = facts.broughtBy(name);
  const where = describeUses(imports);
  const what = first.role === 'runtime' ? (first.typeOnly ? 'the types of library code' : 'library code') : 'tests or tooling';
  const module = first.specifier !== name && facts.ecosystem === 'python' ? `"${first.specifier}" (distribution "${name}")` : `"${name}"`;
  const add = `declare it in ${describeTarget(facts.ecosystem, to)}`;
  const rootOnly =
    to !== 'dev' && facts.rootDeclared.has(facts.key(name))
      ? ' (the workspace root declares it, but that is not published with the package)'
      : '';
  const handled = to === 'optional' ? ', where its absence is handled,' : '';
  const message = via
    ? `${module} is imported by ${what} (${where})${handled} but is only installed as a dependency of "${via}"${rootOnly}: ${add}`
    : `${module} is imported by ${what} (${where})${handled} but not declared in ${manifestName(facts)}${rootOnly}: ${add}`;
  // Imported only where its absence is handled: an optional feature waiting for its group, not a crash.
  const kind = to === 'optional' ? 'optional' : via ? 'transitive' : 'missing';
  return [
    {
      kind,
      name,
      message,
      file: first.file,
      line: first.line,
      column: first.column,
      key: `${kind}:${facts.key(name)}`,
      fix: { action: 'add', to, version: facts.version(name) },
    },
  ];
}

function movedToRuntime(
  facts: DependencyFacts,
  name: string,
  uses: DependencyUse[],
  declared: DeclaredDependency,
  to: TargetGroup,
): DependencyProblem {
  const first = uses[0];
  return {
    kind: 'misplaced',
    name,
    message: `"${name}" is imported by library code (${describeUses(uses)}) but declared in ${describeDeclared(facts.ecosystem, declared)}, which users of the package do not get: move it to ${describeTarget(facts.ecosystem, to)}`,
    file: first.file,
    line: first.line,
    column: first.column,
    key: `misplaced-runtime:${facts.key(name)}`,
    fix: { action: 'move', declared, to },
  };
}

function movedToDev(facts: DependencyFacts, name: string, uses: DependencyUse[], declared: DeclaredDependency): DependencyProblem {
  return {
    kind: 'misplaced',
    name,
    message: `"${name}" is declared in ${describeDeclared(facts.ecosystem, declared)} but only tests and tooling use it (${describeUses(uses)}): move it to ${describeTarget(facts.ecosystem, 'dev')}`,
    file: declared.file,
    ...facts.locate(declared),
    key: `misplaced-dev:${facts.key(name)}`,
    fix: { action: 'move', declared, to: 'dev' },
  };
}

function optionalProblem(facts: DependencyFacts, name: string, uses: DependencyUse[], declared: DeclaredDependency): DependencyProblem {
  const first = uses[0];
  return {
    kind: 'optional',
    name,
    message: `"${name}" is only imported where its absence is handled (${describeUses(uses)}) but declared as a required dependency in ${describeDeclared(facts.ecosystem, declared)}: make it ${describeTarget(facts.ecosystem, 'optional')}`,
    file: first.file,
    line: first.line,
    column: first.column,
    key: `optional:${facts.key(name)}`,
    fix: { action: 'move', declared, to: 'optional' },
  };
}

function unguardedProblems(facts: DependencyFacts, name: string, uses: DependencyUse[]): DependencyProblem[] {
  const unguarded = uses.filter((u) => u.topLevel && !u.guarded && !u.declaredOnly);
  const firstPerFile = [...groupBy(unguarded, (u) => u.file).values()].map((inFile) => inFile[0]);
  return firstPerFile.map((use) => ({
    kind: 'unguarded-optional' as const,
    name,
    message: `"${name}" is an optional dependency, but ${use.file} imports it when the module loads, without handling its absence: users without it cannot import this module at all. Load it on first use through a feature-detection loader`,
    file: use.file,
    line: use.line,
    column: use.column,
    key: `unguarded:${facts.key(name)}`,
    fix: { action: 'add' as const, to: 'optional' as const },
  }));
}

function declarationProblems(facts: DependencyFacts, key: string, declarations: DeclaredDependency[]): DependencyProblem[] {
  const problems: DependencyProblem[] = [];
  for (const declared of declarations) {
    const where = facts.locate(declared);
    if (facts.ecosystem === 'python' && facts.stdlib.has(key.replace(/-/g, '_')) && !declared.marker) {
      problems.push({
        kind: 'stdlib',
        name: declared.name,
        message: `"${declared.name}" is a module of Python's standard library, not a package to install: remove it from ${describeDeclared(facts.ecosystem, declared)}`,
        file: declared.file,
        ...where,
        key: `stdlib:${key}:${declared.section}`,
        fix: { action: 'remove', declared },
      });
    } else if (!(facts.ecosystem === 'python' && declared.group === 'dev')) {
      problems.push({
        kind: 'unused',
        name: declared.name,
        message: `"${declared.name}" is declared in ${describeDeclared(facts.ecosystem, declared)} but no code, script or configuration of ${facts.project} uses it`,
        file: declared.file,
        ...where,
        key: `unused:${key}:${declared.section}`,
        fix: { action: 'remove', declared },
      });
    }
  }
  return problems;
}

/** npm only: `@types/x` next to a runtime `x`, or a runtime `@types/x` for a package users never load. */
function typesPlacementProblems(
  facts: DependencyFacts,
  usesByKey: Map<string, DependencyUse[]>,
  declaredByKey: Map<string, DeclaredDependency[]>,
): DependencyProblem[] {
  if (facts.ecosystem !== 'npm') return [];
  const problems: DependencyProblem[] = [];
  for (const [key, declarations] of declaredByKey) {
    const typed = typedPackage(key);
    if (!typed || facts.ignored.has(key)) continue;
    const runtimeTypes = declarations.find((d) => d.group === 'runtime');
    const typedGroups = new Set((declaredByKey.get(typed) ?? []).map((d) => d.group));
    const typedAtRuntime = typedGroups.has('runtime') || typedGroups.has('peer') || typed === 'node';
    const usedByLibrary = (usesByKey.get(key) ?? []).some((u) => u.role === 'runtime');
    if (runtimeTypes && !typedAtRuntime && !(usesByKey.get(typed) ?? []).some((u) => u.role === 'runtime')) {
      problems.push({
        kind: 'types',
        name: key,
        message: `"${key}" is declared in "dependencies", but "${typed}" is not a runtime dependency, so users of the package do not need its types: move it to "devDependencies"`,
        file: runtimeTypes.file,
        ...facts.locate(runtimeTypes),
        key: `types:${key}`,
        fix: { action: 'move', declared: runtimeTypes, to: 'dev' },
      });
    }
    const devTypes = declarations.find((d) => d.group === 'dev');
    if (devTypes && !runtimeTypes && typedGroups.has('runtime') && usedByLibrary && exportsTypesOf(facts, typed)) {
      problems.push({
        kind: 'types',
        name: key,
        message: `"${key}" is declared in "devDependencies", but library code exposes types of the runtime dependency "${typed}", so users of the package need them: move it to "dependencies"`,
        file: devTypes.file,
        ...facts.locate(devTypes),
        key: `types:${key}`,
        fix: { action: 'move', declared: devTypes, to: 'runtime' },
      });
    }
  }
  return problems;
}

/** `@types/foo` → `foo`, `@types/scope__pkg` → `@scope/pkg`. */
export function typedPackage(name: string): string | undefined {
  if (!name.startsWith('@types/')) return undefined;
  const bare = name.slice('@types/'.length);
  return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
}

/** Library code re-exports from, or imports only the types of, `name`: its types end up in the published declarations. */
function exportsTypesOf(facts: DependencyFacts, name: string): boolean {
  return facts.uses.some((u) => u.role === 'runtime' && facts.key(u.name) === name && u.typeOnly && !u.declaredOnly);
}

function describeUses(uses: DependencyUse[]): string {
  const first = uses[0];
  const files = new Set(uses.map((u) => u.file));
  const more = files.size - 1;
  const at = first.line > 0 ? `${first.file}:${first.line}` : first.file;
  return more > 0 ? `${at}, and ${more} more file${more > 1 ? 's' : ''}` : at;
}

function manifestName(facts: DependencyFacts): string {
  return facts.ecosystem === 'npm' ? 'package.json' : 'pyproject.toml';
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
