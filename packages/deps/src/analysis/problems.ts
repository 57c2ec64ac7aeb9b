import { typesPackageOf, type Severity } from '@shipshape/core';
import type { DependencyFacts } from './facts';
import type { DeclaredDependency, DependencyProblem, DependencyUse, TargetGroup } from './model';
import { describeDeclared, describeTarget } from './sections';

/**
 * Every dependency problem of a project: each used name checked against what is declared where, and each
 * declaration against what uses it. One problem per name and kind, at the first place that shows it.
 *
 * Severity says how sure and how broken: `error` only for an import that runs unguarded in the library code
 * of a published package and that nothing declares (its users get an ImportError); what is inferred from
 * conventions (tests, tooling, guards, groups, what a tool needs) is a warning or info.
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

function useProblems(facts: DependencyFacts, found: DependencyUse[], declarations: DeclaredDependency[]): DependencyProblem[] {
  const name = declarations[0]?.name ?? found[0].name;
  const groups = new Set(declarations.map((d) => d.group));
  // What a build output imports shows the published package uses it; a peer is needed beside its host: both
  // make a package used, neither says where it should be declared.
  const uses = found.filter((u) => !u.inOutput && u.peerOf === undefined);
  if (uses.length === 0) return [];
  const published = found.some((u) => u.inOutput);
  const runtime = uses.filter((u) => u.role === 'runtime' && !u.typeOnly);
  const unguarded = runtime.filter((u) => !u.guarded);
  const runtimeTypes = uses.filter((u) => u.role === 'runtime' && u.typeOnly);
  const dev = uses.filter((u) => u.role === 'dev');
  const declaredAtRuntime = groups.has('runtime') || groups.has('peer');

  // A private package has no users: where it declares a dependency does not matter, only that it does.
  if (!facts.publishable) {
    if (declarations.length > 0 || facts.rootDeclared.has(facts.key(name))) return [];
    return undeclared(
      facts,
      name,
      uses.filter((u) => !u.guarded),
      'dev',
    );
  }
  if (unguarded.length > 0) {
    if (declaredAtRuntime) return [];
    if (groups.has('optional')) return unguardedProblems(facts, name, unguarded);
    // tsup and tsdown bundle what is not a dependency or peer: users get the code inside the library's own files.
    if (facts.inlined(name)) return [];
    const inDev = declarations.find((d) => d.group === 'dev');
    if (inDev) return [movedToRuntime(facts, name, unguarded, inDev)];
    return undeclared(facts, name, unguarded, 'runtime');
  }
  if (runtime.length > 0) {
    // Imported only where its absence is handled (try/except ImportError, a caught import(), a feature test): a
    // library the user may bring, never a dependency to add or to move. Declared as required, it may be optional,
    // when a module the package loads uses it for a feature (not to read its version, as requests does).
    const inRuntime = declarations.find((d) => d.group === 'runtime');
    const feature = runtime.filter((u) => u.reachedByEveryEntry !== false && !u.versionProbe);
    return inRuntime && !groups.has('optional') && feature.length > 0 ? [optionalProblem(facts, name, feature, inRuntime)] : [];
  }
  if (runtimeTypes.length > 0) {
    // `import type { Handler } from 'aws-lambda'` is served by a declared @types/aws-lambda
    if (declarations.length > 0 || typesDeclared(facts, name) || facts.rootDeclared.has(facts.key(name))) return [];
    return undeclared(facts, name, runtimeTypes, 'dev');
  }
  if (declarations.length > 0) {
    if (typedPackage(name)) return []; // where @types packages belong: typesPlacementProblems
    const onlyRuntime = declarations.every((d) => d.group === 'runtime');
    // Python: a library that only tests import is often what another dependency needs at run time (httpx's anyio,
    // httpcore's async backend); only a test or lint tool is surely misplaced.
    const devTool = facts.ecosystem === 'npm' || PYTHON_DEV_TOOL.test(facts.key(name));
    return onlyRuntime && dev.length > 0 && !published && devTool ? [movedToDev(facts, name, dev, declarations[0])] : [];
  }
  if (facts.rootDeclared.has(facts.key(name)) || (dev.every((u) => u.typeOnly) && typesDeclared(facts, name))) return [];
  return undeclared(
    facts,
    name,
    dev.filter((u) => !u.guarded),
    'dev',
  );
}

/** `import type { Handler } from 'aws-lambda'` is served by a declared @types/aws-lambda (the project's or the root's). */
function typesDeclared(facts: DependencyFacts, name: string): boolean {
  const types = typesPackageOf(name);
  return facts.ecosystem === 'npm' && (facts.declared.some((d) => d.name === types) || facts.rootDeclared.has(types));
}

