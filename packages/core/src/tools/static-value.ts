import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { ts } from 'ts-morph';

/**
 * A configuration value read from source without running it: literals, arrays and objects are known; anything
 * computed (a call, a variable from elsewhere) is `unknown`. Every value knows where it is written.
 */
export type StaticValue =
  | { kind: 'string'; value: string; line: number; column: number }
  | { kind: 'number' | 'boolean' | 'null'; value: number | boolean | null; line: number; column: number }
  | { kind: 'array'; items: StaticValue[]; line: number; column: number }
  | { kind: 'object'; properties: Map<string, StaticValue>; line: number; column: number }
  | { kind: 'unknown'; line: number; column: number; call?: { callee: string; args: StaticValue[] } };

/** The value at a path of object keys (array items are searched too: tsup's array of configs). */
export function valueAt(value: StaticValue | undefined, path: readonly string[]): StaticValue[] {
  if (!value) return [];
  if (path.length === 0) return [value];
  if (value.kind === 'array') return value.items.flatMap((item) => valueAt(item, path));
  if (value.kind !== 'object') return [];
  return valueAt(value.properties.get(path[0]), path.slice(1));
}

/** The arguments of the calls the reader could not run (`preset({ entry: 'src/index.ts' })`), nested ones included. */
export function callArguments(value: StaticValue | undefined): Array<{ callee: string; args: StaticValue[] }> {
  if (!value) return [];
  if (value.kind === 'unknown') return value.call ? [value.call, ...value.call.args.flatMap(callArguments)] : [];
  if (value.kind === 'array') return value.items.flatMap(callArguments);
  if (value.kind === 'object') return [...value.properties.values()].flatMap(callArguments);
  return [];
}

/** The string (or strings of an array) at a path. */
export function stringsAt(value: StaticValue | undefined, path: readonly string[]): Array<{ value: string; line: number; column: number }> {
  return valueAt(value, path).flatMap(stringLeaves);
}

/** Every string of a value, nested ones included. */
export function stringLeaves(value: StaticValue): Array<{ value: string; line: number; column: number }> {
  if (value.kind === 'string') return [value];
  if (value.kind === 'array') return value.items.flatMap(stringLeaves);
  if (value.kind === 'object') return [...value.properties.values()].flatMap(stringLeaves);
  return [];
}

/** The keys of the object at a path. */
export function keysAt(value: StaticValue | undefined, path: readonly string[]): Array<{ value: string; line: number; column: number }> {
  return valueAt(value, path).flatMap((v) =>
    v.kind === 'object' ? [...v.properties.entries()].map(([key, item]) => ({ value: key, line: item.line, column: item.column })) : [],
  );
}

/** A JSON or JSONC document (tsconfig, .babelrc, .eslintrc.json) as a static value; undefined when malformed. */
export function readJsonValue(text: string): StaticValue | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return undefined;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const at = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return { line: line + 1, column: offset - lineStarts[line] + 1 };
  };
  const convert = (node: JsonNode): StaticValue => {
    const where = at(node.offset);
    switch (node.type) {
      case 'string':
        return { kind: 'string', value: node.value as string, ...where };
      case 'number':
        return { kind: 'number', value: node.value as number, ...where };
      case 'boolean':
        return { kind: 'boolean', value: node.value as boolean, ...where };
      case 'null':
        return { kind: 'null', value: null, ...where };
      case 'array':
        return { kind: 'array', items: (node.children ?? []).map(convert), ...where };
      case 'object': {
        const properties = new Map<string, StaticValue>();
        for (const property of node.children ?? []) {
          const [key, value] = property.children ?? [];
          if (key && value) properties.set(String(key.value), convert(value));
        }
        return { kind: 'object', properties, ...where };
      }
      default:
        return { kind: 'unknown', ...where };
    }
  };
  return convert(root);
}

const CONFIG_WRAPPERS = /^(defineConfig|defineProject|defineWorkspace|defineBuildConfig|mergeConfig|tseslint\.config|config)$/;

/**
 * The configuration a JS/TS config module exports (`export default`, `module.exports =`), read statically:
 * through `defineConfig(...)`-style wrappers, `mergeConfig(a, b)`, arrow functions returning an object,
 * `satisfies`/`as`, and top-level constants it names. Undefined when it exports nothing readable.
 */
