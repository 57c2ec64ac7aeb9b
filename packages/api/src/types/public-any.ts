import { Node, ts, type Type } from 'ts-morph';
import { defineCheck, defineFact, type FindingInput, type ShipshapeProject } from '@shipshape/core';
import { publicDeclarations, publicEntries, type PublicDeclaration } from './program';

/** An `any` in a public signature. */
export interface PublicAny {
  declaration: PublicDeclaration;
  /** `createStore`, `Store.dispatch`, `Options.meta`. */
  subject: string;
  /** Where in the signature: `parameter "reducer"`, `return type`, `type`. */
  role: string;
  /** Written `any`, or inferred by the compiler where nothing is written. */
  explicit: boolean;
  node: Node;
}

/** Is the type `any` (not the compiler's error type, which is what an unresolved import gives)? */
export function isRealAny(type: Type): boolean {
  return type.isAny() && (type.compilerType as { intrinsicName?: string }).intrinsicName === 'any';
}

/** Is the type the compiler's error type: something it could not resolve (an import whose package is not installed)? */
export function isErrorType(type: Type): boolean {
  return type.isAny() && (type.compilerType as { intrinsicName?: string }).intrinsicName === 'error';
}

/**
 * The written `any` keywords of a type node that reach the consumer: those in an output position (a return
 * type, a property or variable type, the parameter of a callback the consumer writes). Crossing a parameter
 * flips the position: `(x: any) => void` accepts anything, which is what `unknown` would accept too, and the
 * caller loses nothing; `(cb: (x: any) => void) => void` hands the caller's callback an `any`. Left out where
 * `any` is the idiom for "whatever it is": type parameter constraints and defaults, the tested side of a
 * conditional type (`T extends (...args: any[]) => any ? ...`), `keyof any`.
 */
function writtenAnys(typeNode: Node | undefined, output: boolean): Node[] {
  if (!typeNode) return [];
  const found: Node[] = [];
  const visit = (node: Node, positive: boolean) => {
    if (Node.isTypeParameterDeclaration(node)) return;
    if (Node.isConditionalTypeNode(node)) {
      visit(node.getTrueType(), positive);
      visit(node.getFalseType(), positive);
      return;
    }
    if (Node.isTypeOperatorTypeNode(node) && node.getOperator() === ts.SyntaxKind.KeyOfKeyword) return;
    if (Node.isTypeReference(node) && !CONTAINERS.has(node.getTypeName().getText())) return;
    // `(...args: any[]) => any` is the idiom for "any function"
    if (Node.isFunctionTypeNode(node) && isAnyFunction(node)) return;
    if (Node.isParameterDeclaration(node) && node.isRestParameter() && isAnyOrAnyArray(node.getTypeNode())) return;
    if (node.getKind() === ts.SyntaxKind.AnyKeyword) {
      if (positive) found.push(node);
      return;
    }
    const flip = Node.isParameterDeclaration(node);
    node.forEachChild((child) => visit(child, flip ? !positive : positive));
  };
  visit(typeNode, output);
  return found;
}

/**
 * The generic types whose type arguments are what the consumer gets (`Promise<any>` resolves to `any`). Another
 * generic type instantiated with `any` (`Router<any>`, `QueryObserver<any, any>`) is the idiom for "any
 * instance of it": the consumer still gets that type, and its arguments are not reported.
 */
const CONTAINERS = new Set([
  'Array',
  'ReadonlyArray',
  'Promise',
  'PromiseLike',
  'Record',
  'Map',
  'ReadonlyMap',
  'Set',
  'ReadonlySet',
  'Iterable',
  'IterableIterator',
  'AsyncIterable',
  'AsyncIterableIterator',
  'Partial',
  'Readonly',
  'Required',
]);

function isAnyFunction(node: import('ts-morph').FunctionTypeNode): boolean {
  const parameters = node.getParameters();
  return parameters.length === 1 && parameters[0].isRestParameter() && isAnyOrAnyArray(parameters[0].getTypeNode());
}

