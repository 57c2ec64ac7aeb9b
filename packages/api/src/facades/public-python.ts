import { join, posix } from 'node:path';
import {
  defineBatchedFilePass,
  defineFact,
  pythonAnalysis,
  pythonFiles,
  pythonInterpreter,
  pythonPackages,
  runProcess,
  ShipshapeError,
  type PythonFileResult,
  type ShipshapeProject,
} from '@shipshape/core';

export interface PythonParameter {
  name: string;
  kind: 'posonly' | 'pos' | 'vararg' | 'kwonly' | 'kwarg';
  /** The literal default: `true`, `false`, `none`, `other` (any other expression); null without one. */
  default: 'true' | 'false' | 'none' | 'other' | null;
  /** As written. */
  annotation: string | null;
  line: number;
  column: number;
}

export interface PythonRaise {
  /** The raised name as written (`ValueError`, `errors.Invalid`); null for an expression. */
  name: string | null;
  /** `raise X(...)` rather than `raise X` / `raise error`. */
  call: boolean;
  /** `raise "text"`: a string, which Python 3 refuses. */
  string: boolean;
  line: number;
  column: number;
}

export interface PythonFunction {
  name: string;
  /** The class the method belongs to; null for a module-level function. */
  class: string | null;
  async: boolean;
  decorators: string[];
  params: PythonParameter[];
  returns: string | null;
  raises: PythonRaise[];
  /** Defined under a module-level if/try (a fallback for an optional import, a version shim). */
  conditional: boolean;
  line: number;
  column: number;
}

export interface PythonClass {
  name: string;
  bases: string[];
  decorators: string[];
  methods: PythonFunction[];
  /** Defined under a module-level if/try (a fallback for an optional import, a version shim). */
  conditional: boolean;
  line: number;
  column: number;
}

export interface PythonSignatures {
  functions: PythonFunction[];
  classes: PythonClass[];
  error: string | null;
}

/** A name of the public API, at its definition. */
export interface PublicPythonName {
  /** The name the public module exports it by. */
  name: string;
  /** The public module that exports it (workspace-relative). */
  module: string;
  /** Where it is defined (workspace-relative; a private module for names an `__init__` re-exports). */
  file: string;
  definition:
    | { kind: 'function'; value: PythonFunction }
    | { kind: 'class'; value: PythonClass }
    | { kind: 'variable'; line: number; column: number };
}

export interface PublicPythonApi {
  /** The modules whose names are public: each top-level package's __init__.py, and public modules that declare __all__. */
  modules: string[];
  /** Every public name, each definition once. */
  names: PublicPythonName[];
  /** Every library module's signatures (private modules included), keyed by workspace-relative path. */
  signatures: Record<string, PythonSignatures>;
}

const HELPER = join(__dirname, 'facade_ast.py');
const TIMEOUT_MS = 120_000;

const isTestPath = (segments: string[]) =>
  segments.some((s) => s === 'tests' || s === 'test' || s === 'testing' || s === 'conftest.py' || /^test_.*\.py$|_test\.py$/.test(s));
const isPrivateSegment = (segment: string) => segment.startsWith('_') && segment !== '__init__.py' && segment !== '__main__.py';

/** Runs the signature helper over the given sources (one process, bounded in time). */
export async function pythonSignatures(
  project: ShipshapeProject,
  sources: Record<string, string>,
): Promise<Record<string, PythonSignatures>> {
  if (Object.keys(sources).length === 0) return {};
  const python = await project.get(pythonInterpreter);
  const result = await runProcess(python, [HELPER], { timeoutMs: TIMEOUT_MS, input: JSON.stringify({ files: sources }) });
  if (result.code !== 0 || result.timedOut) {
    const why = result.timedOut ? `ran past ${TIMEOUT_MS / 1000} s` : (result.stderr.trim().split('\n').pop() ?? `exit ${result.code}`);
    throw new ShipshapeError(`${project.name}: the Python signature pass (${python} facade_ast.py) failed: ${why}`);
  }
  return JSON.parse(result.stdout) as Record<string, PythonSignatures>;
}

/** The package's modules outside tests (each with an `ast` the core pass could parse), read as the run sees them. */
async function signatureSources(project: ShipshapeProject): Promise<Record<string, string>> {
  const packages = project.get(pythonPackages);
  const analysis = await project.get(pythonAnalysis);
  const sources: Record<string, string> = {};
  for (const file of project.get(pythonFiles)) {
    const top = packages.folders.find((p) => file.startsWith(`${p}/`));
    if (top === undefined || isTestPath(file.slice(top.length + 1).split('/'))) continue;
    const text = project.workspace.source.read(file);
    if (text !== undefined && !analysis.files[file]?.error) sources[file] = text;
  }
  return sources;
}

