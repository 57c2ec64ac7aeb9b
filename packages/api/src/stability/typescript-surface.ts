import { posix } from 'node:path';
import {
  buildOutputs,
  defineFact,
  inProject,
  projectFiles,
  readTsconfig,
  sharedLibProject,
  type ShipshapeProject,
  typescriptSources,
} from '@shipshape/core';
import { Node, Project, ts, type SourceFile } from 'ts-morph';
import { releaseRank, releaseTagsOf, type ReleaseTag } from './release-tags';

/** A public TypeScript entry: a source file package.json's exports (or main/types) is built from. */
export interface PublicEntry {
  /** Workspace-relative source file. */
  file: string;
  /** How consumers reach it: the exports subpath (`.`, `./utils`) or the package.json field (`main`). */
  label: string;
  /** The subpath says it is not meant for consumers (`./internal`, `./unstable-core-do-not-import`). */
  internal: boolean;
}

/** Where a release tag goes: the node whose `/** *\/` comment documents a declaration. */
export interface DocHost {
  /** Workspace-relative file. */
  file: string;
  /** The node's start, its comments left out (0-based offset into the file's text). */
  start: number;
  /** The start of the host statement's leading trivia (its comments). */
  fullStart: number;
  /** The last `/** … *\/` comment before the node: the one api-extractor and TSDoc read. */
  comment?: { pos: number; end: number; text: string };
  /** The tags that comment carries. */
  tags: ReleaseTag[];
  /**
   * One name of `export const a = 1, b = 2`: api-extractor reads the comment right before the name, which tsc
   * keeps for the first name only; such a statement is split to be tagged.
   */
  compound: boolean;
}

/** A class or interface member with a release tag of its own. */
export interface ApiMember {
  name: string;
  line: number;
  column: number;
  tag?: ReleaseTag;
  /** Local names of the project's declarations its signature references (typeof, type references, heritage). */
  references: ApiReference[];
}

export interface ApiReference {
  /** The referenced declaration, as `file:start`. */
  target: string;
  name: string;
}

/** One exported API item of the project's public surface (one name of an entry; its declarations merged). */
export interface ApiItem {
  /** The name the entry exports it as. */
  name: string;
  kind: string;
  /** The first declaration (where api-extractor reports), workspace-relative. */
  file: string;
  line: number;
  column: number;
  /** `file:start` of each declaration: how references find it. */
  ids: string[];
  /** Every documented declaration (overloads and merged declarations each have their own comment). */
  hosts: DocHost[];
  /** The tag that holds (the least released of its declarations' tags); undefined when none is tagged. */
  tag?: ReleaseTag;
  /** Some declaration carries no tag (api-extractor reports each such declaration). */
  untagged: boolean;
  references: ApiReference[];
  members: ApiMember[];
}

export interface EntrySurface {
  entry: PublicEntry;
  items: ApiItem[];
}

export interface ReleaseTagSurface {
  entries: EntrySurface[];
  /** The project's declarations with the tag that holds for them (untagged: public), by `file:start`. */
  tagsById: Map<string, ReleaseTag | undefined>;
  /** tsconfig's `stripInternal`: tsc drops `@internal` declarations from the emitted .d.ts. */
  stripInternal: boolean;
}

const TS_FILE = /\.(?:[cm]?ts|tsx)$/;
const TEST_FILE = /(?:^|\/)(?:__tests__|__mocks__|test|tests)\/|\.(?:test|spec)\.[cm]?tsx?$/;
const INTERNAL_SUBPATH = /(?:^|[/._-])(?:internal|internals|private|unstable|do-not-import)(?:$|[/._-])|\/_/i;

