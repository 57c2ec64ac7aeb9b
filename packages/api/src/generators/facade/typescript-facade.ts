import { posix } from 'node:path';
import { Node, ts } from 'ts-morph';
import {
  buildOutputs,
  packageJson,
  programPath,
  projectRelative,
  typescriptSources,
  workspaceGraph,
  workspaceImports,
  type ShipshapeProject,
} from '@shipshape/core';
import { typescriptErrorClasses } from '../../facades/errors';
import { publicTypescriptApi } from '../../facades/public-typescript';
import { appendLines, type FacadeEdit } from './python-facade';

const MAIN_FIELDS = ['main', 'module', 'types', 'typings'];
const DEFAULT_ENTRIES = ['src/index.ts', 'src/index.tsx', 'src/index.mts', 'index.ts'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '/index.ts', '/index.tsx'];

/** The main entry's source: what `exports['.']` or main/types build from, else src/index.ts. */
export function mainBarrel(project: ShipshapeProject): string | undefined {
  const outputs = project.get(buildOutputs);
  const sourced = outputs.entries.filter((e) => e.source && /\.[cm]?tsx?$/.test(e.source) && !/\.d\.[cm]?ts$/.test(e.source));
  const main = sourced.find((e) => e.subpath === '.') ?? sourced.find((e) => MAIN_FIELDS.includes(String(e.field[0])));
  if (main?.source) return main.source;
  return DEFAULT_ENTRIES.map((f) => project.file(f)).find((f) => project.workspace.source.isFile(f));
}

/** A module file of the project from a path without extension (or with a .js one standing for .ts). */
function moduleFile(project: ShipshapeProject, path: string): string | undefined {
  const bare = path.replace(/\.[cm]?js$/, '');
  if (/\.[cm]?tsx?$/.test(bare) && project.workspace.source.isFile(bare)) return bare;
  return EXTENSIONS.map((e) => `${bare}${e}`).find((f) => project.workspace.source.isFile(f));
}

interface Binding {
  name: string;
  typeOnly: boolean;
}

/** The named bindings of the import or re-export statement at a line (`import { a, type B } from 'x'`); undefined for default / namespace imports. */
function bindingsAt(text: string, file: string, line: number): { names: Binding[]; other?: string } | undefined {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  for (const statement of source.statements) {
    if (source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1 !== line) continue;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause) return { names: [] };
      const names: Binding[] = [];
      let other: string | undefined;
      if (clause.name) other = 'a default import';
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) other = 'a namespace import';
      else if (bindings)
        for (const e of bindings.elements)
          names.push({ name: (e.propertyName ?? e.name).text, typeOnly: clause.isTypeOnly || e.isTypeOnly });
      return { names, other };
    }
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!clause || ts.isNamespaceExport(clause)) return { names: [], other: 'a star re-export' };
      return {
        names: clause.elements.map((e) => ({ name: (e.propertyName ?? e.name).text, typeOnly: statement.isTypeOnly || e.isTypeOnly })),
      };
    }
  }
  return undefined;
}

/** A relative specifier from the barrel to a module, in the barrel's own style (with `.js` when its specifiers have it). */
function specifierFrom(barrel: string, target: string, barrelText: string): string {
  let relative = posix
    .relative(posix.dirname(barrel), target)
    .replace(/\.[cm]?tsx?$/, '')
    .replace(/\/index$/, '');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const withJs = /from\s+['"]\.{1,2}\/[^'"]*\.js['"]/.test(barrelText);
  return withJs && !posix.relative(posix.dirname(barrel), target).endsWith('/index.ts') ? `${relative}.js` : relative;
}

