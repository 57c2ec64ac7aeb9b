import { posix } from 'node:path';
import {
  defineFact,
  pythonAnalysis,
  type PythonDefinition,
  type PythonFileResult,
  pythonPackages,
  sharedLibProject,
  type ShipshapeProject,
  typescriptSources,
} from '@shipshape/core';
import type { ClassDeclaration, InterfaceDeclaration, Node as TsNode, Project as TsProject, SourceFile } from 'ts-morph';
import { publicPythonModules, publicTypescriptEntries } from './layout';

/** A public symbol of the project, documented or not. */
export interface PublicSymbol {
  /** `Foo`, `Foo.bar` (TS); `pkg.module.Foo.bar` (Python). */
  name: string;
  kind: string;
  file: string;
  line: number;
  column: number;
  documented: boolean;
}

/** The project's public symbols (those its API pages show) and whether each has a doc comment / docstring. */
export interface Documentation {
  symbols: PublicSymbol[];
  /** Documented share, in percent; undefined when there is no public symbol. */
  ratio: number | undefined;
}

/**
 * TypeScript: what TypeDoc's `notDocumented` validation asks a comment of, on the declarations the public
 * entries export (through re-exports): functions, classes, interfaces, enums, type aliases, variables, and the
 * public members of classes, interfaces and enums (a member a base type declares too is left out: TypeDoc
 * copies the base's comment). Tagged `@hidden`, `@ignore` or `@internal`: not in the docs, not counted.
 * Python: the public functions and classes of the public modules (those in `__all__` when it is literal), the
 * variables `__all__` names, and the public methods of public classes (dunders left out; a method a base class
 * of the project declares too, or of a class with a base from elsewhere, is left out: Sphinx and griffe may
 * take its docstring from there).
 */
export const documentation = defineFact({
  id: 'api-docs/documentation',
  inputs: [typescriptSources],
  compute: async (project: ShipshapeProject): Promise<Documentation> => {
    const symbols = isPython(project) ? await pythonSymbols(project) : typescriptSymbols(project);
    const documented = symbols.filter((s) => s.documented).length;
    return { symbols, ratio: symbols.length ? (documented / symbols.length) * 100 : undefined };
  },
});

function isPython(project: ShipshapeProject): boolean {
  const source = project.workspace.source;
  return !source.isFile(project.file('package.json')) && source.isFile(project.file('pyproject.toml'));
}

// ---- TypeScript

const NOT_IN_DOCS = new Set(['hidden', 'ignore', 'internal']);

function typescriptSymbols(project: ShipshapeProject): PublicSymbol[] {
  const entries = publicTypescriptEntries(project).map((entry) => project.file(entry));
  if (entries.length === 0) return [];
  const files = project.get(typescriptSources).files;
  const program: TsProject = sharedLibProject({
    useInMemoryFileSystem: true,
    // the options of the other syntax programs (api's exports and facades, structure's): each file is parsed once for all
    compilerOptions: {
      allowJs: true,
      module: 99 /* ESNext */,
      moduleResolution: 100 /* Bundler */,
      target: 9 /* ES2022 */,
      jsx: 1 /* Preserve */,
    },
  });
  const root = '/';
  for (const file of files) {
    const text = project.workspace.source.read(file);
    if (text !== undefined) program.createSourceFile(root + file, text, { overwrite: true });
  }
  const seen = new Set<TsNode>();
  const symbols: PublicSymbol[] = [];
  for (const entry of entries) {
    const source = program.getSourceFile(root + entry);
    if (!source) continue;
    for (const [name, declarations] of source.getExportedDeclarations()) {
      const own = declarations.filter(
        (d) => !d.getSourceFile().getFilePath().includes('/node_modules/') && isOwn(d.getSourceFile(), program),
      );
      if (own.length === 0 || own.some((d) => seen.has(d))) continue;
      for (const d of own) seen.add(d);
      const kind = declarationKind(own[0]);
      if (!kind) continue;
      if (own.some((d) => hiddenByTag(d))) continue;
      symbols.push(symbolAt(name === 'default' ? (nameOf(own[0]) ?? name) : name, kind, own, root));
      for (const member of membersOf(own[0])) symbols.push(member.symbol(root));
    }
  }
  return symbols;
}

function isOwn(file: SourceFile, program: TsProject): boolean {
  return program.getSourceFile(file.getFilePath()) === file;
}

function declarationKind(node: TsNode): string | undefined {
  const kinds: Record<string, string> = {
    FunctionDeclaration: 'function',
    ClassDeclaration: 'class',
    InterfaceDeclaration: 'interface',
    EnumDeclaration: 'enum',
    TypeAliasDeclaration: 'type',
    VariableDeclaration: 'variable',
  };
  return kinds[node.getKindName()];
}