export function readModuleValue(fileName: string, text: string): StaticValue | undefined {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const constants = new Map<string, ts.Expression>();
  let exported: ts.Expression | undefined;
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) constants.set(declaration.name.text, declaration.initializer);
      }
    } else if (ts.isExportAssignment(statement)) {
      exported = statement.expression;
    } else if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
    ) {
      const target = statement.expression.left.getText(source);
      if (target === 'module.exports' || target === 'exports.default') exported = statement.expression.right;
    }
  }
  if (!exported) return undefined;
  const position = (node: ts.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };
  const seen = new Set<string>();
  const evaluate = (node: ts.Expression): StaticValue => {
    const where = position(node);
    if (
      ts.isParenthesizedExpression(node) ||
      ts.isAsExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      ts.isTypeAssertionExpression(node) ||
      ts.isNonNullExpression(node)
    ) {
      return evaluate(node.expression);
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text, ...where };
    if (ts.isNumericLiteral(node)) return { kind: 'number', value: Number(node.text), ...where };
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword)
      return { kind: 'boolean', value: node.kind === ts.SyntaxKind.TrueKeyword, ...where };
    if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null', value: null, ...where };
    if (ts.isArrayLiteralExpression(node)) {
      return {
        kind: 'array',
        items: node.elements.flatMap((e) => (ts.isSpreadElement(e) ? spreadItems(evaluate(e.expression)) : [evaluate(e)])),
        ...where,
      };
    }
    if (ts.isObjectLiteralExpression(node)) {
      const properties = new Map<string, StaticValue>();
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property)) {
          const key = propertyName(property.name);
          if (key !== undefined) properties.set(key, evaluate(property.initializer));
        } else if (ts.isShorthandPropertyAssignment(property)) {
          properties.set(property.name.text, evaluate(property.name));
        } else if (ts.isSpreadAssignment(property)) {
          const spread = evaluate(property.expression);
          if (spread.kind === 'object') for (const [key, value] of spread.properties) properties.set(key, value);
        }
      }
      return { kind: 'object', properties, ...where };
    }
    if (ts.isIdentifier(node)) {
      const initializer = constants.get(node.text);
      if (!initializer || seen.has(node.text)) return { kind: 'unknown', ...where };
      seen.add(node.text);
      const value = evaluate(initializer);
      seen.delete(node.text);
      return value;
    }
    if (ts.isCallExpression(node) && CONFIG_WRAPPERS.test(node.expression.getText(source))) {
      const values = node.arguments.map((arg) => evaluate(arg));
      return values.length === 1 ? values[0] : merge(values, where);
    }
    if (ts.isCallExpression(node)) {
      // A call the reader cannot run (a preset such as `tanstackViteConfig({ entry })`): unknown, with what it was given.
      return {
        kind: 'unknown',
        ...where,
        call: { callee: node.expression.getText(source), args: node.arguments.map((arg) => evaluate(arg)) },
      };
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const body = node.body;
      if (!ts.isBlock(body)) return evaluate(body);
      const returned = body.statements.filter(ts.isReturnStatement).at(-1)?.expression;
      return returned ? evaluate(returned) : { kind: 'unknown', ...where };
    }
    return { kind: 'unknown', ...where };
  };
  return evaluate(exported);
}

function spreadItems(value: StaticValue): StaticValue[] {
  return value.kind === 'array' ? value.items : [value];
}

/** Objects merged left to right (mergeConfig); anything else: the values as an array. */
function merge(values: StaticValue[], where: { line: number; column: number }): StaticValue {
  if (values.every((v) => v.kind === 'object')) {
    const properties = new Map<string, StaticValue>();
    for (const value of values) for (const [key, item] of value.properties) properties.set(key, item);
    return { kind: 'object', properties, ...where };
  }
  return { kind: 'array', items: values, ...where };
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name))
    return name.text;
  return undefined;
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (/\.[cm]?tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** A config file of any kind (JS/TS module, JSON/JSONC) as a static value. */
export function readConfigValue(file: string, text: string): StaticValue | undefined {
  if (/\.json5?$|(^|\/)\.[\w-]+rc$/.test(file)) return readJsonValue(text);
  if (/\.[cm]?[jt]sx?$/.test(file)) return readModuleValue(file, text);
  return undefined;
}
