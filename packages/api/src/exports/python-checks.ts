import { defineCheck, pythonFiles, pythonPackages, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import {
  boundNames,
  importsSubmodule,
  isOwnPublicImport,
  isPublicModule,
  isSortedAll,
  isSubmodule,
  literalAll,
  packageOf,
  pythonExports,
  type PythonModuleExports,
} from './python-exports';

const FIXED_BY = '@shipshape/api:explicit-exports';

/** The project's modules inside its import packages, with what python_exports.py read of each (unparsable ones left out). */
async function packageModules(project: ShipshapeProject, only: 'public' | 'all'): Promise<Array<[string, PythonModuleExports]>> {
  const packages = project.get(pythonPackages);
  const files = project
    .get(pythonFiles)
    .filter((f) => (only === 'public' ? isPublicModule(packages, f) : packageOf(packages, f) !== undefined));
  if (files.length === 0) return [];
  const modules = await project.get(pythonExports);
  return files.flatMap((f) => (modules[f] && !modules[f].error ? [[f, modules[f]] as [string, PythonModuleExports]] : []));
}

/** A public module that defines public names and has no `__all__` (a package `__init__.py` is structure's). */
export const pythonModuleAll = defineCheck({
  id: 'api/python-module-all',
  title: 'Public modules declare __all__',
  planItem: 'api/explicit-exports',
  languages: ['python'],
  severity: 'info',
  fixedBy: FIXED_BY,
  requires: [pythonPackages],
  description:
    "A public module (no _private segment on its path) that defines public functions, classes or variables states which of them are its API with `__all__`: `from module import *`, documentation tools (mkdocstrings, Sphinx's automodule) and type checkers' re-export rules then read the list instead of guessing from underscores. Package `__init__.py` files are @shipshape/structure's `init-py-exports`. The explicit-exports generator writes `__all__` from the module's public definitions.",
  run: async (project) => {
    const findings: FindingInput[] = [];
    for (const [file, module] of await packageModules(project, 'public')) {
      if (file.endsWith('/__init__.py') || module.all) continue;
      // A name an import binds too (`except ImportError: ssl = None`) is the import's fallback, not a definition.
      const imported = new Set(module.imports.map((i) => i.bound));
      const names = [...new Set(module.definitions.map((d) => d.name).filter((n) => !n.startsWith('_') && !imported.has(n)))];
      if (names.length === 0) continue;
      findings.push({
        message: `${file} defines ${names.length} public name${names.length === 1 ? '' : 's'} (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}) and has no __all__: say which are the module's API`,
        file,
        line: 1,
        column: 1,
        key: 'no-all',
      });
    }
    return findings;
  },
});

/** `__all__` names something the module never binds: `from module import *` raises AttributeError. */
export const pythonAllUndefined = defineCheck({
  id: 'api/python-all-undefined',
  title: '__all__ names only what the module defines',
  planItem: 'api/explicit-exports',
  languages: ['python'],
  severity: 'error',
  fixedBy: FIXED_BY,
  requires: [pythonPackages],
  description:
    'Every name in `__all__` must exist in the module (or be a submodule of the package): otherwise `from module import *` raises AttributeError, and tools that trust `__all__` document or type-check a name that is not there. A module that can bind names no statement shows (a module-level `__getattr__`, globals(), exec, a star import of a module outside the project) is not judged. The generator never removes such a name: fix the typo or define the name.',
  run: async (project) => {
    const findings: FindingInput[] = [];
    const modules = await project.get(pythonExports);
    for (const [file, module] of await packageModules(project, 'all')) {
      if (!module.all) continue;
      const bound = boundNames(project, modules, file);
      if (!bound) continue;
      for (const statement of module.all.statements) {
        for (const element of statement.elements ?? []) {
          if (bound.has(element.name) || isSubmodule(project, file, element.name)) continue;
          findings.push({
            message: `__all__ lists "${element.name}", which ${file} never defines nor imports: \`from ${file.endsWith('__init__.py') ? 'package' : 'module'} import *\` raises AttributeError`,
            file,
            line: element.line,
            column: element.column + 1,
            key: `undefined:${element.name}`,
          });
        }
      }
    }
    return findings;
  },
});

/** Names a package `__init__.py` imports from its own modules and leaves out of a literal `__all__`. */
export function missingReexports(
  project: ShipshapeProject,
  file: string,
  module: PythonModuleExports,
): Array<{ name: string; line: number }> {
  const all = literalAll(module);
  if (!all || !file.endsWith('/__init__.py')) return [];
  const listed = new Set(all);
  // A name the module's own code uses was imported for that use (a warning class it raises, a helper it calls).
  const used = new Set(module.used);
  const missing: Array<{ name: string; line: number }> = [];
  for (const binding of module.imports) {
    if (listed.has(binding.bound) || used.has(binding.bound)) continue;
    if (!isOwnPublicImport(project, binding) || importsSubmodule(project, file, binding)) continue;
    // `from .x import a as a` is the explicit re-export idiom too; the same name listed twice is not news.
    if (!missing.some((m) => m.name === binding.bound)) missing.push({ name: binding.bound, line: binding.line });
  }
  return missing;
}

export const pythonAllReexports = defineCheck({
  id: 'api/python-all-reexports',
  title: "__all__ lists what the package's __init__.py re-exports",
  planItem: 'api/explicit-exports',
  languages: ['python'],
  severity: 'warning',
  fixedBy: FIXED_BY,
  requires: [pythonPackages],
  description:
    "A public package's `__init__.py` that has `__all__` lists in it every public name it imports from the package's own modules (`from ._models import Request`): one left out is missing from `from package import *` and, for type checkers and documentation tools that read `__all__`, from the API, although users reach it as `package.Request`. Private names, submodules, names the `__init__.py` itself uses (imported for that use) and imports under `if TYPE_CHECKING:` are not counted. The generator adds the names.",
  run: async (project) =>
    (await packageModules(project, 'public')).flatMap(([file, module]) =>
      missingReexports(project, file, module).map(({ name, line }) => ({
        message: `${file} imports "${name}" from the package's own modules but its __all__ leaves it out: list it (or make the import private)`,
        file,
        line,
        column: 1,
        key: `reexport:${name}`,
      })),
    ),
});

export const pythonAllSorted = defineCheck({
  id: 'api/python-all-sorted',
  title: '__all__ is sorted',
  planItem: 'api/explicit-exports',
  languages: ['python'],
  severity: 'info',
  fixedBy: FIXED_BY,
  requires: [pythonPackages],
  description:
    "A public module's `__all__`, written as one literal list, is sorted, so that a name added or removed is one line of a diff and a duplicate shows: plain `sorted()`, case-insensitive, natural or Ruff's RUF022 isort-style order (constants, classes, the rest) are all accepted. A list that groups its names with comments is left as its author arranged it.",
  run: async (project) => {
    const findings: FindingInput[] = [];
    for (const [file, module] of await packageModules(project, 'public')) {
      const statements = module.all?.statements ?? [];
      if (statements.length !== 1 || statements[0].kind !== 'assign' || !statements[0].elements) continue;
      const names = statements[0].elements.map((e) => e.name);
      if (names.length < 2 || isSortedAll(names) || hasComments(project, file, statements[0].value ?? statements[0].statement)) continue;
      findings.push({
        message: `__all__ of ${file} is not sorted (${names.length} names)`,
        file,
        line: statements[0].statement.line,
        column: statements[0].statement.column + 1,
        key: 'unsorted',
      });
    }
    return findings;
  },
});

/** Does the list's text hold a comment (names grouped by its author)? A comment after the closing bracket does not count. */
export function hasComments(
  project: ShipshapeProject,
  file: string,
  span: { line: number; column: number; endLine: number; endColumn: number },
): boolean {
  const lines = (project.workspace.source.read(file) ?? '')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .slice(span.line - 1, span.endLine);
  if (lines.length === 0) return false;
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, span.endColumn);
  lines[0] = lines[0].slice(span.column);
  return lines.some((line) => /#/.test(line.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '')));
}