/**
 * How a missing dependency breaks things: only an unguarded runtime import of published library code is certain
 * to, in a module that importing the package loads (not an opt-in Python module such as urllib3.contrib.ntlmpool,
 * not a branch for another Python version), and only when the declared dependencies are installed here: otherwise
 * one of them may bring it in (httpx gets idna through rfc3986[idna2008]).
 */
function missingSeverity(facts: DependencyFacts, to: TargetGroup, uses: DependencyUse[]): Severity {
  const certain = (use: DependencyUse) => !use.typeOnly && !use.throughAlias && !use.fallback && use.reachedByEveryEntry !== false;
  return to === 'runtime' && facts.publishable && facts.requirementsKnown && uses.some(certain) ? 'error' : 'warning';
}

function undeclared(facts: DependencyFacts, name: string, uses: DependencyUse[], to: TargetGroup): DependencyProblem[] {
  const imports = uses.filter((u) => !u.declaredOnly);
  if (imports.length === 0) return [];
  const first = imports[0];
  // Declaring a workspace package that depends on this one closes a cycle: the build order breaks.
  if (first.workspaceProject && facts.closesCycle(name)) return [];
  const via = facts.broughtBy(name);
  const where = describeUses(imports);
  const what = first.role === 'runtime' ? (first.typeOnly ? 'the types of library code' : 'library code') : 'tests or tooling';
  const module = first.specifier !== name && facts.ecosystem === 'python' ? `"${first.specifier}" (distribution "${name}")` : `"${name}"`;
  const add = `declare it in ${describeTarget(facts.ecosystem, to, facts.tables)}`;
  const rootOnly =
    to !== 'dev' && facts.rootDeclared.has(facts.key(name))
      ? ' (the workspace root declares it, but that is not published with the package)'
      : '';
  const typesHint =
    facts.ecosystem === 'npm' && first.typeOnly ? ` (or "@types/${name.replace(/^@/, '').replace('/', '__')}" if it ships no types)` : '';
  const message = via
    ? `${module} is imported by ${what} (${where}) but is only installed as a dependency of "${via}"${rootOnly}: ${add}${typesHint}`
    : `${module} is imported by ${what} (${where}) but not declared in ${manifestName(facts)}${rootOnly}: ${add}${typesHint}`;
  const kind = via ? 'transitive' : 'missing';
  const severity = via ? 'warning' : facts.ecosystem === 'python' && first.typeOnly ? 'info' : missingSeverity(facts, to, imports);
  return [
    {
      kind,
      severity,
      name,
      message,
      ...placeOf(first),
      key: `${kind}:${facts.key(name)}`,
      fix: { action: 'add', to, version: facts.version(name) },
    },
  ];
}

function movedToRuntime(facts: DependencyFacts, name: string, uses: DependencyUse[], declared: DeclaredDependency): DependencyProblem {
  const where = describeDeclared(facts.ecosystem, declared);
  const message = `"${name}" is imported by library code (${describeUses(uses)}) but declared in ${where}, which users of the package do not get: move it to ${describeTarget(facts.ecosystem, 'runtime', facts.tables)}`;
  return movedAtUse(facts, name, uses, declared, {
    kind: 'misplaced',
    severity: 'warning',
    to: 'runtime',
    key: 'misplaced-runtime',
    message,
  });
}

/** A move the first use shows: to runtime (imported by library code), to optional (imported only behind a guard). */
function movedAtUse(
  facts: DependencyFacts,
  name: string,
  uses: DependencyUse[],
  declared: DeclaredDependency,
  move: Pick<DependencyProblem, 'kind' | 'severity' | 'message' | 'key'> & { to: TargetGroup },
): DependencyProblem {
  const { to, key, ...rest } = move;
  return { ...rest, name, ...placeOf(uses[0]), key: `${key}:${facts.key(name)}`, fix: { action: 'move', declared, to } };
}

/**
 * A runtime dependency that only tests and tooling import: info, because something the analysis cannot see
 * may need it at run time (a dependency's backend such as httpx's anyio, a plugin loaded by name).
 */
function movedToDev(facts: DependencyFacts, name: string, uses: DependencyUse[], declared: DeclaredDependency): DependencyProblem {
  // Sure enough to move: an npm package whose installed dependents (peers) were read, or a Python test or lint tool.
  const sure = facts.ecosystem === 'npm' ? facts.installed : PYTHON_DEV_TOOL.test(facts.key(name));
  return {
    kind: 'misplaced',
    severity: sure ? 'warning' : 'info',
    name,
    message: `"${name}" is declared in ${describeDeclared(facts.ecosystem, declared)} but only tests and tooling use it (${describeUses(uses)}): unless something needs it at run time without importing it (a backend of another dependency, a plugin loaded by name), move it to ${describeTarget(facts.ecosystem, 'dev', facts.tables)}`,
    file: declared.file,
    ...facts.locate(declared),
    key: `misplaced-dev:${facts.key(name)}`,
    fix: { action: 'move', declared, to: 'dev' },
  };
}

