import { posix } from 'node:path';
import {
  defineFact,
  projectFiles,
  projectRelative,
  pythonAnalysis,
  pythonFiles,
  pythonPackages,
  pythonRole,
  pyproject,
  type PythonAnalysis,
  type PythonDefinition,
  type ShipshapeProject,
} from '@shipshape/core';

type FileResult = PythonAnalysis['files'][string];
export type PythonFunction = Extract<PythonDefinition, { kind: 'function' | 'async-function' }>;
type PythonClass = Extract<PythonDefinition, { kind: 'class' }>;

/** One public function or method, as the annotation check judges it. */
export interface PublicFunction {
  /** `name` or `Class.name`. */
  name: string;
  line: number;
  column: number;
  definition: PythonFunction;
  method: boolean;
}

/** The library's shipped Python files (workspace-relative) and which of them are public modules. */
export interface PythonLibrary {
  /** Shipped files of the distribution's packages (not tests, tools, docs): what the generator may edit. */
  runtime: string[];
  /** The public modules: shipped, and no `_private` module or package on the path (`__init__.py` is public). */
  publicModules: string[];
  /** Per shipped file, the public functions and methods: defined in a public module, or re-exported by one. */
  functions: Map<string, PublicFunction[]>;
  /** Files with a `.pyi` stub next to them: their types live in the stub. */
  stubbed: Set<string>;
}

const isPrivateSegment = (segment: string) => segment.startsWith('_') && !segment.startsWith('__');

/** A file's module path is private when a package or the module itself starts with one underscore. */
export function isPrivateModule(relativeToPackages: string): boolean {
  const parts = relativeToPackages.replace(/\.py$/, '').split('/');
  return parts.some(isPrivateSegment);
}

/** The file a relative or absolute from-import names, among the project's files; undefined when it is not the project's. */
function importedFile(
  from: string,
  module: string,
  level: number,
  files: ReadonlySet<string>,
  packageRoots: ReadonlyMap<string, string>,
): string | undefined {
  let base: string | undefined;
  if (level > 0) {
    base = posix.dirname(from);
    for (let i = 1; i < level; i += 1) base = posix.dirname(base);
  } else {
    const top = module.split('.')[0];
    const root = packageRoots.get(top);
    if (root === undefined) return undefined;
    base = posix.dirname(root);
  }
  const path = module === '' ? base : `${base}/${module.replace(/\./g, '/')}`;
  if (files.has(`${path}.py`)) return `${path}.py`;
  if (files.has(`${path}/__init__.py`)) return `${path}/__init__.py`;
  return undefined;
}

function functionsOf(result: FileResult, only: ((name: string) => boolean) | undefined): PublicFunction[] {
  const found: PublicFunction[] = [];
  const overloaded = (defs: PythonFunction[]) =>
    new Set(defs.filter((d) => d.decorators.some((x) => x === 'overload' || x.endsWith('.overload'))).map((d) => d.name));
  const topFunctions = result.definitions.filter((d): d is PythonFunction => d.kind !== 'class' && d.kind !== 'variable');
  const topOverloads = overloaded(topFunctions);
  for (const definition of result.definitions) {
    if (only ? !only(definition.name) : !definition.public) continue;
    if (definition.kind === 'function' || definition.kind === 'async-function') {
      // The implementation behind @overload signatures is not what type checkers show callers.
      if (topOverloads.has(definition.name) && !definition.decorators.some((x) => x.endsWith('overload'))) continue;
      found.push({ name: definition.name, line: definition.line, column: definition.column, definition, method: false });
    } else if (definition.kind === 'class') {
      found.push(...methodsOf(definition, overloaded(definition.methods)));
    }
  }
  return found;
}

function methodsOf(cls: PythonClass, overloads: ReadonlySet<string>): PublicFunction[] {
  return cls.methods
    .filter((m) => m.public || m.name === '__init__' || (m.name.startsWith('__') && m.name.endsWith('__')))
    .filter((m) => !(overloads.has(m.name) && !m.decorators.some((x) => x.endsWith('overload'))))
    .map((m) => ({ name: `${cls.name}.${m.name}`, line: m.line, column: m.column, definition: m, method: true }));
}

/**
 * The project's public Python API: the functions and methods of its public modules (those `__all__` lists when it
 * is literal, else every name without an underscore), and what public modules re-export from private ones
 * (`from ._api import get` in `httpx/__init__.py` makes `_api.get` public), followed through further re-exports.
 */
