import { posix } from 'node:path';
import { pythonAnalysis, pythonFiles, pythonPackages, workspaceGraph, type PythonFileResult, type ShipshapeProject } from '@shipshape/core';
import { relativeTarget } from '../../facades/public-python';
import { pythonErrorClasses } from '../../facades/errors';
import { publicPythonApi } from '../../facades/public-python';

export interface FacadeEdit {
  changes: Array<{ path: string; content: string }>;
  done: string[];
  left: string[];
}

const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/** Names a module binds at its top level: its definitions and what its imports bind. */
function boundNames(result: PythonFileResult): Set<string> {
  const names = new Set(result.definitions.map((d) => d.name));
  for (const record of result.imports) {
    if (record.inFunction || record.guard === 'type-checking') continue;
    if (record.kind === 'import') names.add(record.alias ?? record.module.split('.')[0]);
    else record.names.forEach((n, i) => n !== '*' && names.add(record.aliases[i] ?? n));
  }
  return names;
}

/** The span of a literal `__all__` list or tuple (from its opening to its closing bracket), scanning past strings and comments. */
export function allSpan(text: string, line: number): { open: number; close: number } | undefined {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  const rest = text.slice(offset);
  const match = /__all__\s*(?::[^=\n]*)?=\s*([[(])/.exec(rest);
  const lineEnd = rest.indexOf('\n');
  if (!match || (lineEnd >= 0 && match.index > lineEnd)) return undefined;
  const open = offset + match.index + match[0].length - 1;
  const closer = match[1] === '[' ? ']' : ')';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '#') i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return undefined;
      i = end;
    } else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0) return c === closer ? { open, close: i } : undefined;
    }
  }
  return undefined;
}

/** `__all__` with the names added before its closing bracket, in the list's own layout (one per line, or inline) and quotes. */
export function extendAll(text: string, span: { open: number; close: number }, names: readonly string[]): string {
  const inside = text.slice(span.open + 1, span.close);
  const quote = /"/.test(inside) || !/'/.test(inside) ? '"' : "'";
  const eol = eolOf(text);
  const items = names.map((n) => `${quote}${n}${quote}`);
  if (inside.includes('\n')) {
    // one item per line: the new ones go after the last item, with its indentation
    const lines = inside.split(/\r?\n/);
    const itemLine = [...lines].reverse().find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    const indent = itemLine ? /^\s*/.exec(itemLine)![0] : '    ';
    const before = text.slice(0, span.close).replace(/[ \t]*$/, '');
    const trimmed = before.replace(/\s*$/, '');
    const needsComma = !trimmed.endsWith(',') && !trimmed.endsWith('[') && !trimmed.endsWith('(');
    const closingIndent = /[ \t]*$/.exec(text.slice(0, span.close))![0];
    return `${trimmed}${needsComma ? ',' : ''}${items.map((i) => `${eol}${indent}${i},`).join('')}${eol}${closingIndent}${text.slice(span.close)}`;
  }
  const trimmed = inside.trim();
  const body = trimmed === '' ? items.join(', ') : `${trimmed.replace(/,$/, '')}, ${items.join(', ')}`;
  const single = text[span.open] === '(' && trimmed === '' && items.length === 1 ? ',' : '';
  return `${text.slice(0, span.open + 1)}${body}${single}${text.slice(span.close)}`;
}

/** Offset of the start of a 1-based line. */
function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line && offset >= 0; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

/**
 * Inserts import lines after the module's last top-level import (a parenthesized one followed to its closing
 * parenthesis), where linters expect imports; at the end when it has none.
 */
export function insertImports(text: string, result: PythonFileResult | undefined, lines: readonly string[]): string {
  const last = (result?.imports ?? []).filter((r) => !r.inFunction && r.guard === null && !r.fallback).sort((a, b) => b.line - a.line)[0];
  // an import inside a block (indented) is no place to put ours
  const start = last ? lineOffset(text, last.line) : -1;
  if (!last || last.column !== 1 || start < 0) return appendLines(text, lines);
  let end = text.indexOf('\n', start);
  const first = text.slice(start, end < 0 ? text.length : end);
  if (first.includes('(') && !first.includes(')')) {
    const close = text.indexOf(')', start);
    end = close < 0 ? -1 : text.indexOf('\n', close);
  } else while (end >= 0 && text[end - 1 - (text[end - 1] === '\r' ? 1 : 0)] === '\\') end = text.indexOf('\n', end + 1);
  if (end < 0) return appendLines(text, lines);
  const eol = eolOf(text);
  return `${text.slice(0, end + 1)}${lines.join(eol)}${eol}${text.slice(end + 1)}`;
}

