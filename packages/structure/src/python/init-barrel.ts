import { posix } from 'node:path';
import {
  importedModuleFile,
  pythonFiles,
  pythonPackages,
  ShipshapeError,
  type PythonAnalysis,
  type PythonFileResult,
  type ShipshapeProject,
} from '@shipshape/core';
import { moduleName, packageFolders } from './package-folders';
import { importedPublicNames, publicNames, reexportedNames } from './public-names';

export interface InitFilePlan {
  /** Workspace-relative path of the `__init__.py`. */
  path: string;
  text: string;
  created: boolean;
  /** What could not be made explicit, for the user. */
  notes: string[];
}

const MAX_LINE = 88;
const PRIVATE_OR_TEST = /^(_|test_|conftest\.py$)|_test\.py$/;

/**
 * New `__init__.py` files for package folders without one (explicit imports of each module's public names and
 * `__all__`), and edits of existing ones: `from .x import *` made explicit, `__all__` added when missing.
 */
export function planInitFiles(project: ShipshapeProject, analysis: PythonAnalysis, namespaces: string[]): InitFilePlan[] {
  const plans: InitFilePlan[] = [];
  for (const folder of project.get(packageFolders)) {
    const name = moduleName(project.get(pythonPackages), folder);
    if (name && namespaces.includes(name)) continue;
    const init = `${folder}/__init__.py`;
    const plan = project.workspace.source.isFile(init) ? editInit(project, init, analysis) : createInit(project, folder, analysis);
    if (plan) plans.push(plan);
  }
  return plans;
}

function resultOf(analysis: PythonAnalysis, path: string): PythonFileResult {
  const result = analysis.files[path];
  if (!result) throw new ShipshapeError('was not analyzed', path);
  if (result.error)
    throw new ShipshapeError(
      `cannot be read as Python${result.error.line ? ` (line ${result.error.line})` : ''}: ${result.error.message}`,
      path,
    );
  return result;
}

function createInit(project: ShipshapeProject, folder: string, analysis: PythonAnalysis): InitFilePlan | undefined {
  const modules = project
    .get(pythonFiles)
    .filter((f) => posix.dirname(f) === folder && !PRIVATE_OR_TEST.test(posix.basename(f)))
    .sort();
  const lines: string[] = [];
  const all: string[] = [];
  const notes: string[] = [];
  for (const module of modules) {
    const stem = posix.basename(module, '.py');
    const names = publicNames(resultOf(analysis, module));
    if (names === undefined) {
      notes.push(`${module} computes __all__: import from it explicitly yourself`);
      continue;
    }
    const fresh = names.filter((n) => !all.includes(n));
    for (const clash of names.filter((n) => all.includes(n)))
      notes.push(`${clash} is defined in more than one module of ${folder}; ${module} does not re-export it`);
    if (fresh.length === 0) continue;
    lines.push(importLine(`.${stem}`, fresh));
    all.push(...fresh);
  }
  const docstring = `"""The ${posix.basename(folder)} package: ${all.length > 0 ? 'its public names, imported from its modules' : 'no public names yet'}."""\n`;
  const body = lines.length > 0 ? `\n${lines.join('\n')}\n\n${allAssignment(all)}` : '';
  return { path: `${folder}/__init__.py`, text: docstring + body, created: true, notes };
}

function editInit(project: ShipshapeProject, path: string, analysis: PythonAnalysis): InitFilePlan | undefined {
  const original = project.workspace.source.read(path) ?? '';
  const result = resultOf(analysis, path);
  const notes: string[] = [];
  const lines = original.split('\n');
  for (const record of result.imports) {
    if (record.kind !== 'from' || !record.names.includes('*')) continue;
    const target = importedModuleFile(project, path, record.module, record.level);
    if (!target || target === path) {
      notes.push(`${path}:${record.line} imports * from a module outside the package; left as it is`);
      continue;
    }
    const targetResult = resultOf(analysis, target);
    const names = publicNames(targetResult);
    if (names === undefined) {
      notes.push(`${path}:${record.line} imports * from ${target}, whose __all__ is computed; left as it is`);
      continue;
    }
    // Without __all__, the star import also re-exports what the module imports from the package: listing only its own names would drop them.
    const imported = targetResult.all ? [] : importedPublicNames(targetResult);
    if (imported.length > 0) {
      notes.push(
        `${path}:${record.line} imports * from ${target}, which has no __all__ and imports ${imported.slice(0, 3).join(', ')}${imported.length > 3 ? ', ...' : ''} from the package: the star import re-exports those too; give ${target} an __all__, then run the generator again`,
      );
      continue;
    }
    const index = record.line - 1;
    const match = /^(\s*from\s+\S+\s+import\s+)\*(.*)$/.exec(lines[index] ?? '');
    if (!match) {
      notes.push(`${path}:${record.line} has a star import Shipshape cannot rewrite in place; left as it is`);
      continue;
    }
    const [, head, tail] = match;
    // A module with no public names is still loaded by the star import: keep loading it, bind nothing new.
    lines[index] =
      names.length > 0
        ? `${head}${wrapNames(head.trimStart(), names, tail)}`
        : `${/^\s*/.exec(head)?.[0] ?? ''}${loadOnly(record.module, record.level)}${tail}`;
  }
  let text = lines.join('\n');
  if (!result.all) {
    const starNames = (module: string, level: number) => {
      const target = importedModuleFile(project, path, module, level);
      return (target && target !== path && publicNames(resultOf(analysis, target))) || [];
    };
    const names = reexportedNames(result, starNames);
    if (names.length > 0) text = `${text}${text.endsWith('\n') ? '' : '\n'}\n${allAssignment(names)}`;
  }
  return text === original && notes.length === 0 ? undefined : { path, text, created: false, notes };
}

/** `from .a.b import *` without names to import becomes `from .a import b`. */
function loadOnly(module: string, level: number): string {
  const parts = module.split('.');
  const last = parts.pop();
  return `from ${'.'.repeat(level)}${parts.join('.')} import ${last}`;
}

function wrapNames(head: string, names: string[], tail: string): string {
  const inline = `${names.join(', ')}${tail}`;
  if (head.length + inline.length <= MAX_LINE) return inline;
  return `(${tail}\n${names.map((n) => `    ${n},`).join('\n')}\n)`;
}

function importLine(module: string, names: string[]): string {
  const head = `from ${module} import `;
  return `${head}${wrapNames(head, names, '')}`;
}

function allAssignment(names: string[]): string {
  return `__all__ = [\n${names.map((n) => `    "${n}",`).join('\n')}\n]\n`;
}
