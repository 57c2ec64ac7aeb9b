import { ts } from 'ts-morph';

export interface SideEffect {
  line: number;
  what: string;
}

/**
 * Top-level statements that run for their effect when the module is loaded: side-effect imports
 * (`import './polyfill'`), expression statements (calls, assignments), control flow, decorated classes.
 * Declarations and initializers (`const cache = new Map()`) are values a bundler may drop when unused.
 */
export function topLevelSideEffects(fileName: string, text: string): SideEffect[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: SideEffect[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause)
      found.push({ line: at(statement), what: `side-effect import of ${statement.moduleSpecifier.getText(source)}` });
    else if (
      ts.isExpressionStatement(statement) &&
      !ts.isStringLiteral(statement.expression) &&
      !isModuleBoilerplate(statement.expression, source)
    )
      found.push({ line: at(statement), what: 'top-level statement' });
    else if (isControlFlow(statement)) found.push({ line: at(statement), what: 'top-level control flow' });
    else if (ts.isClassDeclaration(statement) && ts.getDecorators(statement)?.length)
      found.push({ line: at(statement), what: 'decorated class' });
  }
  return found;
}

/**
 * What a compiler writes to define a CommonJS module's exports, not code with an effect:
 * `Object.defineProperty(exports, "__esModule", ...)`, `exports.x = ...`, `module.exports = ...`,
 * `__exportStar(require("./x"), exports)`.
 */
function isModuleBoilerplate(expression: ts.Expression, source: ts.SourceFile): boolean {
  const text = expression.getText(source);
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    return /^(module\.)?exports(\.|\[|$)/.test(expression.left.getText(source)) || /^(module\.)?exports\b/.test(text);
  return /^Object\.defineProperty\(\s*(module\.)?exports\b/.test(text) || /^(tslib_\d*\.)?__exportStar\(/.test(text);
}

function isControlFlow(statement: ts.Statement): boolean {
  return (
    ts.isIfStatement(statement) ||
    ts.isForStatement(statement) ||
    ts.isForOfStatement(statement) ||
    ts.isForInStatement(statement) ||
    ts.isWhileStatement(statement) ||
    ts.isDoStatement(statement) ||
    ts.isTryStatement(statement) ||
    ts.isBlock(statement) ||
    ts.isSwitchStatement(statement) ||
    ts.isThrowStatement(statement)
  );
}