function isAnyOrAnyArray(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.getKind() === ts.SyntaxKind.AnyKeyword) return true;
  if (Node.isArrayTypeNode(node)) return node.getElementTypeNode().getKind() === ts.SyntaxKind.AnyKeyword;
  return (
    Node.isTypeReference(node) &&
    node.getTypeName().getText() === 'Array' &&
    node.getTypeArguments()[0]?.getKind() === ts.SyntaxKind.AnyKeyword
  );
}

type Signature = Node & {
  getParameters(): import('ts-morph').ParameterDeclaration[];
  getReturnTypeNode(): import('ts-morph').TypeNode | undefined;
  getReturnType(): Type;
};

function isOverloadedImplementation(node: Node): boolean {
  return (
    (Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node) || Node.isConstructorDeclaration(node)) &&
    node.getOverloads().length > 0 &&
    node.isImplementation()
  );
}

function visibleMember(node: Node): boolean {
  if (Node.hasName(node) && node.getName().startsWith('#')) return false;
  const modifiers = Node.isModifierable(node) ? node.getModifiers().map((m) => m.getKind()) : [];
  return !modifiers.includes(ts.SyntaxKind.PrivateKeyword);
}

/** The `any`s of one declaration's signature: written in its type nodes, or inferred where nothing is written. */
function anysOf(declaration: PublicDeclaration): PublicAny[] {
  const found: PublicAny[] = [];
  const add = (subject: string, role: string, explicit: boolean, node: Node) => found.push({ declaration, subject, role, explicit, node });
  const written = (subject: string, role: string, typeNode: Node | undefined, output = true) => {
    for (const node of writtenAnys(typeNode, output)) add(subject, role, true, node);
  };
  const signature = (subject: string, node: Signature, contextual: boolean) => {
    if (isOverloadedImplementation(node)) return;
    for (const parameter of node.getParameters()) {
      const name = parameter.getName();
      const typeNode = parameter.getTypeNode();
      // an input: only a callback's parameters reach the caller (an unannotated parameter is the explicit-types check's)
      if (typeNode) written(subject, `parameter "${name}"`, typeNode, false);
    }
    const returnNode = node.getReturnTypeNode();
    if (returnNode) written(subject, 'return type', returnNode);
    else if (!contextual && !Node.isConstructorDeclaration(node) && isRealAny(node.getReturnType()))
      add(subject, 'return type', false, Node.hasName(node) ? node.getNameNode() : node);
  };
  const valueType = (subject: string, node: Node & { getTypeNode(): import('ts-morph').TypeNode | undefined }, nameNode: Node) => {
    const typeNode = node.getTypeNode();
    if (typeNode) return written(subject, 'type', typeNode);
    const initializer = Node.isVariableDeclaration(node) || Node.isPropertyDeclaration(node) ? node.getInitializer() : undefined;
    if (initializer && (Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer)))
      return signature(subject, initializer, false);
    if (isRealAny(node.getType())) add(subject, 'type', false, nameNode);
  };

  const { node, name } = declaration;
  // `AnyRouter`, `AnyAction`: named for what they are, the "any instance" types constraints are written with
  if (/^Any[A-Z]/.test(name)) return [];
  if (Node.isFunctionDeclaration(node)) signature(name, node, false);
  else if (Node.isVariableDeclaration(node)) valueType(name, node, node.getNameNode());
  else if (Node.isTypeAliasDeclaration(node)) written(name, 'type', node.getTypeNode());
  else if (Node.isInterfaceDeclaration(node)) {
    for (const member of node.getMembers()) {
      const subject = `${name}.${Node.hasName(member) ? member.getName() : '[index]'}`;
      const typeNode = Node.isPropertySignature(member) ? member.getTypeNode() : undefined;
      // a call signature or a function-typed property is most often a callback the user writes: what it returns
      // goes to the library, so only its parameters are looked at
      const callbackParameters = (parameters: import('ts-morph').ParameterDeclaration[], role: string) => {
        for (const p of parameters)
          if (!(p.isRestParameter() && isAnyOrAnyArray(p.getTypeNode()))) written(subject, role, p.getTypeNode(), true);
      };
      if (Node.isCallSignatureDeclaration(member)) callbackParameters(member.getParameters(), 'signature');
      else if (typeNode && Node.isFunctionTypeNode(typeNode)) callbackParameters(typeNode.getParameters(), 'type');
      else written(subject, Node.isMethodSignature(member) ? 'signature' : 'type', member);
    }
  } else if (Node.isClassDeclaration(node)) {
    for (const member of node.getMembers()) {
      if (!visibleMember(member)) continue;
      const subject = `${name}.${Node.isConstructorDeclaration(member) ? 'constructor' : Node.hasName(member) ? member.getName() : '[index]'}`;
      if (Node.isMethodDeclaration(member) || Node.isConstructorDeclaration(member) || Node.isGetAccessorDeclaration(member))
        signature(subject, member, false);
      else if (Node.isSetAccessorDeclaration(member)) {
        // its parameter's type is the getter's when one is declared
        if (!member.getGetAccessor()) signature(subject, member, false);
      } else if (Node.isPropertyDeclaration(member)) valueType(subject, member, member.getNameNode());
      else if (Node.isIndexSignatureDeclaration(member)) written(subject, 'type', member.getReturnTypeNode());
    }
  } else if (Node.isExportAssignment(node)) {
    const expression = node.getExpression();
    if (Node.isArrowFunction(expression) || Node.isFunctionExpression(expression)) signature(name, expression, false);
    else if (isRealAny(expression.getType())) add(name, 'type', false, expression);
  }
  return found;
}