function optionalProblem(facts: DependencyFacts, name: string, uses: DependencyUse[], declared: DeclaredDependency): DependencyProblem {
  const where = describeDeclared(facts.ecosystem, declared);
  const message = `"${name}" is declared as a required dependency in ${where}, but library code imports it only where its absence is handled (${describeUses(uses)}): if the library works without it, make it ${describeTarget(facts.ecosystem, 'optional', facts.tables)} so that users can leave it out`;
  return movedAtUse(facts, name, uses, declared, { kind: 'optional', severity: 'warning', to: 'optional', key: 'optional', message });
}

function unguardedProblems(facts: DependencyFacts, name: string, uses: DependencyUse[]): DependencyProblem[] {
  const unguarded = uses.filter((u) => u.topLevel && !u.guarded && !u.declaredOnly && u.reachedByEveryEntry === true);
  const firstPerFile = [...groupBy(unguarded, (u) => u.file).values()].map((inFile) => inFile[0]);
  return firstPerFile.map((use) => ({
    kind: 'unguarded-optional' as const,
    severity: 'warning' as const,
    name,
    message: `"${name}" is an optional dependency, but ${use.file} imports it when the module loads, without handling its absence, and every entry point of the package reaches that module: users without it cannot import the package at all. Make it required, or load it on first use through a feature-detection loader`,
    ...placeOf(use),
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
      continue;
    }
    // Python development groups hold tools run from the command line; a backport with a marker serves the
    // Pythons whose standard library lacks it; a peer states what the host must provide (knip does not report them either).
    if (facts.ecosystem === 'python' && (declared.group === 'dev' || (declared.marker && facts.backport(key)))) continue;
    if (declared.group === 'peer' || declared.section === 'peerDependencies') continue;
    problems.push({
      kind: 'unused',
      severity: unusedSeverity(facts, declared),
      name: declared.name,
      message: unusedMessage(facts, declared),
      file: declared.file,
      ...where,
      key: `unused:${key}:${declared.section}`,
      fix: { action: 'remove', declared },
    });
  }
  return problems;
}

/**
 * Unused is a warning where the evidence is complete: an npm package with its installation read (binaries and
 * peers known), a Python runtime requirement. An npm devDependency of an uninstalled workspace, and a Python
 * extra (which may serve a dependency's optional feature or a plugin), are info.
 */
function unusedSeverity(facts: DependencyFacts, declared: DeclaredDependency): Severity {
  if (facts.ecosystem === 'python') return declared.group === 'runtime' ? 'warning' : 'info';
  return facts.installed || declared.group !== 'dev' ? 'warning' : 'info';
}

/** Python distributions that are test, lint or type-check tools: never needed by users at run time. */
const PYTHON_DEV_TOOL =
  /^(pytest(-.+)?|coverage|mypy|ruff|black|flake8(-.+)?|pylint|isort|tox|nox|pre-commit|hypothesis|sphinx(-.+)?|mkdocs(-.+)?|types-.+)$/;

function unusedMessage(facts: DependencyFacts, declared: DeclaredDependency): string {
  const base = `"${declared.name}" is declared in ${describeDeclared(facts.ecosystem, declared)} but no code, script or configuration of ${facts.project} uses it`;
  if (facts.ecosystem === 'python')
    return `${base}: unless something needs it without importing it (a dependency's optional feature, an entry point), remove it`;
  if (!facts.installed && declared.group === 'dev')
    return `${base} (nothing is installed, so binaries and peers of other packages could not be read)`;
  return base;
}

/** npm only: `@types/x` next to a runtime `x`, or a runtime `@types/x` for a package users never load. */
function typesPlacementProblems(
  facts: DependencyFacts,
  usesByKey: Map<string, DependencyUse[]>,
  declaredByKey: Map<string, DeclaredDependency[]>,
): DependencyProblem[] {
  if (facts.ecosystem !== 'npm' || !facts.publishable) return [];
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
    if (devTypes && !runtimeTypes && facts.publishesTypes && typedGroups.has('runtime') && usedByLibrary && exportsTypesOf(facts, typed)) {
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

function placeOf(use: DependencyUse): Pick<DependencyProblem, 'file' | 'line' | 'column'> {
  return { file: use.file, line: use.line, column: use.column };
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
