import { Node, Project, ts, type ArrayLiteralExpression, type SourceFile } from 'ts-morph';

export const BOUNDARY_RULE = '@nx/enforce-module-boundaries';

export interface BoundaryRule {
  /** The `depConstraints` array of the rule's options, when it has one. */
  constraints?: ArrayLiteralExpression;
  /** The source tags the constraints name (`*` included). */
  sourceTags: string[];
  /** 1-based line of `depConstraints` (or of the rule when it has none). */
  line: number;
  source: SourceFile;
}

/** `@nx/enforce-module-boundaries` in an ESLint flat config, read from its syntax (the config is never run). */
export function findBoundaryRule(fileName: string, text: string): BoundaryRule | undefined {
  const source = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } }).createSourceFile(
    `/${fileName.replace(/\.[cm]?js$/, '.ts')}`,
    text,
    { scriptKind: ts.ScriptKind.TS },
  );
  const rule = source.getDescendants().find(
    (node) =>
      Node.isPropertyAssignment(node) &&
      node
        .getNameNode()
        .getText()
        .replace(/^['"`]|['"`]$/g, '') === BOUNDARY_RULE,
  );
  if (!rule || !Node.isPropertyAssignment(rule)) return undefined;
  const options = rule.getInitializer();
  const constraintsProperty = options?.getDescendants().find(
    (node) =>
      Node.isPropertyAssignment(node) &&
      node
        .getNameNode()
        .getText()
        .replace(/^['"`]|['"`]$/g, '') === 'depConstraints',
  );
  const constraints =
    constraintsProperty && Node.isPropertyAssignment(constraintsProperty) ? constraintsProperty.getInitializer() : undefined;
  if (!constraints || !Node.isArrayLiteralExpression(constraints)) return { sourceTags: [], line: rule.getStartLineNumber(), source };
  const sourceTags = constraints
    .getElements()
    .flatMap((element) => (Node.isObjectLiteralExpression(element) ? [element.getProperty('sourceTag')] : []))
    .flatMap((property) => (property && Node.isPropertyAssignment(property) ? [property.getInitializer()] : []))
    .flatMap((value) => (value && Node.isStringLiteral(value) ? [value.getLiteralValue()] : []));
  return { constraints, sourceTags, line: constraintsProperty!.getStartLineNumber(), source };
}

/** The config text with one more constraint at the end of depConstraints, the rest of the file as it was. */
export function addConstraint(rule: BoundaryRule, sourceTag: string, allowed: string[]): string {
  const constraints = rule.constraints!;
  const quote = /'/.test(constraints.getText()) || !/"/.test(constraints.getText()) ? "'" : '"';
  const list = (values: string[]) => values.map((v) => `${quote}${v}${quote}`).join(', ');
  const element = `{ sourceTag: ${quote}${sourceTag}${quote}, onlyDependOnLibsWithTags: [${list(allowed)}] }`;
  const text = rule.source.getFullText();
  const elements = constraints.getElements();
  const last = elements[elements.length - 1];
  if (!last) return text.slice(0, constraints.getStart() + 1) + element + text.slice(constraints.getEnd() - 1);
  const indent = /\n([ \t]*)$/.exec(text.slice(0, last.getStart()))?.[1];
  const separator = indent !== undefined ? `,\n${indent}` : ', ';
  const end = last.getEnd();
  return text.slice(0, end) + separator + element + text.slice(end);
}
