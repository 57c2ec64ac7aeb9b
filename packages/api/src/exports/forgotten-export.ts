import { Node, ts, type Project } from 'ts-morph';
import { defineCheck, programPath, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { exportsProgram, publicEntries } from './typescript-entries';

export interface ForgottenExport {
  /** The symbol's name where it is declared. */
  name: string;
  /** Where it is declared (workspace-relative). */
  declaredIn: string;
  /** The exported declaration whose signature references it first: file, line, column (1-based). */
  file: string;
  line: number;
  column: number;
  /** The exported declaration's name. */
  usedBy: string;
  /** How many exported declarations reference it. */
  uses: number;
}

const workspacePath = (node: Node) => node.getSourceFile().getFilePath().slice(1);

/** A declaration the program reads from the project's own files (not node_modules, not a lib). */
function isOwnFile(file: ts.SourceFile, program: ts.Program): boolean {
  return (
    !program.isSourceFileFromExternalLibrary(file) && !program.isSourceFileDefaultLibrary(file) && !file.fileName.includes('/node_modules/')
  );
}

/** Follows import/export aliases to the declared symbol. */
function resolved(symbol: ts.Symbol, checker: ts.TypeChecker): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** A symbol that needs exporting when a public signature names it: declared at a module's top level in the project's files. */
function candidate(symbol: ts.Symbol, program: ts.Program): boolean {
  const declarations = symbol.declarations ?? [];
  if (declarations.length === 0 || !declarations.every((d) => isOwnFile(d.getSourceFile(), program))) return false;
  return declarations.some((d) => {
    if (ts.isTypeParameterDeclaration(d) || ts.isParameter(d)) return false;
    // `declare global { ... }` augments the global scope: nothing to export.
    if (ts.isModuleDeclaration(d) && (d.flags & ts.NodeFlags.GlobalAugmentation) !== 0) return false;
    // Only module-scope declarations: not locals, not `declare global`, not a script's globals.
    const container = ts.isVariableDeclaration(d) ? d.parent?.parent?.parent : d.parent;
    return !!container && ts.isSourceFile(container) && ts.isExternalModule(container);
  });
}

/** The top-level symbol a reference reaches (`NS.Inner` reaches NS; an enum member its enum), aliases followed. */
function rootOf(symbol: ts.Symbol, checker: ts.TypeChecker): ts.Symbol {
  let current = resolved(symbol, checker);
  for (let depth = 0; depth < 16; depth++) {
    const declaration = current.declarations?.[0];
    if (!declaration) break;
    const owner = ts.isEnumMember(declaration)
      ? declaration.parent
      : ts.isModuleBlock(declaration.parent)
        ? declaration.parent.parent
        : ts.isVariableDeclaration(declaration) && ts.isModuleBlock(declaration.parent?.parent?.parent)
          ? declaration.parent.parent.parent.parent
          : undefined;
    const next = owner && (owner as ts.Node & { symbol?: ts.Symbol }).symbol;
    if (!next || next === current) break;
    current = next;
  }
  return current;
}

/** Nested declarations a declaration contains (class and interface members, namespace members): api-extractor checks each on its own. */
function childDeclarations(node: Node): Node[] {
  if (Node.isClassDeclaration(node) || Node.isClassExpression(node))
    return node.getMembers().filter((m) => !(Node.isModifierable(m) && m.hasModifier(ts.SyntaxKind.PrivateKeyword)) && !isHashPrivate(m));
  if (Node.isInterfaceDeclaration(node)) return node.getMembers();
  if (Node.isModuleDeclaration(node))
    return node.getStatements().flatMap((s): Node[] => (Node.isVariableStatement(s) ? s.getDeclarations() : [s]));
  return [];
}

function isHashPrivate(member: Node): boolean {
  const name = (member as { getNameNode?: () => Node | undefined }).getNameNode?.();
  return !!name && Node.isPrivateIdentifier(name);
}

const NESTED_DECLARATION = new Set([
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.IndexSignature,
  ts.SyntaxKind.CallSignature,
  ts.SyntaxKind.ConstructSignature,
  ts.SyntaxKind.ModuleBlock,
]);

/** What a declaration's own text names in type positions (as its .d.ts would print it), nested declarations left out. */
function referencedSymbols(declaration: Node, checker: ts.TypeChecker): ts.Symbol[] {
  const found: ts.Symbol[] = [];
  const visit = (node: ts.Node, top: boolean) => {
    // Members of a class, interface or namespace are declarations of their own (checked on their own); a type literal's are not.
    if (
      !top &&
      NESTED_DECLARATION.has(node.kind) &&
      (ts.isClassLike(node.parent) || ts.isInterfaceDeclaration(node.parent) || ts.isModuleBlock(node))
    )
      return;
    // Bodies and initializers are not part of a declaration file; an initializer's type is, when nothing states it.
    if (ts.isBlock(node) || (ts.isArrowFunction(node) && node.body === node)) return;
    if (ts.isTypeReferenceNode(node)) found.push(...symbolAt(checker, leftmost(node.typeName)));
    else if (ts.isExpressionWithTypeArguments(node)) found.push(...symbolAt(checker, leftmostExpression(node.expression)));
    else if (ts.isTypeQueryNode(node)) found.push(...symbolAt(checker, leftmost(node.exprName)));
    else if (ts.isImportTypeNode(node)) return;
    const inferred = inferredTypeOf(node, checker);
    if (inferred) found.push(...namedTypes(inferred, checker));
    ts.forEachChild(node, (child) => {
      if (isInitializerOf(node, child) || isFunctionBody(node, child)) return;
      visit(child, false);
    });
  };
  visit(declaration.compilerNode, true);
  return found;
}

function isInitializerOf(parent: ts.Node, child: ts.Node): boolean {
  return (
    (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent) || ts.isEnumMember(parent)) &&
    parent.initializer === child
  );
}