/** The project's public TypeScript entries: what the exports map (or main/types) is built from, else src/index.ts. */
export function publicEntries(project: ShipshapeProject): PublicEntry[] {
  const outputs = project.get(buildOutputs);
  const found = new Map<string, PublicEntry>();
  for (const entry of outputs.entries) {
    // A wildcard subpath (`./lib/*`) opens every module to deep imports: an escape hatch, not the designed surface
    // that release tags describe (api-extractor analyzes the entry files, never a pattern).
    if (entry.field[0] === 'bin' || entry.kind === 'other' || entry.pattern) continue;
    const sources = [...(entry.source ? [entry.source] : []), ...(entry.sources ?? [])];
    for (const file of sources) {
      if (!TS_FILE.test(file) || /\.d\.[cm]?ts$/.test(file) || TEST_FILE.test(file) || outputs.isOutput(file) || found.has(file)) continue;
      const label = entry.subpath ?? String(entry.field[0]);
      found.set(file, { file, label, internal: entry.subpath !== undefined && INTERNAL_SUBPATH.test(entry.subpath) });
    }
  }
  if (found.size === 0) {
    const fallback = ['src/index.ts', 'src/index.tsx', 'index.ts']
      .map((f) => project.file(f))
      .find((f) => project.workspace.source.isFile(f));
    if (fallback && !outputs.isOutput(fallback)) found.set(fallback, { file: fallback, label: posix.basename(fallback), internal: false });
  }
  return [...found.values()].sort((a, b) => a.file.localeCompare(b.file));
}

/** The project's TypeScript files (sources and hand-written declarations), in an in-memory program read from the file view. */
function inMemoryProgram(project: ShipshapeProject): Project {
  const program = sharedLibProject({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      // the language version of the other syntax programs: each file is parsed once for all
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.Preserve,
      allowJs: false,
      noLib: true,
      types: [],
    },
  });
  const { source } = project.workspace;
  for (const { file } of project.get(projectFiles)) {
    // Tests are never part of the surface (nor imported by it): leaving them out keeps the program small.
    if (!TS_FILE.test(file) || TEST_FILE.test(file) || file.split('/').includes('node_modules')) continue;
    const text = source.read(file);
    // Offsets are the text's without a byte-order mark; the generator adds it back.
    if (text !== undefined) program.createSourceFile(`/${file}`, text.replace(/^\uFEFF/, ''), { overwrite: true });
  }
  return program;
}

const idOf = (node: Node) => `${node.getSourceFile().getFilePath().slice(1)}:${node.getStart()}`;

/** The node whose doc comment documents a declaration: a variable's statement, unless it declares several names. */
function docHostNode(node: Node): Node {
  if (Node.isVariableDeclaration(node) && !isCompound(node)) return node.getVariableStatement() ?? node;
  return node;
}

function isCompound(node: Node): boolean {
  return Node.isVariableDeclaration(node) && (node.getVariableStatement()?.getDeclarations().length ?? 1) > 1;
}

function lastDocComment(node: Node): DocHost['comment'] {
  const text = node.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, node.getPos()) ?? [];
  const docs = ranges.filter(
    (r) => text.startsWith('/**', r.pos) && !text.startsWith('/**/', r.pos) && r.kind === ts.SyntaxKind.MultiLineCommentTrivia,
  );
  const last = docs[docs.length - 1];
  return last ? { pos: last.pos, end: last.end, text: text.slice(last.pos, last.end) } : undefined;
}

function hostOf(node: Node): DocHost {
  const host = docHostNode(node);
  const comment = lastDocComment(host);
  // A licence or @packageDocumentation header is the file's, not the declaration's (api-extractor reads it all the same,
  // and finds no release tag in it unless one was written there).
  return {
    file: host.getSourceFile().getFilePath().slice(1),
    start: host.getStart(),
    fullStart: host.getPos(),
    comment,
    tags: comment ? releaseTagsOf(comment.text) : [],
    compound: isCompound(node),
  };
}

/** The least released of a list of tags: the one that holds when a user wrote several. */
function holdingTag(tags: readonly ReleaseTag[]): ReleaseTag | undefined {
  return [...tags].sort((a, b) => releaseRank(a) - releaseRank(b))[0];
}