const quoteOf = (text: string) => (/from\s+'/.test(text) || !/from\s+"/.test(text) ? "'" : '"');

interface Wanted {
  target: string;
  name: string;
  typeOnly: boolean;
  importers: Set<string>;
}

/** What the workspace's other projects import from this project's modules past its entry points. */
function deepImports(project: ShipshapeProject, edit: FacadeEdit): Wanted[] {
  const manifest = project.get(packageJson)?.data;
  const exposed = new Set(manifest && typeof manifest.exports === 'object' && manifest.exports ? Object.keys(manifest.exports) : []);
  const wanted = new Map<string, Wanted>();
  for (const node of project.get(workspaceGraph).projects) {
    if (node.root === project.root || node.root === '.' || node.root === '') continue;
    const other = project.workspace.project(node);
    const resolve = other.get(workspaceImports);
    for (const module of other.get(typescriptSources).all()) {
      for (const ref of module.info?.imports ?? []) {
        if (ref.kind !== 'import' && ref.kind !== 'export') continue;
        const target = resolve(ref.specifier);
        if (!target || target.project.root !== project.root || target.subpath === '.' || exposed.has(target.subpath)) continue;
        const file = moduleFile(project, target.file ?? posix.join(project.root, target.subpath));
        const text = project.workspace.source.read(module.file) ?? '';
        if (!file) {
          edit.left.push(`${module.file}:${ref.line}: "${ref.specifier}" names no source module of ${project.name}`);
          continue;
        }
        const bindings = bindingsAt(text, module.file, ref.line);
        if (bindings?.other)
          edit.left.push(
            `${module.file}:${ref.line}: "${ref.specifier}" is ${bindings.other}: export what it needs from the facade by hand`,
          );
        for (const binding of bindings?.names ?? []) {
          const key = `${file}:${binding.name}`;
          const found = wanted.get(key) ?? { target: file, name: binding.name, typeOnly: true, importers: new Set<string>() };
          found.typeOnly &&= binding.typeOnly;
          found.importers.add(`${module.file}:${ref.line}`);
          wanted.set(key, found);
        }
      }
    }
  }
  return [...wanted.values()];
}

/** (a) for TypeScript: the main barrel exports what other projects import from deeper modules. */
export function extendTypescriptFacade(project: ShipshapeProject, edit: FacadeEdit, texts: Map<string, string>): void {
  const uses = deepImports(project, edit);
  if (uses.length === 0) return;
  const barrel = mainBarrel(project);
  if (!barrel) {
    edit.left.push(
      `${project.root}: no main entry (exports["."], main, types or src/index.ts) to re-export ${uses.map((u) => u.name).join(', ')} from`,
    );
    return;
  }
  const program = project.get(publicTypescriptApi).program;
  const barrelSource = program.getSourceFile(programPath(barrel));
  const barrelExports = barrelSource ? barrelSource.getExportedDeclarations() : new Map<string, Node[]>();
  const lines = new Map<string, { values: Set<string>; types: Set<string> }>();
  let text = texts.get(barrel) ?? project.workspace.source.read(barrel) ?? '';
  for (const use of uses.sort((a, b) => a.target.localeCompare(b.target) || a.name.localeCompare(b.name))) {
    const where = [...use.importers].sort().join(', ');
    const source = program.getSourceFile(programPath(use.target));
    const declarations = source?.getExportedDeclarations().get(use.name);
    if (!declarations || declarations.length === 0) {
      edit.left.push(`${where}: imports ${use.name} from ${use.target}, which does not export it: not added to ${barrel}`);
      continue;
    }
    const already = barrelExports.get(use.name);
    if (already && already.length > 0) {
      if (!already.some((d) => (declarations as Node[]).includes(d)))
        edit.left.push(`${barrel} exports another ${use.name} than ${use.target}'s (imported by ${where}): choose which one is public`);
      continue;
    }
    const specifier = specifierFrom(barrel, use.target, text);
    const entry = lines.get(specifier) ?? { values: new Set<string>(), types: new Set<string>() };
    const typeOnly = use.typeOnly || declarations.every((d) => Node.isInterfaceDeclaration(d) || Node.isTypeAliasDeclaration(d));
    (typeOnly ? entry.types : entry.values).add(use.name);
    lines.set(specifier, entry);
    edit.done.push(`${barrel}: re-exports ${use.name} from ${specifier} (imported by ${where}; importers left as they are)`);
  }
  if (lines.size === 0) return;
  const q = quoteOf(text);
  const added = [...lines].flatMap(([specifier, { values, types }]) => [
    ...(values.size ? [`export { ${[...values].sort().join(', ')} } from ${q}${specifier}${q};`] : []),
    ...(types.size ? [`export type { ${[...types].sort().join(', ')} } from ${q}${specifier}${q};`] : []),
  ]);
  text = appendLines(text, added);
  texts.set(barrel, text);
}

const libraryName = (project: ShipshapeProject): string => {
  const name = project.get(packageJson)?.data.name;
  return typeof name === 'string' ? name : project.name;
};

/** (b) for TypeScript: `export class <Name> extends Error` with name and cause, in errors.ts next to the barrel, exported from it. */
export function scaffoldTypescriptBaseError(
  project: ShipshapeProject,
  name: string,
  edit: FacadeEdit,
  texts: Map<string, string>,
): boolean {
  const barrel = mainBarrel(project);
  if (!barrel) return false;
  const program = project.get(publicTypescriptApi).program;
  const existing = program.getSourceFiles().find((s) => s.getClass(name));
  let file: string;
  if (existing) {
    file = existing.getFilePath().replace(/^\//, '');
  } else {
    file = posix.join(posix.dirname(barrel), 'errors.ts');
    const current = texts.get(file) ?? project.workspace.source.read(file) ?? '';
    const lines = [
      `/** The base class of every error ${libraryName(project)} throws: catch it to handle them all. */`,
      `export class ${name} extends Error {`,
      `  constructor(message?: string, options?: { cause?: unknown }) {`,
      `    super(message);`,
      `    // the prototype chain, for targets below ES2015 where extending Error loses it`,
      `    Object.setPrototypeOf(this, new.target.prototype);`,
      `    this.name = '${name}';`,
      `    if (options && 'cause' in options) {`,
      `      Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true, enumerable: false });`,
      `    }`,
      `  }`,
      `}`,
    ];
    texts.set(file, current.trim() === '' ? appendLines('', lines) : appendLines(current, ['', ...lines]));
    edit.done.push(`${file}: ${name}, the base error class`);
  }
  const barrelSource = program.getSourceFile(programPath(barrel));
  if (!barrelSource?.getExportedDeclarations().has(name)) {
    const text = texts.get(barrel) ?? project.workspace.source.read(barrel) ?? '';
    const q = quoteOf(text);
    texts.set(barrel, appendLines(text, [`export { ${name} } from ${q}${specifierFrom(barrel, file, text)}${q};`]));
    edit.done.push(`${barrel}: exports ${name}`);
  }
  for (const root of typescriptErrorClasses(project).filter((e) => e.exported && e.builtin !== undefined && e.name !== name))
    edit.left.push(
      `${root.file}:${root.line}: ${root.name} extends ${root.builtin}: extend ${name} instead, so that callers catch it with the rest`,
    );
  return true;
}

export const isTypescriptProject = (project: ShipshapeProject): boolean =>
  project.get(typescriptSources).files.some((f) => /\.[cm]?tsx?$/.test(f) && !projectRelative(project.root, f).startsWith('node_modules/'));
