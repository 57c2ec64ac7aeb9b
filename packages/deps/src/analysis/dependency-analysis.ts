import type { ShipshapeProject } from '@shipshape/core';
import { diskInput } from './disk-input';
import type { DependencyFacts } from './facts';
import type { DepsInput } from './input';
import type { DependencyProblem, Ecosystem, ProblemKind } from './model';
import { npmFacts } from './npm/facts';
import { findDependencyProblems } from './problems';
import { pythonFacts } from './python/facts';

export interface ProjectDependencies {
  facts: DependencyFacts;
  problems: DependencyProblem[];
}

/** The analysis of each manifest of a project (a project may have both), and why one could not be analyzed. */
export interface DependencyAnalysis {
  analyzed: ProjectDependencies[];
  /** A malformed manifest, or no Python to read the Python files with: the other ecosystem is still analyzed. */
  failures: Array<{ ecosystem: Ecosystem; error: unknown }>;
}

export async function analyzeDependencies(input: DepsInput): Promise<DependencyAnalysis> {
  const analysis: DependencyAnalysis = { analyzed: [], failures: [] };
  const attempts: Array<[Ecosystem, () => Promise<DependencyFacts | undefined> | DependencyFacts | undefined]> = [
    ['npm', () => npmFacts(input)],
    ['python', () => pythonFacts(input)],
  ];
  for (const [ecosystem, facts] of attempts) {
    try {
      const found = await facts();
      if (found) analysis.analyzed.push({ facts: found, problems: findDependencyProblems(found) });
    } catch (error) {
      analysis.failures.push({ ecosystem, error });
    }
  }
  return analysis;
}

/** Every manifest analyzed, or the first failure thrown: what a generator, which needs the whole picture, works with. */
export function completeAnalysis({ analyzed, failures }: DependencyAnalysis): ProjectDependencies[] {
  if (failures.length > 0) throw failures[0].error;
  return analyzed;
}

const byProject = new WeakMap<ShipshapeProject, Promise<DependencyAnalysis>>();

/** The analysis of an audited project, shared by every dependency check of the audit. */
export function projectDependencies(project: ShipshapeProject): Promise<DependencyAnalysis> {
  let found = byProject.get(project);
  if (!found) {
    found = analyzeDependencies(diskInput(project));
    byProject.set(project, found);
  }
  return found;
}

/**
 * What a check reports from the analysis: the manifests that could be analyzed. A failure is thrown (the
 * audit reports it once, however many checks throw it) when nothing could be analyzed, or when the check
 * is about that ecosystem only.
 */
export async function analyzedFor(project: ShipshapeProject, only?: Ecosystem): Promise<ProjectDependencies[]> {
  const { analyzed, failures } = await projectDependencies(project);
  const failure = failures.find((f) => only === undefined || f.ecosystem === only);
  if (failure && (analyzed.length === 0 || only !== undefined)) throw failure.error;
  return analyzed.filter((a) => only === undefined || a.facts.ecosystem === only);
}

/** The problems of the given kinds, as audit findings. */
export async function findingsOf(project: ShipshapeProject, kinds: readonly ProblemKind[], only?: Ecosystem) {
  return (await analyzedFor(project, only)).flatMap(({ problems }) =>
    problems.filter((p) => kinds.includes(p.kind)).map((p) => ({ message: p.message, file: p.file, line: p.line, column: p.column, key: p.key })),
  );
}
