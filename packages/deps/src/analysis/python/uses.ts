import { posix } from 'node:path';
import {
  dataAt,
  normalizeDistributionName,
  projectRelative,
  pythonPackages,
  pythonRole,
  stdlibInSomeVersion,
  TYPESHED_ONLY_MODULES,
  type PyProject,
  type PythonAnalysis,
  type ShipshapeProject,
  type WorkspacePackage,
} from '@shipshape/core';
import { depsOptions } from '../../options';
import type { DeclaredDependency, DependencyUse } from '../model';
import { PythonModuleGraph } from './module-graph';

interface PythonUseContext {
  analysis: PythonAnalysis;
  /** Top-level modules of the standard library on the Python versions the project allows: never a dependency. */
  stdlib: ReadonlySet<string>;
  /** The running interpreter's standard library: with the version table, what is standard on some Python. */
  runningStdlib: ReadonlySet<string>;
  /** The other Python packages of the workspace. */
  workspace: readonly WorkspacePackage[];
  /** The distribution that provides an imported module. */
  distributionOf(module: string): string;
  /** Folders imports start from: `src`, a setuptools `package-dir`, and the project root (''). */
  sourceRoots: readonly string[];
}

/** What a module exposes about its own version: importing only these is a version check. */
const VERSION_NAMES: ReadonlySet<string> = new Set(['__version__', 'VERSION', 'version', '__version_info__', 'version_info']);

/** Distributions every type checker provides to `if TYPE_CHECKING:` imports (typeshed ships their stubs). */
const TYPE_CHECKER_PROVIDED: ReadonlySet<string> = new Set(['typing_extensions']);

/** What a build backend provides to the script that configures it: `import setuptools` in setup.py needs no declaration. */
const BUILD_SCRIPT_MODULES: Record<string, ReadonlySet<string>> = {
  'setup.py': new Set(['setuptools', 'distutils', 'pkg_resources', 'setuptools_scm']),
};

/**
 * Every absolute import of the project's Python code that is not its own or the standard library's, by
 * distribution. An import counts as guarded when its absence is handled at the importing module (try/except
 * ImportError, a feature test) or at the modules that import it (every import of the module guarded).
 */
export function pythonUses(project: ShipshapeProject, context: PythonUseContext): DependencyUse[] {
  const ownModules = ownModuleNames(project, context.analysis);
  const devFiles = depsOptions(project).devFiles ?? [];
  const graph = new PythonModuleGraph(project.root, context.analysis, context.sourceRoots);
  const guardedModules = graph.guardedOnly();
  const packages = project.get(pythonPackages);
  const inits = packages.folders.map((folder) => `${folder}/__init__.py`);
  const loaded = graph.loadedBy(inits);
  const uses: DependencyUse[] = [];
  for (const [file, result] of Object.entries(context.analysis.files)) {
    if (result.error) continue;
    const relative = projectRelative(project.root, file);
    const role = pythonRole(relative, { importNames: packages.importNames, devFiles });
    const provided = BUILD_SCRIPT_MODULES[relative];
    for (const imported of result.imports) {
      if (imported.level > 0 || imported.module === '') continue;
      const top = imported.module.split('.')[0];
      if (context.stdlib.has(top) || ownModules.has(top) || TYPESHED_ONLY_MODULES.has(top) || provided?.has(top)) continue;
      // Python 2 names and the like, in a fallback branch: another interpreter's standard library.
      if (imported.fallback && stdlibInSomeVersion(top, context.runningStdlib)) continue;
      if (imported.guard === 'type-checking' && TYPE_CHECKER_PROVIDED.has(top)) continue;
      const local = context.workspace.find((w) => w.python?.importNames.has(top));
      const guarded = imported.guard === 'import-error' || imported.guard === 'feature' || guardedModules.has(file);
      const use: DependencyUse = {
        name: local?.python ? local.python.name : context.distributionOf(imported.module),
        file,
        line: imported.line,
        column: imported.column,
        role,
        typeOnly: imported.guard === 'type-checking',
        guarded,
        topLevel: !imported.inFunction,
        specifier: imported.module,
        declaredOnly: false,
        reachedByEveryEntry: inits.length > 0 ? loaded.has(file) : undefined,
      };
      if (imported.fallback) use.fallback = true;
      if (imported.kind === 'from' && imported.names.length > 0 && imported.names.every((n) => VERSION_NAMES.has(n)))
        use.versionProbe = true;
      if (local) use.workspaceProject = local.project.name;
      uses.push(use);
    }
  }
  return uses;
}

