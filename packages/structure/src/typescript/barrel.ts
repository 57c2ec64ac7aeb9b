import { posix } from 'node:path';
import type { ExportDeclaration, Project, SourceFile } from 'ts-morph';
import { isLibrarySource, libraryTsconfig, projectRelative, type ShipshapeProject } from '@shipshape/core';
import { exportsProgram, moduleExports, programPath, type ExportedName } from './module-exports';
import { projectSources } from './project-sources';

export interface BarrelPlan {
  /** Workspace-relative path of the barrel. */
  path: string;
  text: string;
  created: boolean;
  notes: string[];
}

const MAX_LINE = 100;

/**
 * The barrel at `path` with every `export * from` written out as the names the module really exports
 * (`export { A } from './a'`, `export type { T } from './a'`); created from the folder's modules when missing.
 * Undefined when there is nothing to change.
 */
export function planBarrel(project: ShipshapeProject, path: string): BarrelPlan | undefined {
  const program = project.get(exportsProgram);
  const source = program.getSourceFile(programPath(path));
  if (!source) return createBarrel(project, path, program);
  const notes: string[] = [];
  const stars = source.getExportDeclarations().filter(isStarExport);
  if (stars.length === 0) return undefined;
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  const explicit = new Set(explicitExportNames(source));
  const starNames = stars.map((star) => starExports(program, star));
  const count = new Map<string, number>();
  for (const names of starNames) for (const { name } of names ?? []) count.set(name, (count.get(name) ?? 0) + 1);
  stars.forEach((star, i) => {
    const names = starNames[i];
    const specifier = star.getModuleSpecifier()!.getText();
    if (!names) {
      notes.push(
        `${path}:${star.getStartLineNumber()} re-exports everything of ${specifier}, which is not a source file of the project; left as it is`,
      );
      return;
    }
    const ambiguous = names.filter((n) => (count.get(n.name) ?? 0) > 1 && !explicit.has(n.name));
    for (const { name } of ambiguous)
      notes.push(`${path}: "${name}" comes from more than one "export *"; TypeScript exports neither, so neither is listed`);
    const kept = names.filter((n) => n.name !== 'default' && !explicit.has(n.name) && (count.get(n.name) ?? 0) === 1);
    const typeOnly = star.isTypeOnly();
    const text = exportStatements(
      kept.map((n) => ({ ...n, typeOnly: n.typeOnly || typeOnly })),
      specifier,
      star.getText().trimEnd().endsWith(';'),
    );
    replacements.push({ start: star.getStart(), end: star.getEnd(), text });
  });
  // Spliced into the original text, so that comments and formatting around each statement stay as they are.
  let text = source.getFullText();
  for (const { start, end, text: statement } of replacements.sort((a, b) => b.start - a.start))
    text = text.slice(0, start) + statement + text.slice(end);
  return { path, text, created: false, notes };
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
  for (const [name, declarations] of source.getExportedDeclarations()) {
    if (declarations.some((d) => d.getSourceFile() === source)) names.push(name);
  }
  return names;
}

function starExports(program: Project, star: ExportDeclaration): ExportedName[] | undefined {
  const target = star.getModuleSpecifierSourceFile();
  return target && !target.isInNodeModules() ? moduleExports(program, target) : undefined;
}

function exportStatements(names: ExportedName[], specifier: string, semicolon: boolean): string {
  const end = semicolon ? ';' : '';
  const values = names.filter((n) => !n.typeOnly).map((n) => n.name);
  const types = names.filter((n) => n.typeOnly).map((n) => n.name);
  const statements: string[] = [];
  if (values.length > 0) statements.push(exportStatement('export', values, specifier, end));
  if (types.length > 0) statements.push(exportStatement('export type', types, specifier, end));
  // A module that exports nothing was still loaded by `export *`: keep loading it.
  return statements.length > 0 ? statements.join('\n') : `export {} from ${specifier}${end}`;
}

function exportStatement(keyword: string, names: string[], specifier: string, end: string): string {
  const inline = `${keyword} { ${names.join(', ')} } from ${specifier}${end}`;
  return inline.length <= MAX_LINE ? inline : `${keyword} {\n${names.map((n) => `  ${n},`).join('\n')}\n} from ${specifier}${end}`;
}

/** A new barrel for a folder: the public names of each of its modules and of its sub-barrels, explicitly. */
function createBarrel(project: ShipshapeProject, path: string, program: Project): BarrelPlan | undefined {
  const folder = posix.dirname(path);
  const notes: string[] = [];
  const extension = relativeImportExtension(project, folder);
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const module of barrelMembers(project, folder, path)) {
    const source = program.getSourceFile(programPath(module));
    if (!source) continue;
    const stem = module
      .slice(folder.length + 1)
      .replace(/\/index\.[cm]?[jt]sx?$/, '')
      .replace(/\.[cm]?[jt]sx?$/, '');
    const names = moduleExports(program, source).filter((n) => n.name !== 'default');
    for (const clash of names.filter((n) => seen.has(n.name)))
      notes.push(`"${clash.name}" is exported by more than one module of ${folder}; ${module} does not re-export it`);
    const fresh = names.filter((n) => !seen.has(n.name));
    fresh.forEach((n) => seen.add(n.name));
    if (fresh.length > 0) lines.push(exportStatements(fresh, `'./${stem}${extension}'`, true));
  }
  if (lines.length === 0) {
    notes.push(`${folder} has no module with exports; no barrel written`);
    return { path, text: '', created: false, notes };
  }
  return { path, text: `${lines.join('\n')}\n`, created: true, notes };
}

/** The modules a folder barrel re-exports: its library source files and the barrels of its sub-folders; internals left out. */
function barrelMembers(project: ShipshapeProject, folder: string, barrel: string): string[] {
  const members: string[] = [];
  for (const file of project.get(projectSources).files) {
    if (!file.startsWith(`${folder}/`) || file === barrel) continue;
    const rest = file.slice(folder.length + 1).split('/');
    if (!isLibrarySource(projectRelative(project.root, file)) || rest.some((s) => s.startsWith('_') || s === 'internal')) continue;
    if (rest.length === 1 || (rest.length === 2 && /^index\.[cm]?[jt]sx?$/.test(rest[1]))) members.push(file);
  }
  return members.sort();
}

/**
 * How the project writes relative imports: with `.js` (ES modules under node16/nodenext resolution) or
 * without an extension. Read from the imports it already has, else from the tsconfig.
 */
function relativeImportExtension(project: ShipshapeProject, folder?: string): '' | '.js' {
  const count = (files: readonly string[]) => {
    let withJs = 0;
    for (const file of files) {
      for (const match of (project.workspace.source.read(file) ?? '').matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g))
        withJs += /\.[cm]?js$/.test(match[1]) ? 1 : -1;
    }
    return withJs;
  };
  // Sources only: a build's output (tsc writes `.js` specifiers) says nothing of how the project writes its imports.
  const sources = project.get(projectSources).files;
  const local = folder === undefined ? 0 : count(sources.filter((f) => posix.dirname(f) === folder));
  const balance = local !== 0 ? local : count(sources);
  if (balance !== 0) return balance > 0 ? '.js' : '';
  const resolution = project.get(libraryTsconfig)?.compilerOptions.moduleResolution;
  return typeof resolution === 'string' && ['node16', 'nodenext'].includes(resolution.toLowerCase()) ? '.js' : '';
}

/** The entry barrel's path for a project without one: src/index.ts. */
export const DEFAULT_ENTRY = 'src/index.ts';
