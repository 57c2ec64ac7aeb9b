import { posix } from 'node:path';
import {
  dataAt,
  defineCheck,
  defineFact,
  isTable,
  parseRequirement,
  pythonAnalysis,
  pythonPackages,
  pyproject,
  stringsIn,
  type FindingInput,
  type PyProject,
  type ShipshapeProject,
} from '@shipshape/core';
import { hasSomeAnnotation, isPrivateModule, pythonLibrary, type PythonFunction } from './public-api';

/** Share of a package's functions and methods with some annotation from which it "ships inline annotations". */
export const INLINE_SHARE = 0.5;
const INLINE_MINIMUM = 3;

export interface TypedPackage {
  /** Workspace-relative folder of the top-level import package. */
  folder: string;
  name: string;
  hasPyTyped: boolean;
  /** Functions and methods with some annotation, of all of them, in the package's shipped files. */
  annotated: number;
  total: number;
  /** The package has .pyi stubs of its own. */
  stubs: boolean;
  /** It ships inline annotations (or its own stubs): a type checker should be told to read them. */
  typed: boolean;
}

/** The project's top-level public import packages, with whether they are typed and marked. */
export const typedPackages = defineFact({
  id: 'api/python-typed-packages',
  inputs: [pythonPackages],
  compute: async (project: ShipshapeProject, packages): Promise<TypedPackage[]> => {
    const library = await project.get(pythonLibrary);
    const result: TypedPackage[] = [];
    if (library.runtime.length === 0) return result;
    const analysis = await project.get(pythonAnalysis);
    const source = project.workspace.source;
    for (const folder of packages.folders) {
      const name = posix.basename(folder);
      if (isPrivateModule(name)) continue;
      const files = library.runtime.filter((file) => file.startsWith(`${folder}/`));
      if (files.length === 0 || !files.includes(`${folder}/__init__.py`)) continue;
      const functions: PythonFunction[] = [];
      for (const file of files) {
        for (const definition of analysis.files[file]?.definitions ?? []) {
          if (definition.kind === 'class') functions.push(...definition.methods);
          else if (definition.kind !== 'variable') functions.push(definition);
        }
      }
      const annotated = functions.filter(hasSomeAnnotation).length;
      const stubs = library.stubbed.size > 0 && [...library.stubbed].some((file) => file.startsWith(`${folder}/`));
      result.push({
        folder,
        name,
        hasPyTyped: source.isFile(`${folder}/py.typed`),
        annotated,
        total: functions.length,
        stubs,
        typed: stubs || (annotated >= INLINE_MINIMUM && annotated >= functions.length * INLINE_SHARE),
      });
    }
    return result;
  },
});

export type Backend = 'setuptools' | 'hatchling' | 'flit' | 'poetry' | 'pdm' | 'other' | 'none';

export function buildBackend(data: PyProject | undefined, hasSetupPy: boolean): Backend {
  const backend = dataAt(data, ['build-system', 'build-backend']);
  if (typeof backend !== 'string') return hasSetupPy ? 'setuptools' : data?.['build-system'] ? 'setuptools' : 'none';
  if (backend.startsWith('setuptools')) return 'setuptools';
  if (backend.startsWith('hatchling')) return 'hatchling';
  if (backend.startsWith('flit_core')) return 'flit';
  if (backend.startsWith('poetry')) return 'poetry';
  if (backend.startsWith('pdm')) return 'pdm';
  return 'other';
}

/** Since setuptools 69.0.0, `py.typed` files are package data by default. */
const SETUPTOOLS_SHIPS_PY_TYPED = 69;

