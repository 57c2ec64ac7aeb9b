import { Node, SyntaxKind, type ParameterDeclaration } from 'ts-morph';
import type { PublicDeclaration } from './public-typescript';
import { nameNode, positionOf } from './public-typescript';
import type { PublicPythonApi, PythonClass, PythonFunction } from './public-python';

/** A function of the public TypeScript API: an exported function, or a public method / constructor of an exported class. */
export interface TsCallable {
  /** `parse`, `Client.request`, `Client.constructor`. */
  label: string;
  /** The function-like node whose parameters are read (an overload signature, or the only declaration). */
  node: Node;
  parameters: ParameterDeclaration[];
  file: string;
  line: number;
  column: number;
}

type FunctionLike = Node & { getParameters(): ParameterDeclaration[] };

const hasParameters = (node: Node): node is FunctionLike =>
  Node.isFunctionDeclaration(node) ||
  Node.isArrowFunction(node) ||
  Node.isFunctionExpression(node) ||
  Node.isMethodDeclaration(node) ||
  Node.isConstructorDeclaration(node);

const isDeprecated = (node: Node) =>
  Node.isJSDocable(node) && node.getJsDocs().some((doc) => doc.getTags().some((tag) => tag.getTagName() === 'deprecated'));

/**
 * The signatures callers see: the overloads when there are some (those marked `@deprecated` left out: they are on
 * their way out already), else the declaration itself. Current overloads of different lengths spell out a
 * variadic function (`pipe(a)`, `pipe(a, b)`, … for each arity): no list there is designed, and none is judged.
 */
function signatures(node: Node): FunctionLike[] {
  if (Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node) || Node.isConstructorDeclaration(node)) {
    const overloads = node.getOverloads() as FunctionLike[];
    if (overloads.length > 0) {
      const current = overloads.filter((o) => !isDeprecated(o));
      return new Set(current.map((o) => o.getParameters().length)).size > 1 ? [] : current;
    }
  }
  return hasParameters(node) && !isDeprecated(node) ? [node] : [];
}

const isPublicMember = (node: Node) => {
  if (!Node.isMethodDeclaration(node) && !Node.isConstructorDeclaration(node)) return false;
  if (node.hasModifier(SyntaxKind.PrivateKeyword) || node.hasModifier(SyntaxKind.ProtectedKeyword)) return false;
  const name = Node.isMethodDeclaration(node) ? node.getName() : 'constructor';
  return !name.startsWith('#') && !name.startsWith('_');
};

/** Every callable of the public API, each signature separately (overloads), with its label. */
export function typescriptCallables(declarations: readonly PublicDeclaration[]): Array<TsCallable & { declaration: PublicDeclaration }> {
  const found: Array<TsCallable & { declaration: PublicDeclaration }> = [];
  const add = (declaration: PublicDeclaration, label: string, node: Node) => {
    for (const signature of signatures(node))
      found.push({ declaration, label, node: signature, parameters: signature.getParameters(), ...positionOf(nameNode(signature)) });
  };
  for (const declaration of declarations) {
    const { node, name } = declaration;
    if (Node.isFunctionDeclaration(node)) {
      // overloads are the same declaration's signatures: the implementation alone is not what callers see
      if (node.isOverload()) continue;
      add(declaration, name, node);
    } else if (Node.isVariableDeclaration(node)) {
      const init = node.getInitializer();
      if (init && (Node.isArrowFunction(init) || Node.isFunctionExpression(init))) add(declaration, name, init);
    } else if (Node.isClassDeclaration(node)) {
      for (const member of node.getMembers()) {
        if (!isPublicMember(member)) continue;
        if ((Node.isMethodDeclaration(member) || Node.isConstructorDeclaration(member)) && member.isOverload()) continue;
        add(declaration, Node.isMethodDeclaration(member) ? `${name}.${member.getName()}` : `new ${name}`, member);
      }
    }
  }
  return found;
}

/** A function of the public Python API: a public function, or a public method (and `__init__`) of a public class. */
export interface PyCallable {
  label: string;
  fn: PythonFunction;
  cls?: PythonClass;
  file: string;
}

const OBJECT_BASES = new Set([
  'object',
  'Generic',
  'typing.Generic',
  'Protocol',
  'typing.Protocol',
  'ABC',
  'abc.ABC',
  'NamedTuple',
  'typing.NamedTuple',
  'TypedDict',
  'typing.TypedDict',
]);

/** Vendored code and backports mirror another project's (or the standard library's) signatures. */
export const MIRRORS = /(?:^|\/)(?:vendor|vendored|_vendor|third_party|external|backports?|compat)(?:\/|\.py$)/;

/** Whether a method may merely mirror a base's signature: its class has a base outside the library, or a library base defines it too. */
function mirrorsBase(api: PublicPythonApi, cls: PythonClass, method: string, depth = 0): boolean {
  if (depth > 8) return true;
  for (const base of cls.bases) {
    const bare = base.replace(/\[.*$/, '');
    if (OBJECT_BASES.has(bare)) continue;
    const short = bare.split('.').pop()!;
    const libraryBase = Object.values(api.signatures)
      .flatMap((s) => s.classes)
      .find((c) => c.name === short);
    if (!libraryBase) return true; // an outside base (an stdlib protocol, another library): its signature may be the rule
    if (libraryBase.methods.some((m) => m.name === method) || mirrorsBase(api, libraryBase, method, depth + 1)) return true;
  }
  return false;
}

/**
 * Every callable of the public Python API. A method that overrides (or may override) a base class's method
 * keeps its base's signature and is left out: the base is where the signature is designed.
 */
export function pythonCallables(api: PublicPythonApi): PyCallable[] {
  const found: PyCallable[] = [];
  for (const entry of api.names) {
    const { definition } = entry;
    if (MIRRORS.test(entry.file)) continue;
    if (definition.kind !== 'variable' && definition.value.conditional) continue; // a stand-in for an optional import or an old Python
    if (definition.kind === 'function') {
      if (definition.value.decorators.some((d) => d === 'overload' || d === 'typing.overload')) continue;
      found.push({ label: entry.name, fn: definition.value, file: entry.file });
    } else if (definition.kind === 'class') {
      const cls = definition.value;
      for (const method of cls.methods) {
        const isPublic = method.name === '__init__' || !method.name.startsWith('_');
        if (!isPublic || method.decorators.some((d) => /(^|\.)(overload|property|setter|deleter)$/.test(d))) continue;
        if (mirrorsBase(api, cls, method.name)) continue;
        found.push({ label: `${entry.name}.${method.name}`, fn: method, cls, file: entry.file });
      }
    }
  }
  return found;
}

/** The parameters a caller may pass by position: self/cls of a method (not a staticmethod) left out. */
export function positionalParameters(callable: PyCallable) {
  const positional = callable.fn.params.filter((p) => p.kind === 'pos' || p.kind === 'posonly');
  const isStatic = callable.fn.decorators.some((d) => d === 'staticmethod');
  return callable.cls && !isStatic ? positional.slice(1) : positional;
}
