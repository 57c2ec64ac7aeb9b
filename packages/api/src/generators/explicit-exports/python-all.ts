import { pythonFiles, pythonPackages, type ShipshapeProject } from '@shipshape/core';
import { hasComments, missingReexports } from '../../exports/python-checks';
import {
  boundNames,
  isOwnPublicImport,
  isPublicModule,
  isSortedAll,
  isSubmodule,
  isortStyle,
  sortOrderOf,
  literalAll,
  pythonExports,
  type AllStatement,
  type PythonModuleExports,
  type Span,
} from '../../exports/python-exports';

const MAX_LINE = 88;

interface Result {
  changes: Array<{ path: string; content: string }>;
  done: string[];
  left: string[];
}

/** `__all__` written where a public module lacks it, completed with a package's re-exports, and sorted. */
export async function explicitAll(project: ShipshapeProject): Promise<Result> {
  const result: Result = { changes: [], done: [], left: [] };
  const packages = project.get(pythonPackages);
  const files = project.get(pythonFiles).filter((f) => isPublicModule(packages, f));
  if (files.length === 0) return result;
  const modules = await project.get(pythonExports);
  for (const file of files) {
    const module = modules[file];
    const text = project.workspace.source.read(file);
    if (!module || module.error || text === undefined) continue;
    const content = module.all ? completeAll(project, file, module, text, result) : writeAll(project, file, module, text, result);
    if (content !== undefined && content !== text) result.changes.push({ path: file, content });
  }
  for (const [file, module] of Object.entries(modules)) {
    if (!module.all || module.error) continue;
    const bound = boundNames(project, modules, file);
    const undefinedNames = bound ? (literalAll(module) ?? []).filter((n) => !bound.has(n) && !isSubmodule(project, file, n)) : [];
    for (const name of undefinedNames)
      result.left.push(
        `${file}: __all__ lists "${name}", which the module never defines; define it or remove it from __all__ (not removed: a user may rely on it)`,
      );
  }
  return result;
}

/** The names a new `__all__` lists: public definitions, and for a package what it imports from its own modules. */
function namesFor(project: ShipshapeProject, file: string, module: PythonModuleExports): string[] {
  // A name an import binds too (`except ImportError: json = None`) is the import's, not a definition.
  const imported = new Set(module.imports.map((i) => i.bound));
  // Only what always exists: a name defined under `if TYPE_CHECKING:` or in an if/try block may be missing at run time,
  // and `from module import *` would raise AttributeError for it.
  const always = module.definitions.filter((d) => !d.conditional && !d.typeChecking);
  const names = new Set(always.map((d) => d.name).filter((n) => !n.startsWith('_') && !imported.has(n)));
  if (file.endsWith('/__init__.py')) {
    for (const binding of module.imports) if (isOwnPublicImport(project, binding)) names.add(binding.bound);
  }
  return [...names].sort(isortStyle);
}

function writeAll(project: ShipshapeProject, file: string, module: PythonModuleExports, text: string, result: Result): string | undefined {
  if (module.dynamic.length > 0 || module.starImports.length > 0) {
    if (module.definitions.some((d) => !d.name.startsWith('_')))
      result.left.push(
        `${file}: has no __all__, and ${module.starImports.length > 0 ? 'a star import' : module.dynamic[0].reason} may bind names no statement shows; write its __all__ by hand`,
      );
    return undefined;
  }
  const imported = new Set(module.imports.map((i) => i.bound));
  const maybe = module.definitions.filter((d) => (d.conditional || d.typeChecking) && !d.name.startsWith('_') && !imported.has(d.name));
  if (maybe.length > 0) {
    const shown = [...new Set(maybe.map((d) => d.name))];
    result.left.push(
      `${file}: has no __all__, and ${shown.slice(0, 3).join(', ')}${shown.length > 3 ? ', …' : ''} ${shown.length === 1 ? 'is' : 'are'} defined only under a condition (if TYPE_CHECKING, if/try): write its __all__ by hand with what always exists`,
    );
    return undefined;
  }
  const names = namesFor(project, file, module);
  if (names.length === 0) return undefined;
  const { eol, lines, bom } = splitLines(text);
  const quote = preferredQuote(text);
  const statement = renderAll(names, quote, 'list', { multiline: false, indent: '    ', trailingComma: true }, eol);
  const at = module.insertAfter;
  const before = lines.slice(0, at);
  const after = lines.slice(at);
  const block = [...(at > 0 ? [''] : []), ...statement.split(eol), ...(after.length > 0 && after[0].trim() !== '' ? [''] : [])];
  const joined = [...before, ...block, ...after].join(eol);
  const finalNewline = /(?:\r\n|\r|\n)$/.test(text) || after.length === 0;
  result.done.push(`${file}: __all__ written (${names.length} name${names.length === 1 ? '' : 's'})`);
  return bom + joined + (finalNewline ? eol : '');
}