/** Appends lines at the end of a file, in its line endings. */
export function appendLines(text: string, lines: readonly string[]): string {
  const eol = eolOf(text);
  const base = text === '' || text.endsWith('\n') ? text : `${text}${eol}`;
  return `${base}${lines.join(eol)}${eol}`;
}

interface Wanted {
  module: string;
  name: string;
  importers: Set<string>;
}

/** Adds `from .module import Name` to the package's __init__.py and the names to its literal __all__. */
export async function addToInit(
  project: ShipshapeProject,
  init: string,
  imports: Map<string, Set<string>>,
  edit: FacadeEdit,
  current: string,
) {
  const analysis = await project.get(pythonAnalysis);
  const result = analysis.files[init];
  let text = current;
  const names = [...imports.values()].flatMap((s) => [...s]).sort();
  if (names.length === 0) return text;
  const lines = [...imports]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([module, set]) => `from ${module} import ${[...set].sort().join(', ')}`);
  const hadPublic = result ? [...boundNames(result)].some((n) => !n.startsWith('_')) : false;
  const before = text.split('\n').length;
  text = insertImports(text, result, lines);
  const shift = text.split('\n').length - before;
  if (result?.all && result.all.names && !result.all.dynamic) {
    const lastImport = Math.max(
      0,
      ...(result.imports ?? []).filter((r) => !r.inFunction && r.guard === null && !r.fallback).map((r) => r.line),
    );
    const span = allSpan(text, result.all.line + (result.all.line > lastImport ? shift : 0));
    if (span) {
      const missing = names.filter((n) => !result.all!.names!.includes(n));
      if (missing.length > 0) text = extendAll(text, span, missing);
    } else edit.left.push(`${init}: add ${names.join(', ')} to __all__ (its literal could not be edited in place)`);
  } else if (result?.all) {
    edit.left.push(`${init}: __all__ is computed: add ${names.join(', ')} to it`);
  } else if (!hadPublic) {
    text = appendLines(text, [`__all__ = [${names.map((n) => `"${n}"`).join(', ')}]`]);
  } else {
    edit.left.push(
      `${init}: it has no __all__: list the package's public names in one (nx g @shipshape/api:explicit-exports), ${names.join(', ')} included`,
    );
  }
  return text;
}

/** The package's top-level __init__.py (the first package of the project that has one). */
export function topInit(project: ShipshapeProject): string | undefined {
  const files = new Set(project.get(pythonFiles));
  return project
    .get(pythonPackages)
    .folders.map((f) => `${f}/__init__.py`)
    .find((f) => files.has(f) || project.workspace.source.isFile(f));
}

/** What the workspace's other projects import from this project's modules below its top-level package. */
async function deepPythonImports(project: ShipshapeProject, top: string): Promise<Wanted[]> {
  const packageName = posix.basename(posix.dirname(top));
  const wanted = new Map<string, Wanted>();
  for (const node of project.get(workspaceGraph).projects) {
    if (node.root === project.root || node.root === '.' || node.root === '') continue;
    const other = project.workspace.project(node);
    if (other.get(pythonFiles).length === 0) continue;
    const analysis = await other.get(pythonAnalysis);
    for (const [file, result] of Object.entries(analysis.files)) {
      for (const record of result.imports) {
        const parts = record.module.split('.');
        if (record.kind !== 'from' || record.level !== 0 || parts[0] !== packageName || parts.length < 2) continue;
        for (const name of record.names) {
          if (name === '*' || name.startsWith('_')) continue;
          const key = `${record.module}:${name}`;
          const found = wanted.get(key) ?? { module: record.module, name, importers: new Set<string>() };
          found.importers.add(file);
          wanted.set(key, found);
        }
      }
    }
  }
  return [...wanted.values()];
}

/** Does the module import the package's top (`from pkg import x`, `from . import x` at the top): adding it to __init__ would import in a circle. */
function importsTop(result: PythonFileResult, file: string, top: string, packageName: string): boolean {
  const depth = posix.dirname(file).split('/').length - posix.dirname(top).split('/').length;
  return result.imports.some(
    (r) =>
      !r.inFunction &&
      r.guard !== 'type-checking' &&
      ((r.level === 0 && r.module === packageName) || (r.level > 0 && r.module === '' && r.level - 1 === depth)),
  );
}

