import type { Node, Project, SourceFile, Symbol as TsSymbol } from 'ts-morph';
import { tsMorph } from './lazy-ts-morph';

export interface ExportedName {
  name: string;
  /** Exported as a type only (interface, type alias, `export type`): re-export it with `export type`. */
  typeOnly: boolean;
}

/** What a module really exports, `export *` chains followed, with whether each name is a type only; sorted by name. */
export function moduleExports(program: Project, source: SourceFile): ExportedName[] {
  const symbol = source.getSymbol();
  if (!symbol) return [];
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
  return (target.getFlags() & tsMorph().ts.SymbolFlags.Value) === 0;
}

function isTypeOnlyAlias(node: Node): boolean {
  const { Node } = tsMorph();
  if (Node.isExportSpecifier(node)) return node.isTypeOnly() || node.getExportDeclaration().isTypeOnly();
  if (Node.isImportSpecifier(node)) return node.isTypeOnly() || node.getImportDeclaration().isTypeOnly();
  if (Node.isImportClause(node)) return node.isTypeOnly();
  if (Node.isNamespaceExport(node)) return (node.getParent() as { isTypeOnly?: () => boolean }).isTypeOnly?.() === true;
  return false;
}
