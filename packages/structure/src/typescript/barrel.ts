import { posix } from 'node:path';
import type { Project } from 'ts-morph';
import {
  exportStatements,
  isLibrarySource,
  libraryTsconfig,
  moduleExports,
  programPath,
  projectRelative,
  starExpansions,
  type ShipshapeProject,
} from '@shipshape/core';
import { exportsProgram } from './module-exports';
import { projectSources } from './project-sources';

export interface BarrelPlan {
  /** Workspace-relative path of the barrel. */
  path: string;
  text: string;
  created: boolean;
  notes: string[];
}

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
  const expansions = starExpansions(program, source);
  if (expansions.length === 0) return undefined;
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  for (const { star, names, ambiguous } of expansions) {
    const specifier = star.getModuleSpecifier()!.getText();
    if (!names) {
      notes.push(
        `${path}:${star.getStartLineNumber()} re-exports everything of ${specifier}, which is not a source file of the project; left as it is`,
      );
      continue;
    }
    for (const name of ambiguous)
      notes.push(`${path}: "${name}" comes from more than one "export *"; TypeScript exports neither, so neither is listed`);
    const text = exportStatements(names, specifier, { semicolon: star.getText().trimEnd().endsWith(';') });
    replacements.push({ start: star.getStart(), end: star.getEnd(), text });
  }
  // Spliced into the original text, so that comments and formatting around each statement stay as they are.
  let text = source.getFullText();
  for (const { start, end, text: statement } of replacements.sort((a, b) => b.start - a.start))
    text = text.slice(0, start) + statement + text.slice(end);
  return { path, text, created: false, notes };
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
    if (fresh.length > 0) lines.push(exportStatements(fresh, `'./${stem}${extension}'`, { semicolon: true }));
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