/** The declarations a name's documentation lives on: overload signatures (what the .d.ts keeps) rather than the implementation. */
function documentedDeclarations(declarations: readonly Node[]): Node[] {
  return declarations.flatMap((d) => (Node.isFunctionDeclaration(d) && d.getOverloads().length > 0 ? d.getOverloads() : [d]));
}

/** Nodes whose content never reaches the emitted .d.ts: bodies and initializers of annotated declarations. */
function skipped(node: Node): boolean {
  return Node.isBlock(node) || Node.isExpression(node);
}

/** The project's declarations a signature references: type references, heritage clauses, `typeof x`. */
function signatureReferences(root: Node, own: ReadonlySet<string>): ApiReference[] {
  const found = new Map<string, ApiReference>();
  const add = (identifier: Node | undefined) => {
    if (!identifier) return;
    let symbol = identifier.getSymbol();
    if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
    for (const declaration of symbol?.getDeclarations() ?? []) {
      const id = idOf(declaration);
      if (own.has(id)) continue;
      found.set(id, { target: id, name: identifier.getText() });
    }
  };
  const leftmost = (name: Node): Node =>
    Node.isQualifiedName(name) ? leftmost(name.getLeft()) : Node.isPropertyAccessExpression(name) ? leftmost(name.getExpression()) : name;
  const visit = (node: Node) => {
    if (Node.isTypeReference(node)) add(leftmost(node.getTypeName()));
    else if (Node.isExpressionWithTypeArguments(node)) add(leftmost(node.getExpression()));
    else if (Node.isTypeQuery(node)) add(leftmost(node.getExprName()));
    node.forEachChild((child) => {
      // Members carry tags of their own: they are checked one by one.
      if (child !== root && (Node.isClassDeclaration(root) || Node.isInterfaceDeclaration(root)) && isMember(child)) return;
      if (Node.isExpressionWithTypeArguments(child)) return visit(child);
      if (skipped(child) && !Node.isTypeNode(child)) {
        // A variable without a type annotation is emitted with its inferred type: not seen here.
        return;
      }
      visit(child);
    });
  };
  visit(root);
  return [...found.values()];
}

function isMember(node: Node): boolean {
  return (
    Node.isMethodDeclaration(node) ||
    Node.isPropertyDeclaration(node) ||
    Node.isGetAccessorDeclaration(node) ||
    Node.isSetAccessorDeclaration(node) ||
    Node.isConstructorDeclaration(node) ||
    Node.isMethodSignature(node) ||
    Node.isPropertySignature(node) ||
    Node.isIndexSignatureDeclaration(node) ||
    Node.isCallSignatureDeclaration(node) ||
    Node.isConstructSignatureDeclaration(node)
  );
}

function membersOf(declaration: Node, own: ReadonlySet<string>): ApiMember[] {
  if (!Node.isClassDeclaration(declaration) && !Node.isInterfaceDeclaration(declaration)) return [];
  const members: Node[] = Node.isClassDeclaration(declaration) ? declaration.getMembers() : declaration.getMembers();
  return (
    members
      // Private members are not in the emitted .d.ts' API (api-extractor leaves them out)
      .filter((m) => !(Node.isModifierable(m) && m.hasModifier(ts.SyntaxKind.PrivateKeyword)))
      .filter((m) => !((Node.isPropertyDeclaration(m) || Node.isMethodDeclaration(m)) && Node.isPrivateIdentifier(m.getNameNode())))
      // Overloaded methods are documented (and emitted) overload by overload; the implementation is not in the .d.ts.
      .flatMap((m): Node[] => (Node.isMethodDeclaration(m) && m.getOverloads().length > 0 ? m.getOverloads() : [m]))
      .map((m) => {
        const comment = lastDocComment(m);
        const { line, column } = m.getSourceFile().getLineAndColumnAtPos(m.getStart());
        const nameNode = (m as Node & { getName?: () => string }).getName;
        return {
          name: typeof nameNode === 'function' ? nameNode.call(m) : m.getKindName(),
          line,
          column,
          tag: holdingTag(comment ? releaseTagsOf(comment.text) : []),
          references: signatureReferences(m, own),
        };
      })
  );
}

