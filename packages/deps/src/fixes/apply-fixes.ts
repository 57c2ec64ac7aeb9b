import { normalizeDistributionName, parseJson, parseToml, type FixResult, type PackageJson, type PyProject } from '@shipshape/core';
import type { DependencyFacts } from '../analysis/facts';
import type { DependencyProblem, TargetGroup } from '../analysis/model';
import type { RangeProblem } from '../analysis/version-ranges';
import { describeDeclared, describeTarget } from '../analysis/sections';
import { NpmManifestDraft } from './npm-draft';
import { PyprojectDraft } from './pyproject-draft';

interface ManifestDraft {
  add(name: string, to: TargetGroup, spec: string): void;
  move(problem: Extract<DependencyProblem['fix'], { action: 'move' }>): void;
  remove(problem: Extract<DependencyProblem['fix'], { action: 'remove' }>): void;
  range(problem: RangeProblem, replacement: string): void;
  result(): string;
}

/** The extra an optional Python dependency goes to when the user names none: the distribution's own name. */
export function defaultExtra(name: string): string {
  return normalizeDistributionName(name);
}

function draftFor(facts: DependencyFacts, extraFor: (name: string) => string): ManifestDraft {
  const { text, file } = facts.manifest;
  if (facts.ecosystem === 'npm') {
    const draft = new NpmManifestDraft(text, parseJson<PackageJson>(text, file), file);
    return {
      add: (name, to, spec) => draft.add(name, to, spec),
      move: (fix) => draft.move(fix.declared, fix.to),
      remove: (fix) => draft.remove(fix.declared),
      range: (problem, replacement) => draft.setRange(problem.declared, replacement),
      result: () => draft.result(),
    };
  }
  const draft = new PyprojectDraft(text, parseToml<PyProject>(text, file), file);
  return {
    add: (name, to, spec) => draft.add(`${name}${spec}`, to, extraFor(name)),
    move: (fix) => draft.move(fix.declared, fix.to, extraFor(fix.declared.name)),
    remove: (fix) => draft.remove(fix.declared),
    range: (problem, replacement) => draft.replace(problem.declared, replacement),
    result: () => draft.result(),
  };
}

/** The manifest as the draft leaves it, as a change of the fix (the kit writes it only when it differs). */
function withManifest(facts: DependencyFacts, draft: ManifestDraft, result: Required<Pick<FixResult, 'done' | 'left'>>): FixResult {
  return { ...result, changes: [{ path: facts.manifest.file, content: draft.result() }] };
}

/** The fixes of the given problems to the project's manifest; adds take the version the workspace resolves. */
export function dependencyFixes(
  facts: DependencyFacts,
  problems: DependencyProblem[],
  extraFor: (name: string) => string = defaultExtra,
  /** Apply a problem the analysis is not sure of (info): the user named it. */
  asked: (problem: DependencyProblem) => boolean = () => false,
): FixResult {
  const result = { done: [] as string[], left: [] as string[] };
  if (problems.length === 0) return result;
  const draft = draftFor(facts, extraFor);
  const file = facts.manifest.file;
  const seen = new Set<string>();
  for (const problem of problems) {
    const { fix, name } = problem;
    const id = `${fix.action}:${facts.key(name)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const pep621 = facts.ecosystem !== 'python' || facts.pep621;
    if (problem.severity === 'info' && !asked(problem)) {
      // what the analysis is not sure of (a dependency's backend, a guard that serves compatibility) is the user's call
      result.left.push(`${file}: ${problem.message} (left as it is: decide, then edit ${manifestName(facts)})`);
    } else if (fix.action !== 'add' && fix.declared.tool) {
      result.left.push(
        `${file}: ${problem.message} (in ${fix.declared.tool}'s ${describeDeclared(facts.ecosystem, fix.declared)}, which Shipshape does not edit)`,
      );
    } else if (!pep621) {
      // never a [project] or [dependency-groups] table in a Poetry, setuptools or empty pyproject.toml
      result.left.push(`${file}: ${problem.message} (${pythonTablesAdvice(facts)})`);
    } else if (dynamicTarget(facts, fix)) {
      // a field [project] lists as dynamic must not be written statically: the build would refuse the file
      result.left.push(
        `${file}: ${problem.message} (left as it is: [project] lists "${dynamicTarget(facts, fix)}" as dynamic, so the build reads it from elsewhere${facts.buildBackend?.startsWith('setuptools') ? ' ([tool.setuptools.dynamic])' : ''}: declare it there)`,
      );
    } else if (fix.action === 'add') {
      const version = fix.version ?? facts.version(name);
      if (!version) {
        result.left.push(
          `${file}: "${name}" is not installed, so there is no version to declare; install it (${installCommand(facts, name)}) and run the generator again`,
        );
        continue;
      }
      draft.add(name, fix.to, version.spec);
      result.done.push(`${file}: declared "${name}" (${version.spec}) in ${describeTarget(facts.ecosystem, fix.to, facts.tables)}`);
      if (version.source === 'table')
        result.left.push(
          `${file}: confirm the lower bound of "${name}${version.spec}": ${name} is not installed here, so it is Shipshape's suggestion`,
        );
    } else if (fix.action === 'move') {
      draft.move(fix);
      result.done.push(`${file}: moved "${name}" from ${fix.declared.section} to ${describeTarget(facts.ecosystem, fix.to, facts.tables)}`);
    } else {
      draft.remove(fix);
      result.done.push(
        `${file}: removed "${fix.declared.name}" from ${fix.declared.section} (${problem.kind === 'stdlib' ? 'part of the standard library' : 'nothing uses it'})`,
      );
    }
  }
  return withManifest(facts, draft, result);
}

