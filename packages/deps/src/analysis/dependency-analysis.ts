import { defineFact, unparsedPython, unparsedTypescript, type ShipshapeProject, type UnparsedFile } from '@shipshape/core';
import type { DependencyFacts } from './facts';
import type { DependencyProblem, Ecosystem } from './model';
import { npmDependencies } from './npm/npm-dependencies';
import { findDependencyProblems } from './problems';
import { pythonDependencies } from './python/python-dependencies';

export interface ProjectDependencies {
  facts: DependencyFacts;
  problems: DependencyProblem[];
  /** The ecosystem's files that do not parse (undefined when all do): no dependency is called unused. */
  unparsed?: UnparsedFile[];
}

/** The analysis of each manifest of a project (a project may have both), and why one could not be analyzed. */
export interface DependencyAnalysis {
  analyzed: ProjectDependencies[];
  /** A malformed manifest, or no Python to read the Python files with: the other ecosystem is still analyzed. */
  failures: Array<{ ecosystem: Ecosystem; error: unknown }>;
}

const ECOSYSTEMS = [
  ['npm', npmDependencies, unparsedTypescript],
  ['python', pythonDependencies, unparsedPython],
] as const;

/** Every dependency problem of the project, per manifest, computed once per run and shared by every check and generator step. */
export const dependencyAnalysis = defineFact({
  id: 'deps/analysis',
  compute: async (project): Promise<DependencyAnalysis> => {
    const analysis: DependencyAnalysis = { analyzed: [], failures: [] };
    for (const [ecosystem, fact, unparsed] of ECOSYSTEMS) {
      try {
        const facts = await project.get<DependencyFacts | undefined | Promise<DependencyFacts | undefined>>(fact);
        if (!facts) continue;
        // A file that does not parse may be the one that uses a dependency: nothing is called unused until it parses.
        const files = await project.get<UnparsedFile[] | Promise<UnparsedFile[]>>(unparsed);
        const problems = findDependencyProblems(facts).filter((p) => files.length === 0 || p.kind !== 'unused');
        analysis.analyzed.push({ facts, problems, ...(files.length === 0 ? {} : { unparsed: files }) });
      } catch (error) {
        analysis.failures.push({ ecosystem, error });
      }
    }
    return analysis;
  },
});

/** Every manifest analyzed, or the first failure thrown: what a generator, which needs the whole picture, works with. */
export async function completeAnalysis(project: ShipshapeProject): Promise<ProjectDependencies[]> {
  const { analyzed, failures } = await project.get(dependencyAnalysis);
  if (failures.length > 0) throw failures[0].error;
  return analyzed;
}

/**
 * What a check reports from the analysis: the manifests that could be analyzed. A failure is thrown (the
 * audit reports it once, however many checks throw it) when nothing could be analyzed.
 */
export async function analyzedManifests(project: ShipshapeProject): Promise<ProjectDependencies[]> {
  const { analyzed, failures } = await project.get(dependencyAnalysis);
  if (failures.length > 0 && analyzed.length === 0) throw failures[0].error;
  return analyzed;
}
