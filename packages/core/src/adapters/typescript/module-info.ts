import { ts } from 'ts-morph';

export type ImportKind = 'import' | 'export' | 'dynamic' | 'require' | 'import-equals';

export interface ImportRef {
  specifier: string;
  kind: ImportKind;
  /** `import type` / `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
  /** `import 'x'` with no bindings. */
  sideEffect: boolean;
  /**
   * A `require` or `import()` whose failure the code handles: inside the `try` block of a try/catch, or an
   * `import()` with a `.catch(...)` (or a rejection handler in `.then`). Always false for static imports.
   */
  guarded: boolean;
  /** Inside a function body (a lazy `require` / `import()`); always false for static imports. */
  inFunction: boolean;
  line: number;
  column: number;
}

export interface ExportRef {
  /** Exported name, `*` for `export * from`, `default` for default exports. */
  name: string;
  kind: 'local' | 're-export' | 'star';
  typeOnly: boolean;
  from?: string;
  line: number;
  column: number;
}

/** `/// <reference types="x" />`: the file needs the types of package `x`. */
export interface TypeReference {
  name: string;
  line: number;
  column: number;
}

export interface ModuleInfo {
  imports: ImportRef[];
  exports: ExportRef[];
  typeReferences: TypeReference[];
}

/** Imports and exports of one file from its syntax alone: no program, no type checker, so it is cheap. */
export function extractModuleInfo(fileName: string, text: string): ModuleInfo {
  // JSDoc is not needed for imports and exports: skipping it makes the parse noticeably cheaper.
  const source = ts.createSourceFile(
    fileName,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKind(fileName),
  );
  const imports: ImportRef[] = [];
  const exports: ExportRef[] = [];
  const position = (node: ts.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      imports.push({
        specifier: statement.moduleSpecifier.text,
        kind: 'import',
        typeOnly: !!clause && (clause.isTypeOnly || allNamedTypeOnly(clause)),
        sideEffect: !clause,
        ...TOP_LEVEL,
        ...position(statement),
      });
    } else if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (from) {
        imports.push({
          specifier: from,
          kind: 'export',
          typeOnly: statement.isTypeOnly,
          sideEffect: false,
          ...TOP_LEVEL,
          ...position(statement),
        });
      }
      const clause = statement.exportClause;
      if (!clause) {
        exports.push({ name: '*', kind: 'star', typeOnly: statement.isTypeOnly, from, ...position(statement) });
      } else if (ts.isNamespaceExport(clause)) {
        exports.push({ name: clause.name.text, kind: 're-export', typeOnly: statement.isTypeOnly, from, ...position(statement) });
      } else {
        for (const element of clause.elements) {
          exports.push({
            name: element.name.text,
            kind: from ? 're-export' : 'local',
            typeOnly: statement.isTypeOnly || element.isTypeOnly,
            from,
            ...position(element),
          });
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (ts.isStringLiteral(expression)) {
        imports.push({
          specifier: expression.text,
          kind: 'import-equals',
          typeOnly: statement.isTypeOnly,
          sideEffect: false,
          ...TOP_LEVEL,
          ...position(statement),
        });
      }
    } else if (ts.isExportAssignment(statement)) {
      exports.push({ name: 'default', kind: 'local', typeOnly: false, ...position(statement) });
    } else {
      collectLocalExports(statement, exports, position);
    }
  }
  collectCalls(source, imports, position);
  const typeReferences = source.typeReferenceDirectives.map((directive) => {
    const { line, character } = source.getLineAndCharacterOfPosition(directive.pos);
    return { name: directive.fileName, line: line + 1, column: character + 1 };
  });
  return { imports, exports, typeReferences };
}

function allNamedTypeOnly(clause: ts.ImportClause): boolean {
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function collectLocalExports(statement: ts.Statement, exports: ExportRef[], position: (node: ts.Node) => { line: number; column: number }) {
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
  const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  const typeOnly = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      for (const name of bindingNames(declaration.name)) exports.push({ name, kind: 'local', typeOnly: false, ...position(declaration) });
    }
    return;
  }
  const named = statement as ts.Statement & { name?: ts.Node };
  const name = isDefault ? 'default' : named.name && ts.isIdentifier(named.name) ? named.name.text : undefined;
  if (name) exports.push({ name, kind: 'local', typeOnly, ...position(statement) });
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

const TOP_LEVEL = { guarded: false, inFunction: false } as const;

interface CallContext {
  guarded: boolean;
  inFunction: boolean;
}

function collectCalls(source: ts.SourceFile, imports: ImportRef[], position: (node: ts.Node) => { line: number; column: number }) {
  const handled = new Set<ts.Node>();
  const visit = (node: ts.Node, context: CallContext): void => {
    if (ts.isCallExpression(node)) markHandledImport(node, handled);
    if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const specifier = node.arguments[0].text;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const guarded = context.guarded || handled.has(node);
        imports.push({
          specifier,
          kind: 'dynamic',
          typeOnly: false,
          sideEffect: false,
          guarded,
          inFunction: context.inFunction,
          ...position(node),
        });
      } else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') {
        imports.push({ specifier, kind: 'require', typeOnly: false, sideEffect: false, ...context, ...position(node) });
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      imports.push({
        specifier: node.argument.literal.text,
        kind: 'dynamic',
        typeOnly: true,
        sideEffect: false,
        ...context,
        ...position(node),
      });
    }
    if (ts.isTryStatement(node)) {
      visit(node.tryBlock, node.catchClause ? { ...context, guarded: true } : context);
      if (node.catchClause) visit(node.catchClause, context);
      if (node.finallyBlock) visit(node.finallyBlock, context);
      return;
    }
    const inner = ts.isFunctionLike(node) ? { guarded: false, inFunction: true } : context;
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  ts.forEachChild(source, (child) => visit(child, TOP_LEVEL));
}

/**
 * For `import('x').catch(...)` or `import('x').then(ok, failed)` (possibly after other `.then`/`.finally`
 * steps), remembers the `import('x')` call as handled; calls are visited outside-in, so before the import.
 */
function markHandledImport(call: ts.CallExpression, handled: Set<ts.Node>): void {
  if (!ts.isPropertyAccessExpression(call.expression)) return;
  const method = call.expression.name.text;
  if (method !== 'catch' && !(method === 'then' && call.arguments.length >= 2)) return;
  let inner: ts.Expression = call.expression.expression;
  while (
    ts.isCallExpression(inner) &&
    ts.isPropertyAccessExpression(inner.expression) &&
    ['then', 'finally', 'catch'].includes(inner.expression.name.text)
  ) {
    inner = inner.expression.expression;
  }
  if (ts.isCallExpression(inner) && inner.expression.kind === ts.SyntaxKind.ImportKeyword) handled.add(inner);
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