function nameOf(node: TsNode): string | undefined {
  const named = node as unknown as { getName?: () => string | undefined };
  return named.getName?.();
}

/** The node the comment of a declaration is written on (a variable's comment sits on its statement). */
function commentHolder(node: TsNode): TsNode {
  if (node.getKindName() === 'VariableDeclaration') return node.getParent()?.getParent() ?? node;
  return node;
}

interface DocTag {
  getTagName(): string;
}
interface JsDocLike {
  getDescription(): string;
  getTags(): DocTag[];
}

function docsOf(node: TsNode): JsDocLike[] {
  const holder = commentHolder(node) as unknown as { getJsDocs?: () => JsDocLike[] };
  return holder.getJsDocs?.() ?? [];
}

function hiddenByTag(node: TsNode): boolean {
  return docsOf(node).some((doc) => doc.getTags().some((tag) => NOT_IN_DOCS.has(tag.getTagName())));
}

function hasComment(node: TsNode): boolean {
  // an overloaded function or method: its comment is on one of the overloads (TypeDoc shows them as its signatures)
  const overloads = (node as unknown as { getOverloads?: () => TsNode[] }).getOverloads?.() ?? [];
  if (overloads.some((overload) => ownComment(overload))) return true;
  return ownComment(node);
}

function ownComment(node: TsNode): boolean {
  return docsOf(node).some(
    (doc) => doc.getDescription().trim() !== '' || doc.getTags().some((t) => !['public', 'beta', 'alpha'].includes(t.getTagName())),
  );
}

function symbolAt(name: string, kind: string, declarations: TsNode[], root: string): PublicSymbol {
  const first = declarations[0];
  const start = commentHolder(first);
  const file = first.getSourceFile();
  const { line, column } = file.getLineAndColumnAtPos(start.getStart());
  return {
    name,
    kind,
    file: file.getFilePath().slice(root.length),
    line,
    column,
    documented: declarations.some(hasComment),
  };
}

interface Member {
  symbol(root: string): PublicSymbol;
}

function membersOf(node: TsNode): Member[] {
  const kind = node.getKindName();
  const owner = nameOf(node) ?? 'default';
  const inherited =
    kind === 'ClassDeclaration' || kind === 'InterfaceDeclaration'
      ? inheritedNames(node as ClassDeclaration | InterfaceDeclaration)
      : new Set<string>();
  const members: TsNode[] = [];
  if (kind === 'ClassDeclaration') {
    for (const member of (node as ClassDeclaration).getMembers()) {
      const m = member as unknown as { hasModifier?: (k: number) => boolean; getName?: () => string; getScope?: () => string };
      const mk = member.getKindName();
      if (!['MethodDeclaration', 'PropertyDeclaration', 'GetAccessorDeclaration', 'SetAccessorDeclaration'].includes(mk)) continue;
      if (m.getScope?.() === 'private' || m.getName?.().startsWith('#')) continue;
      members.push(member);
    }
  } else if (kind === 'InterfaceDeclaration') {
    members.push(
      ...(node as InterfaceDeclaration).getMembers().filter((m) => ['PropertySignature', 'MethodSignature'].includes(m.getKindName())),
    );
  } else if (kind === 'EnumDeclaration') {
    members.push(...(node as unknown as { getMembers(): TsNode[] }).getMembers());
  }
  // overloads and get/set pairs are one member: documented when any declaration is
  const byName = new Map<string, TsNode[]>();
  for (const member of members) {
    const name = nameOf(member);
    // a symbol-keyed member ([kCancelable]) is the class's machinery, not a name users call
    if (!name || name.startsWith('[') || inherited.has(name) || hiddenByTag(member)) continue;
    byName.set(name, [...(byName.get(name) ?? []), member]);
  }
  return [...byName].map(([name, declarations]) => ({
    symbol: (root: string) => symbolAt(`${owner}.${name}`, memberKind(declarations[0]), declarations, root),
  }));
}

function memberKind(node: TsNode): string {
  const kind = node.getKindName();
  if (kind.startsWith('Method')) return 'method';
  if (kind.includes('Accessor')) return 'accessor';
  if (kind === 'EnumMember') return 'enum member';
  return 'property';
}

