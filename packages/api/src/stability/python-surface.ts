import { join } from 'node:path';
import {
  defineBatchedFilePass,
  defineFact,
  pythonFiles,
  pythonInterpreter,
  pythonPackages,
  runProcess,
  ShipshapeError,
  type ShipshapeProject,
} from '@shipshape/core';

/** The stability levels of Shipshape's Python standard (docs/api.md): stable is the default and has no marker. */
export type PythonStability = 'experimental' | 'internal';

export interface PythonStabilityDefinition {
  name: string;
  kind: 'class' | 'function';
  line: number;
  column: number;
  /** Column of the `def`/`class` keyword line, 0-based: a decorator goes at this indentation. */
  indent: number;
  /** The first line of the definition, its decorators included. */
  firstLine: number;
  decorators: string[];
  doc: string | null;
  references: string[];
}

export interface PythonStabilityModule {
  error: string | null;
  doc: string | null;
  /** A literal `__stability__ = "experimental"` at module level. */
  stability: string | null;
  all: string[] | null;
  allLine: number | null;
  definitions: PythonStabilityDefinition[];
}

export interface PythonStabilitySurface {
  /** Workspace-relative module path to what the pass found in it; the package's own modules only. */
  modules: Record<string, PythonStabilityModule>;
  /** The top-level package folders (workspace-relative). */
  packages: string[];
}

/**
 * Decorator names that mark a level, whatever module they come from: the marker module's own, and the ones
 * libraries already wrote for themselves (huggingface_hub's `@experimental`, langchain-core's `@beta()`,
 * polars' `@unstable()`).
 */
const MARKERS: Record<string, PythonStability> = {
  experimental: 'experimental',
  provisional: 'experimental',
  beta: 'experimental',
  unstable: 'experimental',
  internal: 'internal',
};

export function markerOf(decorators: readonly string[]): PythonStability | undefined {
  for (const decorator of decorators) {
    const level = MARKERS[decorator.split('.').pop() ?? ''];
    if (level) return level;
  }
  return undefined;
}

export function moduleStability(module: PythonStabilityModule): PythonStability | undefined {
  return module.stability === 'experimental' || module.stability === 'internal' ? module.stability : undefined;
}

/** Is a package module public: no underscore-private segment below the package (`__init__.py` excepted)? */
export function isPublicModule(project: ShipshapeProject, file: string, packages: readonly string[]): boolean {
  const pkg = packages.find((p) => file.startsWith(`${p}/`));
  if (!pkg) return false;
  const parts = file.slice(pkg.length + 1).split('/');
  return (
    parts.every((part) => part === '__init__.py' || part === '__main__.py' || !part.startsWith('_')) &&
    !parts.some((p) => /^tests?$/.test(p))
  );
}

const SCRIPT = join(__dirname, 'stability_ast.py');

/** The package modules' definitions with their markers, docstrings and signature references (one `ast` pass). */
export const pythonStabilitySurface = defineFact({
  id: 'api/python-stability-surface',
  inputs: [pythonFiles, pythonPackages],
  compute: async (project, files, packages): Promise<PythonStabilitySurface> => {
    const modules = files.filter((f) => packages.folders.some((p) => f.startsWith(`${p}/`)));
    if (modules.length === 0) return { modules: {}, packages: packages.folders };
    return { modules: await project.get(stabilityPass), packages: packages.folders };
  },
});

/** stability_ast.py over the package modules (in a batch, over every project's at once). */
const stabilityPass = defineBatchedFilePass<PythonStabilityModule>({
  id: 'api/python-stability-pass',
  sources: (project) => {
    const packages = project.get(pythonPackages);
    const sources: Record<string, string> = {};
    for (const file of project.get(pythonFiles).filter((f) => packages.folders.some((p) => f.startsWith(`${p}/`)))) {
      const text = project.workspace.source.read(file);
      if (text !== undefined) sources[file] = text;
    }
    return sources;
  },
  run: async (workspace, sources, project) => {
    const python = await workspace.get(pythonInterpreter);
    const run = await runProcess(python, [SCRIPT], { timeoutMs: 120_000, input: JSON.stringify(sources) });
    if (run.code !== 0 || run.timedOut) {
      const why = run.timedOut ? 'timed out' : run.spawnError ? run.spawnError.message : run.stderr.trim().split('\n').pop();
      throw new ShipshapeError(`${project.root}: the Python stability pass failed (${python}): ${why}`);
    }
    return JSON.parse(run.stdout) as Record<string, PythonStabilityModule>;
  },
});
