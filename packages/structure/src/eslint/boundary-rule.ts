import { posix } from 'node:path';
import { ShipshapeError } from '@shipshape/core';
import { Node, Project, ts, type ArrayLiteralExpression, type SourceFile } from 'ts-morph';

export const BOUNDARY_RULE = '@nx/enforce-module-boundaries';

export interface BoundaryRule {
  /** The `depConstraints` array of the rule's options, when it is written as an array in the file. */
  constraints?: ArrayLiteralExpression;
  /**
   * What of `depConstraints` cannot be read from the file, as a message says it: "are `constraints`" (a variable, a
   * call), "include `...shared`" (spread elements). The constraints there are unknown: no conclusion is drawn from them.
   */
  unreadable?: string;
  /** The source tags the constraints name (`*` included). */
  sourceTags: string[];
  /** 1-based line of `depConstraints` (or of the rule when it has none). */
  line: number;
  source: SourceFile;
  /** The byte-order mark the file starts with, which the parser drops: written back as it was. */
  bom: string;
}

const keyOf = (node: Node) =>
  Node.isPropertyAssignment(node)
    ? node
        .getNameNode()
        .getText()
        .replace(/^['"`]|['"`]$/g, '')
    : undefined;

/** The file's first syntax error, as ESLint would meet it: a config that does not parse is never edited or judged. */
function assertParses(project: Project, source: SourceFile, file: string): void {
  const [first] = project.getProgram().getSyntacticDiagnostics(source);
  if (!first) return;
  const reason = ts.flattenDiagnosticMessageText(first.getMessageText() as string | ts.DiagnosticMessageChain, ' ');
  const line = first.getLineNumber();
  throw new ShipshapeError(
    `does not parse${line ? ` (line ${line})` : ''}: ${reason.replace(/\.$/, '')}; ESLint cannot load it either: fix it first, nothing was written`,
    file,
  );
}

/**
 * `@nx/enforce-module-boundaries` in an ESLint flat config, read from its syntax (the config is never run).
 * A config that does not parse, or that sets the rule more than once, is refused with one message naming the file.
 */
export function findBoundaryRule(fileName: string, text: string): BoundaryRule | undefined {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true, noLib: true, noResolve: true } });
  const script = /\.[cm]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = project.createSourceFile(`/${posix.basename(fileName)}`, text, { scriptKind: script });
  assertParses(project, source, fileName);
  const rules = source.getDescendants().filter((node) => keyOf(node) === BOUNDARY_RULE);
  if (rules.length > 1)
    throw new ShipshapeError(
      `sets ${BOUNDARY_RULE} ${rules.length} times (lines ${rules.map((r) => r.getStartLineNumber()).join(', ')}): Shipshape cannot tell which one applies to a project; keep one, nothing was written`,
      fileName,
    );
  const rule = rules[0];
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  if (!rule || !Node.isPropertyAssignment(rule)) return undefined;
  const constraintsProperty = rule
    .getInitializer()
    ?.getDescendants()
    .find((node) => keyOf(node) === 'depConstraints');
  const constraints =
    constraintsProperty && Node.isPropertyAssignment(constraintsProperty) ? constraintsProperty.getInitializer() : undefined;
  if (!constraintsProperty || !constraints) return { sourceTags: [], line: rule.getStartLineNumber(), source, bom };
  const line = constraintsProperty.getStartLineNumber();
  if (!Node.isArrayLiteralExpression(constraints))
    return { sourceTags: [], unreadable: `are \`${constraints.getText()}\``, line, source, bom };
  const spreads = constraints.getElements().filter((element) => !Node.isObjectLiteralExpression(element));
  const sourceTags = constraints
    .getElements()
    .flatMap((element) => (Node.isObjectLiteralExpression(element) ? [element.getProperty('sourceTag')] : []))
    .flatMap((property) => (property && Node.isPropertyAssignment(property) ? [property.getInitializer()] : []))
    .flatMap((value) =>
      value && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) ? [value.getLiteralValue()] : [],
    );
  return {
    constraints,
    sourceTags,
    ...(spreads.length > 0 ? { unreadable: `include \`${spreads.map((s) => s.getText()).join(', ')}\`` } : {}),
    line,
    source,
    bom,
  };
}

/** The constraint as the config would write it, quoted as the constraints already are. */
export function constraintText(rule: BoundaryRule, sourceTag: string, allowed: string[]): string {
  const written = rule.constraints?.getText() ?? rule.source.getFullText();
  const quote = /'/.test(written) || !/"/.test(written) ? "'" : '"';
  const list = (values: string[]) => values.map((v) => `${quote}${v}${quote}`).join(', ');
  return `{ sourceTag: ${quote}${sourceTag}${quote}, onlyDependOnLibsWithTags: [${list(allowed)}] }`;
}

/**
 * The config text with one more constraint at the end of depConstraints, written on its own line with the
 * indentation and line ending of the last one; every other byte of the file as it was (its BOM included).
 */
export function addConstraint(rule: BoundaryRule, sourceTag: string, allowed: string[]): string {
  const constraints = rule.constraints!;
  const element = constraintText(rule, sourceTag, allowed);
  const text = rule.source.getFullText();
  return rule.bom + insertConstraint(text, constraints, element);
}

function insertConstraint(text: string, constraints: ArrayLiteralExpression, element: string): string {
  const elements = constraints.getElements();
  const last = elements[elements.length - 1];
  if (!last) return text.slice(0, constraints.getStart() + 1) + element + text.slice(constraints.getEnd() - 1);
  const before = /(\r?\n)([ \t]*)$/.exec(text.slice(0, last.getStart()));
  const separator = before ? `,${before[1]}${before[2]}` : ', ';
  const end = last.getEnd();
  return text.slice(0, end) + separator + element + text.slice(end);
}