/**
 * Every top-level name the project's own code is imported by: its import packages, and what each of its
 * files is importable as from the first folder above it that is not a package (the folder Python or pytest
 * puts on sys.path): `tests` for tests/testserver/server.py when tests/ has an `__init__.py`, `conftest` for
 * tests/conftest.py when it has none, `benchmarks`, PyYAML's `yaml` below its package-dir lib/.
 */
function ownModuleNames(project: ShipshapeProject, analysis: PythonAnalysis): Set<string> {
  const names = new Set(project.get(pythonPackages).importNames);
  const relatives = Object.keys(analysis.files).map((file) => projectRelative(project.root, file));
  const packages = new Set(relatives.filter((r) => posix.basename(r) === '__init__.py').map((r) => posix.dirname(r)));
  for (const relative of relatives) {
    let top = relative;
    while (posix.dirname(top) !== '.' && packages.has(posix.dirname(top))) top = posix.dirname(top);
    names.add(posix.basename(top).replace(/\.py$/, ''));
  }
  names.delete('__init__');
  names.add('conftest'); // pytest loads every conftest.py, and tests import it by that name
  return names;
}

/**
 * Uses of declared extras that no import shows: an extra that installs what a dependency's optional feature
 * needs (requests' `socks` extra installs PySocks for `urllib3.contrib.socks`, which requests imports), and an
 * extra an entry point names (`jinja2.ext:babel_extract[i18n]`).
 */
export function extraUses(
  pyproject: PyProject,
  file: string,
  declared: readonly DeclaredDependency[],
  uses: readonly DependencyUse[],
): DependencyUse[] {
  const extras = new Map<string, DeclaredDependency[]>();
  for (const d of declared) {
    if (d.group !== 'optional') continue;
    const extra = d.section.split('.').slice(1).join('.');
    extras.set(normalizeDistributionName(extra), [...(extras.get(normalizeDistributionName(extra)) ?? []), d]);
  }
  const found: DependencyUse[] = [];
  const mark = (extra: string, via: string) => {
    for (const d of extras.get(normalizeDistributionName(extra)) ?? []) {
      found.push({
        name: d.name,
        file,
        line: 0,
        column: 0,
        role: 'runtime',
        typeOnly: false,
        guarded: true,
        topLevel: false,
        specifier: via,
        declaredOnly: true,
      });
    }
  };
  const segments = new Set(
    uses.filter((u) => u.role === 'runtime').flatMap((u) => u.specifier.split('.').slice(1).map(normalizeDistributionName)),
  );
  for (const extra of extras.keys()) if (segments.has(extra)) mark(extra, `a module named "${extra}" of a dependency`);
  const project = pyproject.project ?? {};
  const points = [
    dataAt(project, ['scripts']),
    dataAt(project, ['gui-scripts']),
    ...Object.values((dataAt(project, ['entry-points']) as Record<string, unknown> | undefined) ?? {}),
  ];
  for (const table of points) {
    for (const value of Object.values((table as Record<string, unknown> | undefined) ?? {})) {
      if (typeof value !== 'string') continue;
      for (const match of value.matchAll(/\[([^\]]+)\]/g))
        for (const extra of match[1].split(',')) mark(extra.trim(), `entry point "${value}"`);
    }
  }
  return found;
}

/** Folders imports start from: `src`, setuptools' `package-dir` (PyYAML's `lib`), and the project root. */
export function pythonSourceRoots(pyproject: PyProject): string[] {
  const packageDir = dataAt(pyproject, ['tool', 'setuptools', 'package-dir']);
  const dirs = Object.values((packageDir as Record<string, unknown> | undefined) ?? {}).filter((d): d is string => typeof d === 'string');
  return [...new Set(['src', ...dirs.map((d) => posix.normalize(d).replace(/^\.\/?|\/$/g, '')).filter((d) => d && d !== '.'), ''])];
}
