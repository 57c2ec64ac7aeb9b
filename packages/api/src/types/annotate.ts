import { Node, ts, type Project, type SourceFile, type Type } from 'ts-morph';
import type { ShipshapeProject } from '@shipshape/core';
import { isIsolatedDeclarationsCode, type MissingType } from './isolated-declarations';
import { isErrorType } from './public-any';
import { absolutePath } from './program';

/** Longer types are not written by hand: an anonymous type this long wants a name, which is the author's choice. */
export const LONGEST_TYPE = 120;

/** One type annotation to insert: `text` at `position` of the file's text (as the program read it). */
export interface Annotation {
  file: string;
  position: number;
  text: string;
  /** For the report: `createStore: return type Store<S>`. */
  what: string;
  line: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** What cannot be written, one line each naming the file and line. */
  left: string[];
}

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

type FunctionLike =
  | import('ts-morph').FunctionDeclaration
  | import('ts-morph').ArrowFunction
  | import('ts-morph').FunctionExpression
  | import('ts-morph').MethodDeclaration
  | import('ts-morph').GetAccessorDeclaration;

function isFunctionLike(node: Node): node is FunctionLike {
  return (
    Node.isFunctionDeclaration(node) ||
    Node.isArrowFunction(node) ||
    Node.isFunctionExpression(node) ||
    Node.isMethodDeclaration(node) ||
    Node.isGetAccessorDeclaration(node)
  );
}

/** The node a diagnostic is about, from the token it points at up to the first declaration of the kind its code names. */
function subjectOf(source: SourceFile, missing: MissingType): Node | undefined {
  let node: Node | undefined = source.getDescendantAtPos(missing.start);
  const wanted: (n: Node) => boolean =
    missing.code === 9007 || missing.code === 9008 || missing.code === 9009
      ? (n) => isFunctionLike(n) || Node.isSetAccessorDeclaration(n)
      : missing.code === 9010
        ? (n) => Node.isVariableDeclaration(n)
        : missing.code === 9011
          ? (n) => Node.isParameterDeclaration(n)
          : missing.code === 9012
            ? (n) => Node.isPropertyDeclaration(n) || Node.isPropertyAssignment(n) || Node.isShorthandPropertyAssignment(n)
            : () => false;
  while (node && !wanted(node)) {
    if (Node.isSourceFile(node) || Node.isStatement(node)) return undefined;
    node = node.getParent();
  }
  return node;
}

/** The type as source text, or why it cannot be written. */
function printed(type: Type, enclosing: Node): { text: string } | { why: string } {
  if (isErrorType(type)) return { why: 'its type cannot be resolved (a dependency not installed?)' };
  if (type.isAny()) return { why: 'the compiler infers `any`: write the real type' };
  const text = type.getText(enclosing, FORMAT);
  return checkedText(text);
}

function checkedText(text: string): { text: string } | { why: string } {
  if (text.includes('import(')) return { why: `its type names a module this file does not import (${text.slice(0, 60)}…)` };
  if (text.length > LONGEST_TYPE)
    return { why: `its type is ${text.length} characters long: name it (a type alias or an interface) and write that` };
  if (/\n/.test(text)) return { why: 'its type does not print on one line' };
  return { text };
}

/** The annotation for one diagnostic, or why there is none. */
function annotationFor(source: SourceFile, file: string, missing: MissingType): Annotation | { why: string } {
  if (!isIsolatedDeclarationsCode(missing.code) || missing.code > 9012) return { why: missing.message };
  const node = subjectOf(source, missing);
  if (!node) return { why: missing.message };
  const at = (position: number, text: string, what: string): Annotation => ({
    file,
    position,
    text: `: ${text}`,
    what: `${what} ${text}`,
    line: source.getLineAndColumnAtPos(position).line,
  });
  const label = (n: Node): string => (Node.hasName(n) ? n.getName() : missing.declaration.name);
  const checker = source.getProject().getTypeChecker().compilerObject;

  if (Node.isSetAccessorDeclaration(node)) {
    const parameter = node.getParameters()[0];
    if (!parameter || parameter.getTypeNode()) return { why: missing.message };
    const result = printed(parameter.getType(), node);
    return 'why' in result ? result : at(parameter.getNameNode().getEnd(), result.text, `${label(node)}: accessor type`);
  }
  if (isFunctionLike(node)) {
    if (node.getReturnTypeNode()) return { why: missing.message };
    const close = node.getFirstChildByKind(ts.SyntaxKind.CloseParenToken);
    if (!close) return { why: 'an arrow function without parentheses around its parameter' };
    if (node.getParameters().some((p) => !p.getTypeNode() && !p.hasInitializer()))
      return { why: 'its parameters have no types either: type them first' };
    const signature = checker.getSignatureFromDeclaration(node.compilerNode);
    if (!signature) return { why: missing.message };
    const predicate = checker.getTypePredicateOfSignature(signature);
    if (predicate) {
      const text = checker.typePredicateToString(predicate, node.compilerNode, FORMAT);
      const result = checkedText(text);
      return 'why' in result ? result : at(close.getEnd(), result.text, `${label(node)}: return type`);
    }
    const result = printed(node.getReturnType(), node);
    return 'why' in result ? result : at(close.getEnd(), result.text, `${label(node)}: return type`);
  }
  if (Node.isVariableDeclaration(node) || Node.isParameterDeclaration(node) || Node.isPropertyDeclaration(node)) {
    if (node.getTypeNode()) return { why: missing.message };
    const name = node.getNameNode();
    if (!Node.isIdentifier(name) && !(Node.isPropertyDeclaration(node) && (Node.isPrivateIdentifier(name) || Node.isStringLiteral(name))))
      return { why: 'a destructured or computed name: type it by hand' };
    if (Node.isParameterDeclaration(node) && !node.hasInitializer())
      return { why: 'a parameter without a default: the compiler infers `any`' };
    // after `?` or `!`, where the annotation goes
    const marker = node.getLastChildByKind(ts.SyntaxKind.QuestionToken) ?? node.getLastChildByKind(ts.SyntaxKind.ExclamationToken);
    const end = marker && marker.getStart() >= name.getEnd() ? marker.getEnd() : name.getEnd();
    let type = node.getType();
    // an optional parameter's type holds the undefined its default removes
    if (Node.isParameterDeclaration(node) && node.hasInitializer()) type = type.getNonNullableType();
    const result = printed(type, node);
    return 'why' in result ? result : at(end, result.text, `${label(node)}: type`);
  }
  return { why: 'an object literal member: give the object a named type' };
}