/** facade_ast.py over those modules (in a batch, over every project's at once). */
const signaturePass = defineBatchedFilePass<PythonSignatures>({
  id: 'facades/python-signature-pass',
  sources: signatureSources,
  run: (_workspace, sources, project) => pythonSignatures(project, sources),
});

/** The module file a relative import names, seen from `importer` (`from ..x import y` at level 2). */
export function relativeTarget(importer: string, module: string, level: number, isFile: (f: string) => boolean): string | undefined {
  let dir = posix.dirname(importer);
  for (let i = 1; i < level; i++) dir = posix.dirname(dir);
  const base = module ? posix.join(dir, ...module.split('.')) : dir;
  return [`${base}.py`, `${base}/__init__.py`].find(isFile);
}

/** Names a module exports: its literal `__all__`, else its own public definitions and (for a package's __init__) what its relative imports bind. */
function exportedNames(file: string, result: PythonFileResult): string[] | undefined {
  if (result.all) return result.all.names ?? undefined;
  const names = result.definitions.filter((d) => d.public).map((d) => d.name);
  if (file.endsWith('/__init__.py'))
    for (const record of result.imports)
      if (record.kind === 'from' && record.level > 0 && !record.inFunction && record.guard !== 'type-checking')
        record.names.forEach((n, i) => n !== '*' && names.push(record.aliases[i] ?? n));
  return [...new Set(names.filter((n) => !n.startsWith('_')))];
}

/**
 * The public Python API of the project's import packages: each public module's exported names, resolved to the
 * function or class that defines them (through relative re-imports, as `httpx/__init__.py` takes `Client` from
 * `httpx/_client.py`), with the signatures the helper read.
 */
export const publicPythonApi = defineFact({
  id: 'facades/public-python',
  inputs: [pythonFiles, pythonPackages],
  compute: async (project, files, packages): Promise<PublicPythonApi> => {
    const inPackage = files.filter((f) => {
      const top = packages.folders.find((p) => f.startsWith(`${p}/`));
      return top !== undefined && !isTestPath(f.slice(top.length + 1).split('/'));
    });
    const publicModules = inPackage.filter((f) => {
      const top = packages.folders.find((p) => f.startsWith(`${p}/`))!;
      return !f
        .slice(top.length + 1)
        .split('/')
        .some(isPrivateSegment);
    });
    if (publicModules.length === 0) return { modules: [], names: [], signatures: {} };
    const analysis = await project.get(pythonAnalysis);
    // The public API is what the package's top level exports, and what a module states as API with __all__: a
    // module without __all__ below the top (jinja2.parser) is implementation even without an underscore.
    const tops = new Set(packages.folders.map((p) => `${p}/__init__.py`));
    const modules = publicModules.filter((f) => tops.has(f) || analysis.files[f]?.all?.names);
    const signatures = await project.get(signaturePass);
    const isFile = (f: string) => f in signatures;
    const names: PublicPythonName[] = [];
    const seen = new Set<string>();
    /** The definition of `name` in `file`, following relative re-imports (three hops at most). */
    const resolve = (file: string, name: string, hops: number): Omit<PublicPythonName, 'name' | 'module'> | undefined => {
      const result = analysis.files[file];
      const sigs = signatures[file];
      if (!result || !sigs) return undefined;
      const fn = sigs.functions.find((f) => f.name === name);
      const cls = sigs.classes.find((c) => c.name === name);
      // the last definition wins, as at run time
      const local = [...result.definitions].reverse().find((d) => d.name === name);
      if (local?.kind === 'class' && cls) return { file, definition: { kind: 'class', value: cls } };
      if (local && local.kind !== 'variable' && fn) return { file, definition: { kind: 'function', value: fn } };
      if (local?.kind === 'variable') return { file, definition: { kind: 'variable', line: local.line, column: local.column } };
      if (hops === 0) return undefined;
      for (const record of result.imports) {
        if (record.kind !== 'from' || record.level === 0 || record.guard === 'type-checking') continue;
        const i = record.names.findIndex((n, k) => (record.aliases[k] ?? n) === name);
        if (i < 0) continue;
        const target = relativeTarget(file, record.module, record.level, isFile);
        if (target) return resolve(target, record.names[i], hops - 1);
      }
      return undefined;
    };
    for (const module of modules) {
      const result = analysis.files[module];
      if (!result || result.error || !signatures[module]) continue;
      for (const name of exportedNames(module, result) ?? []) {
        const found = resolve(module, name, 3);
        if (!found) continue;
        const at = found.definition.kind === 'variable' ? found.definition : found.definition.value;
        const key = `${found.file}:${at.line}:${name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        names.push({ name, module, ...found });
      }
    }
    return { modules, names, signatures };
  },
});
