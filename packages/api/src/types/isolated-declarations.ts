import { Node, ts, type Project } from 'ts-morph';
import { defineFact, type ShipshapeProject } from '@shipshape/core';
import { absolutePath, publicDeclarations, typesProgram, type PublicDeclaration } from './program';

/** The isolatedDeclarations diagnostics (TS9007-TS9026, TS9037-TS9039); TS9027-TS9036 are their hints. */
export function isIsolatedDeclarationsCode(code: number): boolean {
  return (code >= 9007 && code <= 9026) || (code >= 9037 && code <= 9039);
}

/** What each code asks for, shortly, for messages. */
const WHAT: Record<number, string> = {
  9007: 'no explicit return type',
  9008: 'no explicit return type',
  9009: 'no explicit accessor type',
  9010: 'no explicit type',
  9011: 'a parameter without an explicit type',
  9012: 'a property without an explicit type',
  9013: 'an expression whose type is inferred',
  9025: 'a parameter whose declared type omits undefined',
  9037: 'a default export whose type is inferred',
};

export function whatCodeAsks(code: number): string {
  return WHAT[code] ?? 'a type only the checker can infer';
}

/** One isolatedDeclarations diagnostic inside a public declaration. */
export interface MissingType {
  declaration: PublicDeclaration;
  code: number;
  /** Offset in the file's text (as the program read it). */
  start: number;
  line: number;
  column: number;
  message: string;
}

/**
 * The compiler's own isolatedDeclarations diagnostics on the project's program (the project's options plus
 * `declaration` and `isolatedDeclarations`), kept only inside the declarations a public entry exports.
 */
export const missingTypes = defineFact({
  id: 'api/missing-types',
  inputs: [typesProgram, publicDeclarations],
  compute: (project, program, declarations): MissingType[] => isolatedDiagnostics(project, program, declarations),
});

export function isolatedDiagnostics(
  project: ShipshapeProject,
  program: Project,
  declarations: readonly PublicDeclaration[],
): MissingType[] {
  const compiler = program.getProgram().compilerObject;
  const byFile = new Map<string, PublicDeclaration[]>();
  for (const d of declarations) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const found: MissingType[] = [];
  for (const [file, inFile] of byFile) {
    const source = compiler.getSourceFile(absolutePath(project, file));
    if (!source) continue;
    const seen = new Set<number>();
    for (const diagnostic of compiler.getDeclarationDiagnostics(source)) {
      if (!isIsolatedDeclarationsCode(diagnostic.code) || diagnostic.start === undefined || seen.has(diagnostic.start)) continue;
      const start = diagnostic.start;
      // the innermost public declaration that holds it (a class and its member: the class is what was exported)
      const declaration = inFile.find((d) => d.node.getStart() <= start && start < d.node.getEnd());
      if (!declaration) continue;
      seen.add(start);
      const { line, character } = source.getLineAndCharacterOfPosition(start);
      found.push({
        declaration,
        code: diagnostic.code,
        start,
        line: line + 1,
        column: character + 1,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
      });
    }
  }
  return found.sort((a, b) => a.declaration.file.localeCompare(b.declaration.file) || a.start - b.start);
}

/** A short description of the node a diagnostic points at, for messages: `createStore`, `Store.dispatch`. */
export function diagnosticSubject(missing: MissingType): string {
  const node = missing.declaration.node.getSourceFile().getDescendantAtPos(missing.start);
  const named = node?.getFirstAncestor((a) => Node.hasName(a) && !Node.isSourceFile(a)) ?? node;
  const name = named && Node.hasName(named) ? named.getName() : undefined;
  return name && name !== missing.declaration.name ? `${missing.declaration.name} (${name})` : missing.declaration.name;
}