function isFunctionBody(parent: ts.Node, child: ts.Node): boolean {
  return ts.isFunctionLike(parent) && (parent as { body?: ts.Node }).body === child;
}

const leftmost = (name: ts.EntityName): ts.Identifier => (ts.isQualifiedName(name) ? leftmost(name.left) : name);
const leftmostExpression = (expression: ts.Expression): ts.Expression =>
  ts.isPropertyAccessExpression(expression) ? leftmostExpression(expression.expression) : expression;

function symbolAt(checker: ts.TypeChecker, node: ts.Node): ts.Symbol[] {
  const symbol = checker.getSymbolAtLocation(node);
  return symbol ? [symbol] : [];
}

/** The type a declaration emitter would print where the source states none (a variable, a return, a parameter with a default). */
function inferredTypeOf(node: ts.Node, checker: ts.TypeChecker): ts.Type | undefined {
  if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) && !node.type && node.initializer)
    return checker.getTypeAtLocation(node.name);
  if (ts.isGetAccessor(node) && !node.type) return checker.getTypeAtLocation(node.name);
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && !node.type && node.body) {
    const signature = checker.getSignatureFromDeclaration(node);
    return signature ? checker.getReturnTypeOfSignature(signature) : undefined;
  }
  return undefined;
}

/** Named types an inferred type prints as (type aliases, classes, interfaces, enums), through unions, arguments and anonymous object types. */
function namedTypes(type: ts.Type, checker: ts.TypeChecker, depth = 0, seen = new Set<ts.Type>()): ts.Symbol[] {
  if (depth > 4 || seen.has(type)) return [];
  seen.add(type);
  if (type.aliasSymbol)
    return [type.aliasSymbol, ...(type.aliasTypeArguments ?? []).flatMap((t) => namedTypes(t, checker, depth + 1, seen))];
  if (type.isUnionOrIntersection()) return type.types.flatMap((t) => namedTypes(t, checker, depth + 1, seen));
  const symbol = type.getSymbol();
  const flags = symbol?.getFlags() ?? 0;
  const found: ts.Symbol[] = [];
  if (symbol && flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.Enum | ts.SymbolFlags.EnumMember))
    found.push(symbol);
  if (type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference)
    found.push(...checker.getTypeArguments(type as ts.TypeReference).flatMap((t) => namedTypes(t, checker, depth + 1, seen)));
  if (symbol && flags & (ts.SymbolFlags.TypeLiteral | ts.SymbolFlags.ObjectLiteral | ts.SymbolFlags.Function | ts.SymbolFlags.Method)) {
    for (const property of type.getProperties()) found.push(...namedTypes(checker.getTypeOfSymbol(property), checker, depth + 1, seen));
    for (const signature of type.getCallSignatures()) {
      found.push(...namedTypes(checker.getReturnTypeOfSignature(signature), checker, depth + 1, seen));
      for (const parameter of signature.getParameters())
        found.push(...namedTypes(checker.getTypeOfSymbol(parameter), checker, depth + 1, seen));
    }
  }
  return found;
}

