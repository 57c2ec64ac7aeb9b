import { Node, ts, type ExportDeclaration, type Project, type SourceFile, type Symbol as TsSymbol } from 'ts-morph';
import type { ShipshapeProject } from '@shipshape/core';
import { subpathStars } from '../../exports/star-export-entry';
import { exportsProgram, programPath } from '../../exports/typescript-entries';

const MAX_LINE = 100;

interface ExportedName {
  name: string;
  typeOnly: boolean;
}

/** The subpath entries with every reported `export *` written out as the names its module exports; notes for what is left. */
export function explicitStars(project: ShipshapeProject): {
  changes: Array<{ path: string; content: string }>;
  done: string[];
  left: string[];
} {
  const stars = subpathStars(project);
  const changes: Array<{ path: string; content: string }> = [];
  const done: string[] = [];
  const left: string[] = [];
  if (stars.length === 0) return { changes, done, left };
  const program = project.get(exportsProgram);
  for (const entry of [...new Set(stars.map((s) => s.entry))]) {
    const text = project.workspace.source.read(entry);
    const source = program.getSourceFile(programPath(entry));
    if (text === undefined || !source || source.getFullText() !== text) {
      left.push(`${entry}: could not be read as it is on disk; its export * statements are left as they are`);
      continue;
    }
    const reported = new Set(stars.filter((s) => s.entry === entry).map((s) => s.line));
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const all = source.getExportDeclarations().filter(isStarExport);
    const names = all.map((star) => starExports(program, star));
    const count = new Map<string, number>();
    for (const list of names) for (const { name } of list ?? []) count.set(name, (count.get(name) ?? 0) + 1);
    const explicit = new Set(explicitExportNames(source));
    const replacements: Array<{ start: number; end: number; text: string }> = [];
    all.forEach((star, i) => {
      if (!reported.has(star.getStartLineNumber())) return;
      const list = names[i];
      const specifier = star.getModuleSpecifier()!.getText();
      if (!list) {
        left.push(`${entry}:${star.getStartLineNumber()}: ${specifier} could not be read; export * left as it is`);
        return;
      }
      for (const { name } of list.filter((n) => (count.get(n.name) ?? 0) > 1 && !explicit.has(n.name)))
        left.push(`${entry}: "${name}" comes from more than one export *; TypeScript exports neither, so neither is listed`);
      const kept = list.filter((n) => n.name !== 'default' && !explicit.has(n.name) && (count.get(n.name) ?? 0) === 1);
      const statement = exportStatements(
        kept.map((n) => ({ ...n, typeOnly: n.typeOnly || star.isTypeOnly() })),
        specifier,
        star.getText().trimEnd().endsWith(';'),
        eol,
      );
      replacements.push({ start: star.getStart(), end: star.getEnd(), text: statement });
      done.push(
        `${entry}:${star.getStartLineNumber()}: export * from ${specifier} → ${kept.length} named export${kept.length === 1 ? '' : 's'}`,
      );
    });
    if (replacements.length === 0) continue;
    // Spliced into the original text: comments, formatting and line endings around each statement stay as they are.
    let content = text;
    for (const r of replacements.sort((a, b) => b.start - a.start)) content = content.slice(0, r.start) + r.text + content.slice(r.end);
    changes.push({ path: entry, content });
  }
  return { changes, done, left };
}

function isStarExport(declaration: ExportDeclaration): boolean {
  return !declaration.hasNamedExports() && !declaration.getNamespaceExport() && declaration.hasModuleSpecifier();
}

function explicitExportNames(source: SourceFile): string[] {
  const names: string[] = [];
  for (const declaration of source.getExportDeclarations()) {
    for (const specifier of declaration.getNamedExports()) names.push(specifier.getAliasNode()?.getText() ?? specifier.getName());
    const namespace = declaration.getNamespaceExport();
    if (namespace) names.push(namespace.getName());
  }
  for (const [name, declarations] of source.getExportedDeclarations())
    if (declarations.some((d) => d.getSourceFile() === source)) names.push(name);
  return names;
}

function starExports(program: Project, star: ExportDeclaration): ExportedName[] | undefined {
  const target = star.getModuleSpecifierSourceFile();
  const symbol = target && !target.isInNodeModules() ? target.getSymbol() : undefined;
  if (!symbol) return undefined;
  return program
    .getTypeChecker()
    .getExportsOfModule(symbol)
    .map((exported) => ({ name: exported.getName(), typeOnly: isTypeOnly(exported) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

function isTypeOnly(symbol: TsSymbol): boolean {
  let current: TsSymbol | undefined = symbol;
  for (let depth = 0; current && depth < 32; depth++) {
    if (current.getDeclarations().some(isTypeOnlyAlias)) return true;
    if (!current.isAlias()) break;
    current = current.getImmediatelyAliasedSymbol();
  }
  const target = symbol.isAlias() ? (symbol.getAliasedSymbol() ?? symbol) : symbol;
  return (target.getFlags() & ts.SymbolFlags.Value) === 0;
}

function isTypeOnlyAlias(node: Node): boolean {
  if (Node.isExportSpecifier(node)) return node.isTypeOnly() || node.getExportDeclaration().isTypeOnly();
  if (Node.isImportSpecifier(node)) return node.isTypeOnly() || node.getImportDeclaration().isTypeOnly();
  if (Node.isImportClause(node)) return node.isTypeOnly();
  return false;
}

function exportStatements(names: ExportedName[], specifier: string, semicolon: boolean, eol: string): string {
  const end = semicolon ? ';' : '';
  const values = names.filter((n) => !n.typeOnly).map((n) => n.name);
  const types = names.filter((n) => n.typeOnly).map((n) => n.name);
  const statements: string[] = [];
  if (values.length > 0) statements.push(exportStatement('export', values, specifier, end, eol));
  if (types.length > 0) statements.push(exportStatement('export type', types, specifier, end, eol));
  // A module that exports nothing was still loaded by `export *`: keep loading it.
  return statements.length > 0 ? statements.join(eol) : `export {} from ${specifier}${end}`;
}

function exportStatement(keyword: string, names: string[], specifier: string, end: string, eol: string): string {
  const inline = `${keyword} { ${names.join(', ')} } from ${specifier}${end}`;
  return inline.length <= MAX_LINE ? inline : `${keyword} {${eol}${names.map((n) => `  ${n},`).join(eol)}${eol}} from ${specifier}${end}`;
}