/** Every `any` in a public signature of the project's TypeScript sources. */
export const publicAnys = defineFact({
  id: 'api/public-anys',
  inputs: [publicDeclarations],
  compute: (_project, declarations): PublicAny[] => declarations.flatMap(anysOf),
});

function run(project: ShipshapeProject): FindingInput[] {
  const groups = new Map<string, PublicAny[]>();
  for (const any of project.get(publicAnys)) {
    const key = `any:${any.subject}:${any.role}`;
    groups.set(key, [...(groups.get(key) ?? []), any]);
  }
  return [...groups].map(([key, list]) => {
    const any = list[0];
    const start = any.node.getSourceFile().getLineAndColumnAtPos(any.node.getStart());
    const times = list.length > 1 ? ` (${list.length} times)` : '';
    return {
      message: any.explicit
        ? `\`${any.subject}\` hands \`any\` to its users in its ${any.role}${times}: no type checking for them there; the real type, a generic or \`unknown\` says what it is`
        : `\`${any.subject}\` has an implicit \`any\` ${any.role} (nothing is written and the compiler infers \`any\`): no type checking for its users there; write the real type`,
      file: any.declaration.file,
      line: start.line,
      column: start.column,
      key,
    };
  });
}

export default defineCheck({
  id: 'api/public-any',
  title: 'No `any` in public signatures',
  planItem: 'api/type-annotations',
  languages: ['typescript'],
  severity: 'warning',
  requires: [publicEntries],
  description:
    'The signatures a public entry exports (function parameters and return types, variable, property and accessor types, interface members, type aliases, public class members) should not hand `any` to their users: written `any`, or an implicit `any` the compiler infers where nothing is written. `any` in a type parameter constraint or default and in the tested side of a conditional type (`T extends (...args: any[]) => any`) is the idiom for "whatever it is" and is not reported, nor are private members, overload implementations and parameters typed by their context. A type the compiler cannot resolve because a dependency is not installed is its error type, not `any`, and is not reported. Reported at the position, as a warning: replace it with the real type, `unknown` or a generic.',
  run,
});
