import { Node, Project, ts, type SourceFile, type Symbol as TsSymbol } from 'ts-morph';
import { SOURCE_FILE } from './import-graph';
import { type FileView, projectRelative } from '@shipshape/core';

export interface ExportedName {
  name: string;
  /** Exported as a type only (interface, type alias, `export type`): re-export it with `export type`. */
  typeOnly: boolean;
}

/**
 * One project's sources in an in-memory ts-morph program, as a view shows them (a generator's Tree with its
 * pending changes, or the disk). Paths in the program are `/` + the workspace-relative path.
 */
export function inMemoryProgram(view: FileView): Project {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { allowJs: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.Preserve, noEmit: true },
  });
  for (const file of view.files()) {
    if (!SOURCE_FILE.test(file) || !projectRelative(view.root, file).split('/').every((s) => s !== 'node_modules')) continue;
    const text = view.read(file);
    if (text !== undefined && !text.includes('\u0000')) project.createSourceFile(`/${file}`, text, { overwrite: true });
  }
  return project;
}

export const programPath = (file: string) => `/${file}`;
export const workspacePath = (source: SourceFile) => source.getFilePath().replace(/^\//, '');

/** What a module really exports, `export *` chains followed, with whether each name is a type only. */
export function moduleExports(project: Project, source: SourceFile): ExportedName[] {
  const symbol = source.getSymbol();
  if (!symbol) return [];
  return project
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
  if (Node.isNamespaceExport(node)) return (node.getParent() as { isTypeOnly?: () => boolean }).isTypeOnly?.() === true;
  return false;
}