/** Names a class's or interface's base types declare (from the type checker; a base it cannot resolve hides nothing). */
function inheritedNames(node: ClassDeclaration | InterfaceDeclaration): Set<string> {
  const names = new Set<string>();
  try {
    const bases =
      node.getKindName() === 'ClassDeclaration'
        ? [...(node as ClassDeclaration).getBaseTypes(), ...(node as ClassDeclaration).getImplements().map((i) => i.getType())]
        : (node as InterfaceDeclaration).getBaseTypes();
    for (const base of bases) for (const property of base.getProperties()) names.add(property.getName());
    // a class implementing or extending something it cannot resolve: its members may take their comment from there
    const unresolved = node
      .getHeritageClauses()
      .flatMap((clause) => clause.getTypeNodes())
      .some((type) => type.getType().isAny() || type.getType().getText() === 'error');
    if (unresolved) names.add('*');
  } catch {
    names.add('*');
  }
  if (names.has('*'))
    for (const member of (node as unknown as { getMembers(): TsNode[] }).getMembers()) {
      const n = nameOf(member);
      if (n) names.add(n);
    }
  return names;
}

// ---- Python

const TRIVIAL_BASES = new Set([
  'object',
  'Generic',
  'Protocol',
  'ABC',
  'typing.Generic',
  'typing.Protocol',
  'abc.ABC',
  'NamedTuple',
  'TypedDict',
  'typing.NamedTuple',
  'typing.TypedDict',
  'Exception',
]);