/** The replacement range of every range problem that has one; the others are left for the user. */
export function rangeFixes(facts: DependencyFacts, problems: RangeProblem[]): FixResult {
  const result = { done: [] as string[], left: [] as string[] };
  if (problems.length === 0) return result;
  const draft = draftFor(facts, defaultExtra);
  const file = facts.manifest.file;
  for (const problem of problems) {
    // A floor from the version installed here would force the newest release on every user: the user picks it.
    if (!problem.replacement || (facts.ecosystem === 'python' && problem.machineFloor)) {
      result.left.push(`${file}: ${problem.message}`);
      continue;
    }
    draft.range(problem, problem.replacement);
    // an npm range alone ("*") does not say whose it is; a Python requirement names its distribution
    const whose = facts.ecosystem === 'npm' ? ` of "${problem.declared.name}"` : '';
    result.done.push(
      `${file}: replaced "${problem.declared.spec}"${whose} with "${problem.replacement}" in ${describeDeclared(facts.ecosystem, problem.declared)}`,
    );
    if (problem.unconfirmed)
      result.left.push(
        `${file}: confirm "${problem.replacement}": the package is not installed here, so the lower bound is Shipshape's suggestion`,
      );
  }
  return withManifest(facts, draft, result);
}

function manifestName(facts: DependencyFacts): string {
  return facts.ecosystem === 'npm' ? 'package.json' : 'pyproject.toml';
}

/** What to edit in a pyproject.toml without PEP 621 metadata: the tables its tool reads, which Shipshape leaves to the user. */
function pythonTablesAdvice(facts: DependencyFacts): string {
  if (facts.tables) return `left as it is: Shipshape does not edit ${facts.tables === 'poetry' ? "Poetry's" : 'its'} tables`;
  const noTable =
    'left as it is: pyproject.toml has no [project] table with a name, and Shipshape adds none (PEP 621 requires a name and a version)';
  return facts.buildBackend?.startsWith('setuptools')
    ? `${noTable}; setuptools then reads install_requires and extras_require from setup.cfg or setup.py: declare it there`
    : `${noTable}; declare it where your build reads dependencies, or add [project] with a name and a version and run the generator again`;
}

/** The [project] field a fix would write that [project] lists as dynamic (the build reads it from elsewhere), if any. */
function dynamicTarget(facts: DependencyFacts, fix: DependencyProblem['fix']): string | undefined {
  if (facts.ecosystem !== 'python' || fix.action === 'remove') return undefined;
  const field = fix.to === 'runtime' ? 'dependencies' : fix.to === 'optional' ? 'optional-dependencies' : undefined;
  return field && facts.dynamic?.includes(field) ? field : undefined;
}

function installCommand(facts: DependencyFacts, name: string): string {
  return facts.ecosystem === 'npm' ? `npm install ${name}` : `pip install ${name}`;
}