/** (a) for Python: the top-level package exports what other projects import from deeper modules. */
export async function extendPythonFacade(project: ShipshapeProject, edit: FacadeEdit, additions: Map<string, Set<string>>): Promise<void> {
  const top = topInit(project);
  if (!top) return;
  const packageName = posix.basename(posix.dirname(top));
  const analysis = await project.get(pythonAnalysis);
  const topResult = analysis.files[top];
  if (topResult?.error) {
    edit.left.push(`${top}: it does not parse (${topResult.error.message}): nothing added to the facade`);
    return;
  }
  const bound = topResult ? boundNames(topResult) : new Set<string>();
  const isFile = (f: string) => project.workspace.source.isFile(f);
  for (const use of await deepPythonImports(project, top)) {
    const relative = use.module.split('.').slice(1).join('.');
    const target = relativeTarget(top, relative, 1, isFile);
    const where = [...use.importers].sort().join(', ');
    if (!target) {
      edit.left.push(`${where}: imports ${use.name} from ${use.module}, which is no module of ${project.name}`);
      continue;
    }
    // `from pkg.sub import module`: a submodule, reached by its path, not a name to re-export
    if (relativeTarget(top, `${relative}.${use.name}`, 1, isFile)) continue;
    const result = analysis.files[target];
    if (!result || result.error || !boundNames(result).has(use.name)) {
      edit.left.push(`${where}: imports ${use.name} from ${use.module}, which does not define it: not added to ${top}`);
      continue;
    }
    if (bound.has(use.name)) continue; // the facade has it already (or another thing of that name: not ours to replace)
    if (importsTop(result, target, top, packageName)) {
      edit.left.push(
        `${target} imports ${packageName} itself: re-exporting ${use.name} from ${top} would import in a circle; export it by hand`,
      );
      continue;
    }
    const module = `.${relative}`;
    additions.set(module, new Set([...(additions.get(module) ?? []), use.name]));
    bound.add(use.name);
    edit.done.push(`${top}: re-exports ${use.name} from ${module} (imported by ${where}; importers left as they are)`);
  }
}

const BASE_ERROR_MODULES = ['exceptions.py', 'errors.py', '_exceptions.py', '_errors.py'];

/** (b) for Python: `class <Name>(Exception)` in the package's exceptions module, exported from __init__. */
export async function scaffoldPythonBaseError(
  project: ShipshapeProject,
  name: string,
  edit: FacadeEdit,
  texts: Map<string, string>,
  additions: Map<string, Set<string>>,
): Promise<boolean> {
  const top = topInit(project);
  if (!top) return false;
  const dir = posix.dirname(top);
  const api = await project.get(publicPythonApi);
  const existing = Object.entries(api.signatures).find(([, s]) => s.classes.some((c) => c.name === name));
  let module: string;
  if (existing) {
    module = existing[0];
  } else {
    module = BASE_ERROR_MODULES.map((m) => `${dir}/${m}`).find((f) => project.workspace.source.isFile(f)) ?? `${dir}/exceptions.py`;
    const current = texts.get(module) ?? project.workspace.source.read(module) ?? '';
    const lines = [
      `class ${name}(Exception):`,
      `    """The base class of every error ${posix.basename(dir)} raises: catch it to handle them all."""`,
    ];
    texts.set(module, current.trim() === '' ? appendLines('', lines) : appendLines(current, ['', '', ...lines]));
    edit.done.push(`${module}: ${name}, the base error class`);
  }
  const analysis = await project.get(pythonAnalysis);
  const topResult = analysis.files[top];
  if (!topResult || !boundNames(topResult).has(name)) {
    const relative = `.${module
      .slice(dir.length + 1)
      .replace(/\.py$/, '')
      .replace(/\/__init__$/, '')
      .split('/')
      .join('.')}`;
    additions.set(relative, new Set([...(additions.get(relative) ?? []), name]));
    edit.done.push(`${top}: exports ${name}`);
  }
  const roots = pythonErrorClasses(api).filter((e) => e.exported && e.builtin !== undefined && e.name !== name);
  for (const root of roots)
    edit.left.push(
      `${root.file}:${root.line}: ${root.name} derives from ${root.builtin}: derive it from ${name} (keeping ${root.builtin} as a second base if callers catch that)`,
    );
  return true;
}