/** The exported declarations of the entries, and the symbols some entry exports (aliases resolved). */
function exportedSurface(program: Project, entries: readonly string[], roots: ReadonlySet<string>) {
  const exported = new Set<ts.Symbol>();
  const declarations: Array<{ name: string; node: Node }> = [];
  const checker = program.getTypeChecker().compilerObject;
  for (const entry of entries) {
    const source = program.getSourceFile(programPath(entry));
    const moduleSymbol = source && checker.getSymbolAtLocation(source.compilerNode);
    if (!source || !moduleSymbol) continue;
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target = resolved(symbol, checker);
      exported.add(target);
      // `export * as ns from './x'`: what x exports is reachable as ns.Name.
      const declaration = target.declarations?.[0];
      if (declaration && ts.isSourceFile(declaration))
        for (const inner of checker.getExportsOfModule(target)) exported.add(resolved(inner, checker));
    }
    if (!roots.has(entry)) continue;
    for (const [name, nodes] of source.getExportedDeclarations()) for (const node of nodes) declarations.push({ name, node });
  }
  return { exported, declarations };
}

/** Names the public API's signatures reference that no public entry exports (api-extractor's ae-forgotten-export). */
export function forgottenExports(
  program: Project,
  entries: readonly string[],
  roots: ReadonlySet<string> = new Set(entries),
): ForgottenExport[] {
  const { exported, declarations } = exportedSurface(program, entries, roots);
  const checker = program.getTypeChecker().compilerObject;
  const compiled = program.getProgram().compilerObject;
  const found = new Map<ts.Symbol, ForgottenExport>();
  const visited = new Set<Node>();
  const check = (node: Node, usedBy: string) => {
    if (visited.has(node) || !isOwnFile(node.getSourceFile().compilerNode, compiled)) return;
    visited.add(node);
    for (const reference of referencedSymbols(node, checker)) {
      const symbol = rootOf(reference, checker);
      if (exported.has(symbol) || !candidate(symbol, compiled)) continue;
      // A declaration's own names (a class's static member as `typeof X.y`) are not references out of it.
      if ((symbol.declarations ?? []).some((d) => d === node.compilerNode)) continue;
      const known = found.get(symbol);
      if (known) {
        known.uses++;
        continue;
      }
      const start = node.getStart();
      const at = node.getSourceFile().getLineAndColumnAtPos(start);
      const declaredIn = (symbol.declarations?.[0]?.getSourceFile().fileName ?? '').slice(1);
      found.set(symbol, {
        name: symbol.getName(),
        declaredIn,
        file: workspacePath(node),
        line: at.line,
        column: at.column,
        usedBy,
        uses: 1,
      });
    }
    for (const child of childDeclarations(node)) check(child, usedBy);
  };
  // api-extractor walks the exported names in its sort order and reports each forgotten type once, at the first use.
  const ordered = declarations.map((d, i) => ({ ...d, i, key: sortKey(d.name) }));
  ordered.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  for (const { name, node } of ordered) check(node, name);
  return [...found.values()];
}

/** api-extractor's Collector.getSortKeyIgnoringUnderscore: case-insensitive first, a leading underscore set aside. */
function sortKey(name: string): string {
  return name.startsWith('_') ? `${name.slice(1).toLowerCase()}*${name.slice(1)}*_` : `${name.toLowerCase()}*${name}`;
}

export default defineCheck({
  id: 'api/forgotten-export',
  title: 'Types the public API uses are exported',
  planItem: 'api/explicit-exports',
  languages: ['typescript'],
  severity: 'warning',
  requires: [publicEntries],
  description:
    "A type (interface, type alias, class, enum, or a value named by `typeof`) that an exported declaration's signature uses must itself be exported by some public entry: otherwise users cannot name the type of what they pass or receive, and declaration bundlers inline or rename it. This is api-extractor's `ae-forgotten-export`, reported at the same declaration; here every entry of the exports map counts as the public surface. Types from other packages and `declare global` are not counted. Export the type from the entry (as a type) or inline it.",
  run: (project: ShipshapeProject): FindingInput[] => {
    const { entries } = project.get(publicEntries);
    const typed = entries.filter((e) => /\.[cm]?tsx?$/.test(e.source));
    // Every module a user can import counts as exporting; the API judged is that of the designed entries.
    const roots = new Set(typed.filter((e) => !e.pattern && !e.internal).map((e) => e.source));
    if (roots.size === 0) return [];
    return forgottenExports(
      project.get(exportsProgram),
      typed.map((e) => e.source),
      roots,
    ).map((f) => ({
      message: `"${f.name}" (${f.declaredIn}) is used by the public API (${f.usedBy}${f.uses > 1 ? ` and ${f.uses - 1} more` : ''}) but no public entry exports it: export it, as a type if it is one`,
      file: f.file,
      line: f.line,
      column: f.column,
      key: `forgotten:${f.declaredIn}:${f.name}`,
    }));
  },
});