function completeAll(
  project: ShipshapeProject,
  file: string,
  module: PythonModuleExports,
  text: string,
  result: Result,
): string | undefined {
  const missing = missingReexports(project, file, module).map((m) => m.name);
  const statements = module.all!.statements;
  const single = statements.length === 1 && statements[0].kind === 'assign' && statements[0].elements && statements[0].value;
  if (!single) {
    if (missing.length > 0)
      result.left.push(
        `${file}: __all__ is built in several statements or computed; add ${missing.map((n) => `"${n}"`).join(', ')} by hand`,
      );
    return undefined;
  }
  const statement = statements[0];
  const names = statement.elements!.map((e) => e.name);
  const wanted = [...names, ...missing.filter((n) => !names.includes(n))];
  // Names added go where the list's own order puts them; a list in no order is sorted as Ruff's RUF022 sorts.
  const order = sortOrderOf(names) ?? isortStyle;
  const sorted = isSortedAll(wanted) ? wanted : [...wanted].sort(order);
  if (sorted.join('\0') === names.join('\0')) return undefined;
  if (hasComments(project, file, statement.value!)) {
    result.left.push(
      `${file}: __all__ has comments between its names; ${missing.length > 0 ? `add ${missing.map((n) => `"${n}"`).join(', ')} and ` : ''}sort it by hand`,
    );
    return undefined;
  }
  const { eol, bom } = splitLines(text);
  const body = text.slice(bom.length);
  const value = statement.value!;
  const start = offsetOf(body, value.line, value.column);
  const end = offsetOf(body, value.endLine, value.endColumn);
  const original = body.slice(start, end);
  const quote = /^\s*[([]\s*(['"])/.exec(original)?.[1] ?? preferredQuote(text);
  const layout = layoutOf(body, statement, original);
  const rendered = renderValue(sorted, quote as '"' | "'", statement.container, layout, eol, value.column);
  const prefix = body.slice(offsetOf(body, statement.statement.line, 0), start);
  const fits = !layout.multiline && (prefix + rendered).length <= Math.max(MAX_LINE, lineLength(body, value.line));
  const final =
    layout.multiline || fits
      ? rendered
      : renderValue(sorted, quote as '"' | "'", statement.container, { ...layout, multiline: true }, eol, value.column);
  if (missing.length > 0) result.done.push(`${file}: ${missing.map((n) => `"${n}"`).join(', ')} added to __all__`);
  if (sorted !== wanted) result.done.push(`${file}: __all__ sorted`);
  return bom + body.slice(0, start) + final + body.slice(end);
}

interface Layout {
  multiline: boolean;
  indent: string;
  trailingComma: boolean;
}

function layoutOf(body: string, statement: AllStatement, original: string): Layout {
  const multiline = statement.value!.line !== statement.value!.endLine;
  const firstElement = statement.elements![0];
  const lines = body.split(/\r\n|\r|\n/);
  const statementIndent = /^\s*/.exec(lines[statement.statement.line - 1] ?? '')![0];
  const elementIndent =
    firstElement && firstElement.line !== statement.value!.line
      ? /^\s*/.exec(lines[firstElement.line - 1] ?? '')![0]
      : `${statementIndent}    `;
  return { multiline, indent: elementIndent, trailingComma: /,\s*[)\]]\s*$/.test(original) || multiline };
}

function renderValue(names: string[], quote: '"' | "'", container: 'list' | 'tuple', layout: Layout, eol: string, column: number): string {
  const [open, close] = container === 'tuple' ? ['(', ')'] : ['[', ']'];
  const items = names.map((n) => `${quote}${n}${quote}`);
  if (!layout.multiline) {
    const oneTuple = container === 'tuple' && items.length === 1 ? ',' : '';
    return `${open}${items.join(', ')}${oneTuple}${close}`;
  }
  const closingIndent = layout.indent.length >= 4 ? layout.indent.slice(0, layout.indent.length - 4) : ' '.repeat(Math.max(0, column));
  return `${open}${eol}${items.map((i) => `${layout.indent}${i},`).join(eol)}${eol}${closingIndent}${close}`;
}

function renderAll(names: string[], quote: '"' | "'", container: 'list' | 'tuple', layout: Layout, eol: string): string {
  const inline = `__all__ = ${renderValue(names, quote, container, layout, eol, 0)}`;
  return inline.length <= MAX_LINE ? inline : `__all__ = ${renderValue(names, quote, container, { ...layout, multiline: true }, eol, 0)}`;
}

function splitLines(text: string): { eol: string; lines: string[]; bom: string } {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const eol = /\r\n/.test(body) ? '\r\n' : /\r(?!\n)/.test(body) && !body.includes('\n') ? '\r' : '\n';
  const lines = body.split(/\r\n|\r|\n/);
  // A final newline leaves an empty last element: the file's lines are the ones before it.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { eol, lines, bom };
}

/** The quote the module's strings mostly use (Black's double quotes when there is no telling). */
function preferredQuote(text: string): '"' | "'" {
  const single = (text.match(/(?<![\w"])'[^'\n]*'/g) ?? []).length;
  const double = (text.match(/(?<![\w'])"[^"\n]*"/g) ?? []).length;
  return single > double ? "'" : '"';
}

function offsetOf(body: string, line: number, column: number): number {
  const pattern = /\r\n|\r|\n/g;
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const match = pattern.exec(body);
    if (!match) return body.length;
    offset = match.index + match[0].length;
  }
  return offset + column;
}

function lineLength(body: string, line: number): number {
  return (body.split(/\r\n|\r|\n/)[line - 1] ?? '').length;
}

export type { Span };
