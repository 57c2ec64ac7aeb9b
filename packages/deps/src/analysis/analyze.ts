import type { ShipshapeProject } from '@shipshape/core';
import { diskInput } from './disk-input';
import type { DependencyFacts } from './facts';
import type { DepsInput } from './input';
import type { DependencyProblem, ProblemKind } from './model';
import { npmFacts } from './npm/facts';
import { findDependencyProblems } from './problems';
import { pythonFacts } from './python/facts';

export interface ProjectDependencies {
  facts: DependencyFacts;
  problems: DependencyProblem[];
}

/** The npm and Python dependency facts of a project, with their problems (a project may have both manifests). */
export async function analyzeDependencies(input: DepsInput): Promise<ProjectDependencies[]> {
  const all: DependencyFacts[] = [];
  const npm = npmFacts(input);
  if (npm) all.push(npm);
  const python = await pythonFacts(input);
  if (python) all.push(python);
  return all.map((facts) => ({ facts, problems: findDependencyProblems(facts) }));
}

const byProject = new WeakMap<ShipshapeProject, Promise<ProjectDependencies[]>>();

/** The analysis of an audited project, shared by every dependency check of the audit. */
export function projectDependencies(project: ShipshapeProject): Promise<ProjectDependencies[]> {
  let found = byProject.get(project);
  if (!found) {
    found = analyzeDependencies(diskInput(project));
    byProject.set(project, found);
  }
  return found;
}

/** The problems of the given kinds, as audit findings. */
export async function findingsOf(project: ShipshapeProject, kinds: readonly ProblemKind[]) {
  const analyzed = await projectDependencies(project);
  return analyzed.flatMap(({ problems }) =>
    problems.filter((p) => kinds.includes(p.kind)).map((p) => ({ message: p.message, file: p.file, line: p.line, column: p.column, key: p.key })),
  );
}