function itemOf(name: string, declarations: readonly Node[]): ApiItem | undefined {
  const documented = documentedDeclarations(declarations);
  const first = documented[0];
  if (!first) return undefined;
  const hosts = documented.map(hostOf);
  const own = new Set(declarations.flatMap((d) => [idOf(d), ...documentedDeclarations([d]).map(idOf)]));
  const { line, column } = first.getSourceFile().getLineAndColumnAtPos(first.getStart());
  return {
    name,
    kind: first.getKindName(),
    file: first.getSourceFile().getFilePath().slice(1),
    line,
    column,
    ids: [...own],
    hosts,
    tag: holdingTag(hosts.flatMap((h) => h.tags)),
    untagged: hosts.some((h) => h.tags.length === 0),
    references: documented.flatMap((d) => signatureReferences(d, own)),
    members: declarations.flatMap((d) => membersOf(d, own)),
  };
}

/** Is this declaration one api-extractor reports on: the project's own, a name it can document (no anonymous default). */
function isApiDeclaration(project: ShipshapeProject, node: Node, exported: string): boolean {
  if (Node.isSourceFile(node)) return false; // `export * as ns`: a module, not a declaration to tag
  const file = node.getSourceFile().getFilePath().slice(1);
  if (!inProject(project.root, file) || file.split('/').includes('node_modules')) return false;
  if (exported === 'default') {
    const named = (node as Node & { getName?: () => string | undefined }).getName;
    return typeof named === 'function' && named.call(node) !== undefined;
  }
  return true;
}

function surfaceOf(project: ShipshapeProject, program: Project, entry: PublicEntry): ApiItem[] {
  const file: SourceFile | undefined = program.getSourceFile(`/${entry.file}`);
  if (!file) return [];
  const items: ApiItem[] = [];
  for (const [name, declarations] of file.getExportedDeclarations()) {
    const own = declarations.filter((d) => isApiDeclaration(project, d, name));
    if (own.length === 0) continue;
    const item = itemOf(name, own);
    if (item) items.push(item);
  }
  return items.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.name.localeCompare(b.name));
}

function stripsInternal(project: ShipshapeProject): boolean {
  for (const name of ['tsconfig.lib.json', 'tsconfig.build.json', 'tsconfig.json']) {
    const path = project.file(name);
    if (!project.workspace.source.isFile(path)) continue;
    try {
      const strip = readTsconfig(project.workspace.source, path)?.compilerOptions.stripInternal;
      if (strip !== undefined) return strip === true;
    } catch {
      // a tsconfig that does not parse is reported elsewhere
    }
  }
  return false;
}

/**
 * The public TypeScript surface with its release tags: each entry's exported names resolved to the project's own
 * declarations (through re-exports and barrels, by the compiler), each declaration's TSDoc comment parsed.
 */
export const releaseTagSurface = defineFact({
  id: 'api/release-tag-surface',
  inputs: [typescriptSources, buildOutputs],
  compute: (project): ReleaseTagSurface => {
    const entries = publicEntries(project);
    if (entries.length === 0) return { entries: [], tagsById: new Map(), stripInternal: false };
    const program = inMemoryProgram(project);
    const surfaces = entries.map((entry) => ({ entry, items: surfaceOf(project, program, entry) }));
    const tagsById = new Map<string, ReleaseTag | undefined>();
    for (const { items } of surfaces) for (const item of items) for (const id of item.ids) tagsById.set(id, item.tag);
    return { entries: surfaces, tagsById, stripInternal: stripsInternal(project) };
  },
});