export const pythonLibrary = defineFact({
  id: 'api/python-library',
  inputs: [pythonFiles, pythonPackages, projectFiles],
  compute: async (project: ShipshapeProject, files, packages, listing): Promise<PythonLibrary> => {
    const devFiles: readonly string[] = [];
    const sourceDir = packages.sourceDir;
    const relative = (file: string) => projectRelative(project.root, file);
    const runtime = files.filter(
      (file) => pythonRole(relative(file), { importNames: packages.importNames, devFiles, sourceDir }) === 'runtime',
    );
    const inPackages = (file: string) => {
      const rel = relative(file);
      return rel.startsWith(`${sourceDir}/`) ? rel.slice(sourceDir.length + 1) : rel;
    };
    const publicModules = runtime.filter((file) => !isPrivateModule(inPackages(file)));
    const allFiles = new Set(listing.map((f) => f.file));
    const stubbed = new Set(runtime.filter((file) => allFiles.has(`${file}i`)));
    if (runtime.length === 0) return { runtime, publicModules, functions: new Map(), stubbed };
    const analysis = await project.get(pythonAnalysis);
    const packageRoots = new Map(packages.folders.map((folder) => [posix.basename(folder), folder]));
    const runtimeSet = new Set(runtime);
    // names each file exposes publicly: all of its public names (public module), or those re-exported
    const exposed = new Map<string, Set<string> | 'all'>();
    for (const file of publicModules) exposed.set(file, 'all');
    const queue = [...publicModules];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      const result = analysis.files[file];
      // A module with a .pyi stub: its API (and what it re-exports) is the stub's, typed there.
      if (!result || result.error || stubbed.has(file)) continue;
      const names = exposed.get(file);
      const listed = result.all?.names ? new Set(result.all.names) : undefined;
      for (const record of result.imports) {
        if (record.kind !== 'from' || record.inFunction || record.guard === 'type-checking') continue;
        const target = importedFile(file, record.module, record.level, runtimeSet, packageRoots);
        if (!target || !isPrivateModule(inPackages(target))) continue;
        const wanted = record.names.flatMap((name, i) => {
          const as = record.aliases[i] ?? name;
          const shown = names === 'all' ? (listed ? listed.has(as) : !as.startsWith('_')) : names?.has(as);
          return shown ? [name] : [];
        });
        if (wanted.length === 0) continue;
        const current = exposed.get(target);
        if (current === 'all') continue;
        const next = new Set(current ?? []);
        let grew = false;
        for (const name of wanted) {
          if (name === '*') {
            exposed.set(target, 'all');
            grew = true;
            break;
          }
          if (!next.has(name)) {
            next.add(name);
            grew = true;
          }
        }
        if (exposed.get(target) !== 'all') exposed.set(target, next);
        if (grew) queue.push(target);
      }
    }
    const functions = new Map<string, PublicFunction[]>();
    for (const [file, names] of exposed) {
      const result = analysis.files[file];
      if (!result || result.error || stubbed.has(file)) continue;
      const listed = result.all?.names ? new Set(result.all.names) : undefined;
      const only = names === 'all' ? (listed ? (name: string) => listed.has(name) : undefined) : (name: string) => names.has(name);
      const found = functionsOf(result, only);
      if (found.length > 0) functions.set(file, found);
    }
    return { runtime, publicModules, functions, stubbed };
  },
});

/** Whether a function lacks annotations a caller sees: a parameter, or the return (not for `__init__` and property setters). */
export function missingAnnotations(fn: PublicFunction): { params: number; returns: boolean } {
  const { annotations, decorators, name } = fn.definition;
  const setter = decorators.some((d) => d.endsWith('.setter') || d.endsWith('.deleter'));
  return {
    params: annotations.params - annotations.annotatedParams,
    returns: !annotations.returns && name !== '__init__' && !setter,
  };
}

export const isAnnotated = (fn: PublicFunction): boolean => {
  const missing = missingAnnotations(fn);
  return missing.params === 0 && !missing.returns;
};

/** Has some annotation (a parameter or the return). */
export const hasSomeAnnotation = (fn: PythonFunction): boolean => fn.annotations.annotatedParams > 0 || fn.annotations.returns;

/**
 * The project still supports Python 2 (requires-python, a Python :: 2 classifier, or python_requires in setup.py /
 * setup.cfg admitting 2.x): inline annotations would not parse there.
 */
export function supportsPython2(project: ShipshapeProject): boolean {
  const manifest = project.get(pyproject)?.data.project as { 'requires-python'?: unknown; classifiers?: unknown } | undefined;
  const admits2 = (spec: string) => /(^|,)\s*(>=|>|==|~=)\s*2(\.|\s*(,|$))/.test(spec) || /^\s*<\s*3(\.0)?\s*$/.test(spec);
  const requires = manifest?.['requires-python'];
  if (typeof requires === 'string' && admits2(requires)) return true;
  const classifiers = Array.isArray(manifest?.classifiers) ? (manifest.classifiers as unknown[]) : [];
  if (classifiers.some((c) => typeof c === 'string' && /^Programming Language :: Python :: 2(\.\d+)?$/.test(c.trim()))) return true;
  if (typeof requires === 'string') return false;
  const source = project.workspace.source;
  return ['setup.py', 'setup.cfg'].some((name) => {
    const text = source.read(project.file(name)) ?? '';
    const spec = /python_requires\s*=\s*["']?([^"'\n]+)/.exec(text)?.[1];
    return (spec !== undefined && admits2(spec)) || /Programming Language :: Python :: 2(\.\d+)?["'\s]/.test(text);
  });
}