/** What the `setuptools` requirement of `[build-system] requires` guarantees about the version that builds. */
export function setuptoolsBound(data: PyProject | undefined): { atLeast69: boolean; below69: boolean; scm: boolean } {
  const requires = stringsIn(data, ['build-system', 'requires']).map((text) => parseRequirement(text));
  const scm = requires.some((r) => r !== undefined && /^setuptools[-_]scm$/i.test(r.name));
  const setuptools = requires.find((r) => r?.name.toLowerCase() === 'setuptools');
  let atLeast69 = false;
  let below69 = false;
  for (const clause of (setuptools?.specifier ?? '').split(',')) {
    const match = /^\s*(>=|>|==|~=|<=|<|===)\s*(\d+)/.exec(clause);
    if (!match) continue;
    const major = Number(match[2]);
    if ((match[1] === '>=' || match[1] === '~=' || match[1] === '==' || match[1] === '===') && major >= SETUPTOOLS_SHIPS_PY_TYPED)
      atLeast69 = true;
    if (match[1] === '>' && major >= SETUPTOOLS_SHIPS_PY_TYPED - 1) atLeast69 = true;
    if (
      (match[1] === '<' && major <= SETUPTOOLS_SHIPS_PY_TYPED) ||
      ((match[1] === '<=' || match[1] === '==' || match[1] === '===') && major < SETUPTOOLS_SHIPS_PY_TYPED)
    )
      below69 = true;
  }
  return { atLeast69, below69, scm };
}

/** The build configuration texts that may name py.typed as package data. */
function configTexts(project: ShipshapeProject): string[] {
  const read = (name: string) => project.workspace.source.read(project.file(name)) ?? '';
  return [read('pyproject.toml'), read('setup.cfg'), read('setup.py'), read('MANIFEST.in')];
}

/** Whether the project's build configuration names py.typed (package-data, MANIFEST.in, setup.py's package_data). */
export function namesPyTyped(project: ShipshapeProject): boolean {
  return configTexts(project).some((text) => /py\.typed|\*\.typed|["']\*["']/.test(text));
}

/** `[tool.setuptools.package-data]` as written. */
export function setuptoolsPackageData(data: PyProject | undefined): Record<string, unknown> | undefined {
  const table = dataAt(data, ['tool', 'setuptools', 'package-data']);
  return isTable(table) ? table : undefined;
}

async function run(project: ShipshapeProject): Promise<FindingInput[]> {
  const packages = await project.get(typedPackages);
  const manifest = project.get(pyproject);
  const findings: FindingInput[] = [];
  for (const pkg of packages) {
    if (!pkg.typed) continue;
    if (!pkg.hasPyTyped) {
      findings.push({
        message: pkg.stubs
          ? `${pkg.name} ships its own .pyi stubs but no py.typed marker: type checkers ignore them (PEP 561) and treat the package as untyped`
          : `${pkg.name} ships inline annotations (${pkg.annotated} of its ${pkg.total} functions and methods) but no py.typed marker: type checkers of its users ignore them (PEP 561) and see Unknown`,
        file: `${pkg.folder}/__init__.py`,
        line: 1,
        key: `no-py-typed:${pkg.name}`,
      });
      continue;
    }
    // The one case where it is certain that py.typed stays out of the wheel: a setuptools pinned below 69 that
    // is not told to include it (no package-data, MANIFEST.in or setuptools-scm naming it).
    const hasSetupPy = project.workspace.source.isFile(project.file('setup.py'));
    if (buildBackend(manifest?.data, hasSetupPy) !== 'setuptools') continue;
    const bound = setuptoolsBound(manifest?.data);
    if (!bound.below69 || bound.scm || namesPyTyped(project)) continue;
    findings.push({
      message: `${pkg.folder}/py.typed is not shipped: the build pins setuptools below ${SETUPTOOLS_SHIPS_PY_TYPED}, which leaves py.typed out of the wheel unless package data names it; add it to [tool.setuptools.package-data] (nx g @shipshape/api:python-types does)`,
      file: manifest?.path ?? project.file('setup.py'),
      line: 1,
      key: `py-typed-not-shipped:${pkg.name}`,
    });
  }
  return findings;
}

export default defineCheck({
  id: 'api/python-py-typed',
  title: 'Typed Python packages carry a py.typed marker that ships',
  planItem: 'api/type-annotations',
  languages: ['python'],
  severity: 'warning',
  fixedBy: '@shipshape/api:python-types',
  requires: [typedPackages],
  description: `A package that ships inline annotations (at least ${INLINE_SHARE * 100} % of its functions and methods annotated) or its own .pyi stubs needs the PEP 561 marker py.typed in the package folder, or its users' type checkers ignore the annotations. When setuptools is pinned below 69 (which does not include py.typed by default) and nothing names py.typed as package data, the marker does not reach the wheel. The python-types generator writes the marker and, for setuptools, the package data.`,
  run,
});
