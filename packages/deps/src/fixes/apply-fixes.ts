import type { Tree } from '@nx/devkit';
import { normalizeDistributionName, parseToml, type PyProject } from '@shipshape/core';
import type { DependencyFacts } from '../analysis/facts';
import type { DependencyProblem, TargetGroup } from '../analysis/model';
import { parseNpmManifest } from '../analysis/npm/manifest';
import type { RangeProblem } from '../analysis/version-ranges';
import { describeTarget } from '../analysis/sections';
import { NpmManifestDraft } from './npm-draft';
import { PyprojectDraft } from './pyproject-draft';

/** What a generator did and what it left for the user, one line each. */
export interface FixOutcome {
  done: string[];
  left: string[];
}

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
    const draft = new NpmManifestDraft(text, parseNpmManifest(text, file));
    return {
      add: (name, to, spec) => draft.add(name, to, spec),
      move: (fix) => draft.move(fix.declared, fix.to),
      remove: (fix) => draft.remove(fix.declared),
      range: (problem, replacement) => draft.setRange(problem.declared, replacement),
      result: () => draft.result(),
    };
  }
  const draft = new PyprojectDraft(text, parseToml<PyProject>(text, file));
  return {
    add: (name, to, spec) => draft.add(`${name}${spec}`, to, extraFor(name)),
    move: (fix) => draft.move(fix.declared, fix.to, extraFor(fix.declared.name)),
    remove: (fix) => draft.remove(fix.declared),
    range: (problem, replacement) => draft.replace(problem.declared, replacement),
    result: () => draft.result(),
  };
}

/** Applies the fixes of the given problems to the project's manifest in the Tree; adds take the version the workspace resolves. */
export function applyDependencyFixes(tree: Tree, facts: DependencyFacts, problems: DependencyProblem[], extraFor: (name: string) => string = defaultExtra): FixOutcome {
  const outcome: FixOutcome = { done: [], left: [] };
  if (problems.length === 0) return outcome;
  const draft = draftFor(facts, extraFor);
  const file = facts.manifest.file;
  const seen = new Set<string>();
  for (const problem of problems) {
    const { fix, name } = problem;
    const id = `${fix.action}:${facts.key(name)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (fix.action === 'add') {
      const version = fix.version ?? facts.version(name);
      if (!version) {
        outcome.left.push(`${file}: "${name}" is not installed, so there is no version to declare; install it (${installCommand(facts, name)}) and run the generator again`);
        continue;
      }
      draft.add(name, fix.to, version.spec);
      outcome.done.push(`${file}: declared "${name}" (${version.spec}) in ${describeTarget(facts.ecosystem, fix.to)}`);
      if (version.source === 'table') outcome.left.push(`${file}: confirm the lower bound of "${name}${version.spec}": ${name} is not installed here, so it is Shipshape's suggestion`);
    } else if (fix.action === 'move') {
      draft.move(fix);
      outcome.done.push(`${file}: moved "${name}" from ${fix.declared.section} to ${describeTarget(facts.ecosystem, fix.to)}`);
    } else {
      draft.remove(fix);
      outcome.done.push(`${file}: removed "${fix.declared.name}" from ${fix.declared.section} (${problem.kind === 'stdlib' ? 'part of the standard library' : 'nothing uses it'})`);
    }
  }
  writeIfChanged(tree, file, facts.manifest.text, draft.result());
  return outcome;
}

/** Writes the replacement range of every range problem that has one; the others are left for the user. */
export function applyRangeFixes(tree: Tree, facts: DependencyFacts, problems: RangeProblem[]): FixOutcome {
  const outcome: FixOutcome = { done: [], left: [] };
  if (problems.length === 0) return outcome;
  const draft = draftFor(facts, defaultExtra);
  const file = facts.manifest.file;
  for (const problem of problems) {
    if (!problem.replacement) {
      outcome.left.push(`${file}: ${problem.message}`);
      continue;
    }
    draft.range(problem, problem.replacement);
    outcome.done.push(`${file}: "${problem.declared.spec}" → "${problem.replacement}"`);
    if (problem.unconfirmed) outcome.left.push(`${file}: confirm "${problem.replacement}": the package is not installed here, so the lower bound is Shipshape's suggestion`);
  }
  writeIfChanged(tree, file, facts.manifest.text, draft.result());
  return outcome;
}

function installCommand(facts: DependencyFacts, name: string): string {
  return facts.ecosystem === 'npm' ? `npm install ${name}` : `pip install ${name}`;
}

function writeIfChanged(tree: Tree, file: string, before: string, after: string) {
  if (after !== before) tree.write(file, after);
}
