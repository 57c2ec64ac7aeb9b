import { posix } from 'node:path';
import { analyzePython, analyzePythonSources, type PythonAnalysis } from '../../adapters/python';
import { projectRelative } from '../../file-system/paths';
import { dataAt, stringsIn } from '../../util/data';
import { defineFact, defineWorkspaceFact } from '../fact';
import { pythonInterpreter } from '../workspace/python';
import { projectFiles } from './files';
import { pyproject, type PyProject } from './manifests';

/** The project's Python files, workspace-relative. */
export const pythonFiles = defineFact({
  id: 'python/files',
  inputs: [projectFiles],
  compute: (_project, files) => files.map((f) => f.file).filter((f) => f.endsWith('.py')),
});

/**
 * One batched `ast` pass over every Python file of the project (parsed, never imported), keyed by
 * workspace-relative path. On the Tree, the pending contents are what is parsed.
 */
export const pythonAnalysis = defineFact({
  id: 'python/analysis',
  inputs: [pythonFiles],
  compute: async (project, files): Promise<PythonAnalysis> => {
    if (files.length === 0) return { python: null, stdlibModules: [], files: {} };
    const python = await project.get(pythonInterpreter);
    const options = { python, maxBytes: project.options.maxFileBytes, project: project.name };
    const { source } = project.workspace;
    if (source.kind === 'tree') {
      const sources = Object.fromEntries(files.flatMap((file) => (source.isFile(file) ? [[file, source.read(file) ?? '']] : [])));
      return analyzePythonSources(sources, options);
    }
    if (project.workspace.batch.some((member) => member.root === project.root)) {
      const batched = await project.get(batchedPythonAnalysis);
      return { ...batched, files: Object.fromEntries(files.flatMap((file) => (batched.files[file] ? [[file, batched.files[file]]] : []))) };
    }
    // Workspace-relative paths from the workspace root: the results are keyed by them.
    return analyzePython(files, { ...options, cwd: project.workspace.root });
  },
});

/**
 * The Python files of every project a batch audits, parsed in one run of the helper: one Python process for the
 * batch instead of one per project. Each project's `pythonAnalysis` takes its files from it.
 */
export const batchedPythonAnalysis = defineWorkspaceFact({
  id: 'python/batched-analysis',
  compute: async (workspace): Promise<PythonAnalysis> => {
    const files = workspace.batch.flatMap((member) => workspace.project(member).get(pythonFiles));
    if (files.length === 0) return { python: null, stdlibModules: [], files: {} };
    return analyzePython(files, {
      python: await workspace.get(pythonInterpreter),
      maxBytes: workspace.options.maxFileBytes,
      cwd: workspace.root,
    });
  },
});

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Top-level folders of a Python project that are never import packages. */
export const NOT_PYTHON_PACKAGES: ReadonlySet<string> = new Set([
  'tests',
  'test',
  'docs',
  'doc',
  'scripts',
  'examples',
  'example',
  'benchmarks',
  'bench',
  'build',
  'dist',
  'src',
  'site',
  'htmlcov',
  'venv',
  'env',
  'tools',
  'node_modules',
]);

const isHidden = (segment: string) => segment.startsWith('.') || segment.endsWith('.egg-info') || segment === '__pycache__';

export interface PythonPackages {
  /**
   * `src`: packages under src/ (or the folder the build backend names instead, PyYAML's `lib/`); `flat`:
   * packages at the project root; `mixed`: both; `none`: no package found.
   */
  layout: 'src' | 'flat' | 'mixed' | 'none';
  /** The project-relative folder the packages live in for the `src` layout: `src`, or what setuptools' package-dir names. */
  sourceDir: string;
  /** Workspace-relative folders of the top-level import packages. */
  folders: string[];
  /** Python files directly at the project root (workspace-relative). */
  rootModules: string[];
  /** Every top-level name `import` reaches the project's own code by: its packages, `src/` modules, what the build backend names. */
  importNames: ReadonlySet<string>;
}

/** Where a Python project's import packages are, and the names code imports them by: the one heuristic every check uses. */
export const pythonPackages = defineFact({
  id: 'python/packages',
  inputs: [pythonFiles, pyproject],
  compute: (project, files, manifest): PythonPackages => {
    const sourceDir = packageDirRoot(manifest?.data) ?? 'src';
    const src = new Set<string>();
    const flat = new Set<string>();
    const rootModules: string[] = [];
    const names = new Set<string>();
    for (const file of files) {
      const parts = projectRelative(project.root, file).split('/');
      if (parts.some(isHidden)) continue;
      if (parts.length === 1) rootModules.push(file);
      else if (parts[0] === sourceDir && parts.length === 2 && IDENTIFIER.test(parts[1].slice(0, -3))) names.add(parts[1].slice(0, -3));
      else if (parts[0] === sourceDir && parts.length >= 3 && IDENTIFIER.test(parts[1]) && !NOT_PYTHON_PACKAGES.has(parts[1]))
        src.add(project.file(`${sourceDir}/${parts[1]}`));
      else if (
        parts.length >= 2 &&
        parts[0] !== sourceDir &&
        parts[0] !== 'src' &&
        !NOT_PYTHON_PACKAGES.has(parts[0]) &&
        IDENTIFIER.test(parts[0])
      )
        flat.add(project.file(parts[0]));
    }
    const folders = [...src, ...flat].sort();
    for (const folder of folders) names.add(posix.basename(folder));
    for (const declared of backendPackages(manifest?.data)) names.add(posix.basename(declared));
    const distribution = manifest?.data.project?.name;
    if (typeof distribution === 'string') {
      const module = distribution.replace(/[-.]+/g, '_').toLowerCase();
      if (rootModules.includes(project.file(`${module}.py`))) names.add(module);
    }
    const layout = src.size > 0 && flat.size > 0 ? 'mixed' : src.size > 0 ? 'src' : flat.size > 0 ? 'flat' : 'none';
    return { layout, sourceDir, folders, rootModules: rootModules.sort(), importNames: names };
  },
});

/**
 * The folder setuptools takes packages from instead of the project root: `[tool.setuptools] package-dir =
 * { "" = "lib" }`, or `[tool.setuptools.packages.find] where = ["lib"]` (one folder, not the root).
 */
function packageDirRoot(data: PyProject | undefined): string | undefined {
  const packageDir = dataAt(data, ['tool', 'setuptools', 'package-dir', '']);
  const where = stringsIn(data, ['tool', 'setuptools', 'packages', 'find', 'where']);
  const folder = typeof packageDir === 'string' ? packageDir : where.length === 1 ? where[0] : undefined;
  const cleaned = folder?.replace(/^\.\//, '').replace(/\/+$/, '');
  return cleaned && cleaned !== '.' && !cleaned.includes('/') ? cleaned : undefined;
}

/** Packages the build backend's configuration names (hatch, setuptools, poetry). */
function backendPackages(data: PyProject | undefined): string[] {
  const poetry = dataAt(data, ['tool', 'poetry', 'packages']);
  const named = [
    ...stringsIn(data, ['tool', 'hatch', 'build', 'targets', 'wheel', 'packages']),
    ...stringsIn(data, ['tool', 'hatch', 'build', 'packages']),
    ...stringsIn(data, ['tool', 'setuptools', 'packages']),
    ...(Array.isArray(poetry)
      ? poetry.map((entry) => dataAt(entry, ['include'])).filter((include): include is string => typeof include === 'string')
      : []),
  ];
  return named.filter((p) => IDENTIFIER.test(posix.basename(p)));
}