async function pythonSymbols(project: ShipshapeProject): Promise<PublicSymbol[]> {
  const modules = publicPythonModules(project);
  if (modules.length === 0) return [];
  const analysis = await project.get(pythonAnalysis);
  // classes of the project by name, with their bases, for the methods their subclasses inherit
  const classes = new Map<string, { methods: Set<string>; bases: string[] }>();
  for (const result of Object.values(analysis.files))
    for (const d of result.definitions ?? [])
      if (d.kind === 'class') {
        const known = classes.get(d.name);
        classes.set(d.name, {
          methods: new Set([...(known?.methods ?? []), ...d.methods.map((m) => m.name)]),
          bases: [...(known?.bases ?? []), ...d.bases],
        });
      }
  const mainGuards = new Map<string, number>();
  const guardOf = (file: string) => {
    if (!mainGuards.has(file)) {
      const text = project.workspace.source.read(file) ?? '';
      const match = /^if .*__name__ ?== ?["']__main__["']/m.exec(text);
      mainGuards.set(file, match ? text.slice(0, match.index).split('\n').length : Number.POSITIVE_INFINITY);
    }
    return mainGuards.get(file)!;
  };
  const seen = new Set<string>();
  const symbols: PublicSymbol[] = [];
  const add = (name: string, d: PythonDefinition, file: string) => {
    const at = `${file}:${d.line}`;
    if (seen.has(at)) return;
    seen.add(at);
    symbols.push({
      name,
      kind: d.kind === 'async-function' ? 'function' : d.kind,
      file,
      line: d.line,
      column: d.column,
      documented: d.docstring,
    });
    if (d.kind === 'class') symbols.push(...methodSymbols(d, name, file, classes));
  };
  for (const module of modules) {
    const result = analysis.files[module.file];
    if (!result || result.error) continue;
    const listed = result.all?.names ? new Set(result.all.names) : undefined;
    // a package whose __init__ states its API by re-exporting (Jinja2, requests, click): a submodule of it
    // without __all__ is its machinery (jinja2.compiler, requests.cookies), not API of its own
    const parent = parentInit(module.file);
    const parentResult = parent ? analysis.files[parent] : undefined;
    const curated = !!parentResult && !parentResult.error && (!!parentResult.all || parentResult.reexports.length > 0);
    const ownNames = !(curated && !listed && !module.file.endsWith('/__init__.py'));
    const guard = guardOf(module.file);
    const local = new Set<string>();
    for (const d of result.definitions) {
      // code under `if __name__ == "__main__":` is a demo, not API; a definition in an ImportError fallback of a
      // name the module also imports is a stand-in for the imported one
      if (d.line > guard && d.column > 1) continue;
      if (result.reexports.includes(d.name)) continue;
      local.add(d.name);
      if (ownNames && isPublicDefinition(d, listed)) add(`${module.name}.${d.name}`, d, module.file);
    }
    // what __all__ (else, in a package's __init__, what it imports from the project) re-exports is public there
    const exported =
      listed ?? (module.file.endsWith('/__init__.py') ? new Set(result.reexports.filter((n) => !n.startsWith('_'))) : new Set<string>());
    for (const name of exported) {
      if (local.has(name)) continue;
      const found = importedDefinition(project, analysis.files, module.file, name, 0);
      if (found && found.definition.kind !== 'variable' && !isOverload(found.definition))
        add(`${module.name}.${name}`, found.definition, found.file);
    }
  }
  return symbols;
}

/** The `__init__.py` of the package a module is in (for an `__init__.py`, of the package above). */
function parentInit(file: string): string | undefined {
  const dir = file.endsWith('/__init__.py') ? posix.dirname(posix.dirname(file)) : posix.dirname(file);
  return dir && dir !== '.' ? `${dir}/__init__.py` : undefined;
}

/** The definition a module's name is imported from, within the project (followed through three re-exports). */
function importedDefinition(
  project: ShipshapeProject,
  files: Record<string, PythonFileResult>,
  file: string,
  name: string,
  depth: number,
): { definition: PythonDefinition; file: string } | undefined {
  const result = files[file];
  if (!result || result.error || depth > 3) return undefined;
  const record = result.imports.find((i) => i.kind === 'from' && !i.inFunction && i.names.some((n, k) => (i.aliases[k] ?? n) === name));
  if (!record) {
    // `from ._api import *`: the name is one of those modules' own
    for (const star of result.imports.filter((i) => i.kind === 'from' && !i.inFunction && i.names.includes('*'))) {
      const target = moduleFile(project, files, file, star.module, star.level);
      const named = target ? (files[target]?.definitions?.filter((d) => d.name === name) ?? []) : [];
      const definition = named.find((d) => !isOverload(d)) ?? named[0];
      if (target && definition) return { definition, file: target };
    }
    return undefined;
  }
  const index = record.names.findIndex((n, k) => (record.aliases[k] ?? n) === name);
  const original = record.names[index];
  const target = moduleFile(project, files, file, record.module, record.level);
  if (!target) return undefined;
  const named = files[target]?.definitions?.filter((d) => d.name === original) ?? [];
  const definition = named.find((d) => !isOverload(d)) ?? named[0];
  if (definition) return { definition, file: target };
  return importedDefinition(project, files, target, original, depth + 1);
}

/** The project file a from-import names (relative, or absolute from a package folder of the project). */
function moduleFile(
  project: ShipshapeProject,
  files: Record<string, PythonFileResult>,
  from: string,
  module: string,
  level: number,
): string | undefined {
  let base: string;
  const parts = module ? module.split('.') : [];
  if (level > 0) {
    base = posix.dirname(from);
    for (let i = 1; i < level; i++) base = posix.dirname(base);
  } else {
    const top = project.get(pythonPackages).folders.find((folder) => posix.basename(folder) === parts[0]);
    if (!top) return undefined;
    base = posix.dirname(top);
  }
  const path = posix.join(base, ...parts);
  return [`${path}.py`, `${path}/__init__.py`].find((candidate) => candidate in files);
}

function isPublicDefinition(d: PythonDefinition, listed: Set<string> | undefined): boolean {
  if (listed) return listed.has(d.name) && !isOverload(d);
  if (!d.public || d.kind === 'variable') return false;
  return !isOverload(d);
}

function isOverload(d: PythonDefinition): boolean {
  // @overload, @typing.overload, @t.overload, @typing_extensions.overload
  return d.kind !== 'variable' && d.decorators.some((name) => name === 'overload' || name.endsWith('.overload'));
}

function methodSymbols(
  d: Extract<PythonDefinition, { kind: 'class' }>,
  owner: string,
  file: string,
  classes: Map<string, { methods: Set<string>; bases: string[] }>,
): PublicSymbol[] {
  const inherited = new Set<string>();
  const visited = new Set<string>();
  // every method a base class of the project declares, through the whole chain; a base from elsewhere: say nothing
  const walk = (bases: string[]): boolean => {
    for (const base of bases) {
      const short = base.replace(/\[.*$/, '');
      if (TRIVIAL_BASES.has(short) || /^(typing\.)?(Generic|Protocol)$/.test(short)) continue;
      const name = short.split('.').pop() ?? short;
      const known = classes.get(name);
      if (!known) return false;
      if (visited.has(name)) continue;
      visited.add(name);
      for (const method of known.methods) inherited.add(method);
      if (!walk(known.bases)) return false;
    }
    return true;
  };
  if (!walk(d.bases)) return [];
  const seen = new Set<string>();
  const symbols: PublicSymbol[] = [];
  for (const m of d.methods) {
    if (m.name.startsWith('_') || inherited.has(m.name) || seen.has(m.name)) continue;
    if (isOverload(m) || m.decorators.some((x) => /\.(setter|deleter)$/.test(x))) continue;
    seen.add(m.name);
    // a property or method defined twice (a setter): documented when any definition is
    const documented = d.methods.some((other) => other.name === m.name && other.docstring);
    symbols.push({ name: `${owner}.${m.name}`, kind: 'method', file, line: m.line, column: m.column, documented });
  }
  return symbols;
}

/** For messages: the file's path relative to the project. */
export function shown(project: ShipshapeProject, file: string): string {
  return posix.relative(project.root === '.' ? '' : project.root, file);
}

export type { PythonFileResult };
