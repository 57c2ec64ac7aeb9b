import { Node, Project, ts, type SourceFile, type Symbol as TsSymbol } from 'ts-morph';
import { defineFact, projectFiles, projectRelative, sharedLibProject, TS_SOURCE_PATTERN } from '@shipshape/core';

export interface ExportedName {
  name: string;
  /** Exported as a type only (interface, type alias, `export type`): re-export it with `export type`. */
  typeOnly: boolean;
}

/**
 * The project's sources in an in-memory ts-morph program, as the run sees them (a generator's Tree with its
 * pending changes, or the disk): what a module really exports, `export *` chains followed. Paths in the
 * program are `/` + the workspace-relative path.
 */
export const exportsProgram = defineFact({
  id: 'structure/exports-program',
  inputs: [projectFiles],
  compute: (project, files): Project => {
    const program = sharedLibProject({
      useInMemoryFileSystem: true,
      skipAddingFilesFromTsConfig: true,
      compilerOptions: {
        allowJs: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        jsx: ts.JsxEmit.Preserve,
        noEmit: true,
      },
    });
    for (const { file } of files) {
      if (!TS_SOURCE_PATTERN.test(file) || projectRelative(project.root, file).split('/').includes('node_modules')) continue;
      const text = project.workspace.source.read(file);
      if (text !== undefined && !text.includes('\u0000')) program.createSourceFile(`/${file}`, text, { overwrite: true });
    }
    return program;
  },
});

export const programPath = (file: string) => `/${file}`;

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