/** The annotations the compiler's isolatedDeclarations diagnostics ask for, where the inferred type prints. */
export function planAnnotations(project: ShipshapeProject, program: Project, missing: readonly MissingType[]): AnnotationPlan {
  const annotations: Annotation[] = [];
  const left: string[] = [];
  const seen = new Set<string>();
  for (const m of missing) {
    const source = program.getSourceFile(absolutePath(project, m.declaration.file));
    if (!source) continue;
    const result = annotationFor(source, m.declaration.file, m);
    if ('why' in result) left.push(`${m.declaration.file}:${m.line}: \`${m.declaration.name}\`: ${result.why}`);
    else if (!seen.has(`${result.file}:${result.position}`)) {
      seen.add(`${result.file}:${result.position}`);
      annotations.push(result);
    }
  }
  return { annotations, left };
}

/** The text with the annotations inserted (positions in the original text), nothing else touched. */
export function insertAnnotations(text: string, annotations: readonly Annotation[]): string {
  let result = text;
  for (const a of [...annotations].sort((x, y) => y.position - x.position))
    result = `${result.slice(0, a.position)}${a.text}${result.slice(a.position)}`;
  return result;
}

interface Seen {
  key: string;
  file: string;
  start: number;
  text: string;
}

/** The program's semantic diagnostics, each with a comparable key: file, code and message (positions move with inserted text). */
function diagnosticsOf(program: Project): Seen[] {
  return program
    .getProgram()
    .compilerObject.getSemanticDiagnostics()
    .map((d) => {
      const text = `${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      return { key: `${d.file?.fileName ?? ''}|${text}`, file: d.file?.fileName ?? '', start: d.start ?? -1, text };
    });
}

/** The diagnostics of `after` that `before` did not have (as many of each key as were added). */
function newDiagnostics(before: readonly Seen[], after: readonly Seen[]): Seen[] {
  const counts = new Map<string, number>();
  for (const d of before) counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
  return after.filter((d) => {
    const left = counts.get(d.key) ?? 0;
    counts.set(d.key, left - 1);
    return left <= 0;
  });
}

/** The annotation whose inserted text holds the offset of the edited text, if any. */
function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  let shift = 0;
  for (const a of [...annotations].sort((x, y) => x.position - y.position)) {
    const start = a.position + shift;
    if (offset >= start && offset < start + a.text.length) return a;
    shift += a.text.length;
  }
  return undefined;
}

/**
 * Writes the annotations into the program's files and keeps only those that compile: when the program has
 * diagnostics it did not have before, the annotations of the files they are in are taken back (every
 * annotation when the new diagnostic is elsewhere). The program is left with the kept annotations. Returns
 * the kept annotations, and a line for each file whose annotations were taken back.
 */
export function applyCompiling(
  project: ShipshapeProject,
  program: Project,
  annotations: readonly Annotation[],
): { kept: Annotation[]; texts: Map<string, string>; left: string[] } {
  const originals = new Map<string, string>();
  for (const a of annotations) {
    const source = program.getSourceFileOrThrow(absolutePath(project, a.file));
    if (!originals.has(a.file)) originals.set(a.file, source.getFullText());
  }
  const before = diagnosticsOf(program);
  let kept = [...annotations];
  const left: string[] = [];
  const write = (list: readonly Annotation[]) => {
    for (const [file, text] of originals)
      program.getSourceFileOrThrow(absolutePath(project, file)).replaceWithText(
        insertAnnotations(
          text,
          list.filter((a) => a.file === file),
        ),
      );
  };
  for (let round = 0; round < 4 && kept.length > 0; round++) {
    write(kept);
    const added = newDiagnostics(before, diagnosticsOf(program));
    if (added.length === 0) break;
    // the annotation the new diagnostic points into; else every annotation of its file; else (elsewhere, or the last round) all
    const dropped = new Set<Annotation>();
    for (const d of added) {
      const own = kept.filter((a) => absolutePath(project, a.file) === d.file);
      const guilty = annotationAt(own, d.start);
      for (const a of guilty ? [guilty] : round < 3 && own.length > 0 ? own : kept) {
        if (!dropped.has(a))
          left.push(`${a.file}:${a.line}: ${a.what} was not written: it does not compile there (${d.text.slice(0, 140)})`);
        dropped.add(a);
      }
    }
    kept = kept.filter((a) => !dropped.has(a));
    if (kept.length === 0) write([]);
  }
  const texts = new Map<string, string>();
  for (const [file, text] of originals) {
    const own = kept.filter((a) => a.file === file);
    if (own.length > 0) texts.set(file, insertAnnotations(text, own));
  }
  return { kept, texts, left };
}
