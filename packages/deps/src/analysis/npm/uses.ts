import {
  isWithin,
  pathAliases,
  projectFiles,
  projectRelative,
  projectTools,
  resolveAlias,
  specifierTarget,
  typesPackageOf,
  typescriptRole,
  typescriptSources,
  type ImportRef,
  type ShipshapeProject,
  type WorkspacePackage,
} from '@shipshape/core';
import { depsOptions } from '../../options';
import type { DependencyUse, UseRole } from '../model';

interface NpmUseContext {
  /** The package's own name: importing itself is no dependency. */
  ownName: unknown;
  /** Names the project or the workspace root declare: what tools reference counts only for these. */
  declared: ReadonlySet<string>;
  /** The other packages of the workspace. */
  workspace: readonly WorkspacePackage[];
}

/**
 * Every use of a package by the project: its imports, and what its tools load (configs, scripts, tsconfig,
 * Nx targets); `@types/x` is used wherever `x` is, `@types/node` wherever a Node.js built-in is imported.
 */
export function npmUses(project: ShipshapeProject, context: NpmUseContext): DependencyUse[] {
  const { uses, builtins } = importUses(project, context);
  uses.push(...toolUses(project, context.declared));
  uses.push(...typesUses([...uses, ...builtins], context.declared));
  return uses;
}

function importUses(project: ShipshapeProject, context: NpmUseContext): { uses: DependencyUse[]; builtins: DependencyUse[] } {
  const uses: DependencyUse[] = [];
  const builtins: DependencyUse[] = [];
  const relative = (file: string) => projectRelative(project.root, file);
  const layout = {
    hasSrc: project.get(projectFiles).some((f) => relative(f.file).startsWith('src/')),
    devFiles: depsOptions(project).devFiles ?? [],
  };
  const aliases = project.get(pathAliases);
  const byNpmName = new Map(context.workspace.flatMap((w) => (w.npm ? [[w.npm.name, w.project.name] as const] : [])));
  for (const { file, info } of project.get(typescriptSources).all()) {
    if (!info) continue;
    const role = typescriptRole(relative(file), layout);
    for (const ref of info.imports) {
      const aliased = resolveAlias(aliases, ref.specifier);
      if (aliased !== undefined) {
        const target = context.workspace.find((w) => isWithin(aliased.target, w.project.root));
        if (target?.npm && target.npm.name !== context.ownName) uses.push(use(ref, file, role, target.npm.name, target.project.name));
        continue;
      }
      const target = specifierTarget(ref.specifier);
      if (target.kind === 'local') continue;
      if (target.kind === 'builtin' && !(context.declared.has(target.name) && !ref.specifier.startsWith('node:'))) {
        builtins.push(use(ref, file, role, 'node'));
        continue;
      }
      if (target.name === context.ownName) continue;
      uses.push(use(ref, file, role, target.name, byNpmName.get(target.name)));
    }
  }
  return { uses, builtins };
}

function use(ref: ImportRef, file: string, role: UseRole, name: string, workspaceProject?: string): DependencyUse {
  const topLevel = ref.kind === 'import' || ref.kind === 'export' || ref.kind === 'import-equals' || !ref.inFunction;
  const found: DependencyUse = {
    name,
    file,
    line: ref.line,
    column: ref.column,
    role,
    typeOnly: ref.typeOnly,
    guarded: ref.guarded,
    topLevel,
    specifier: ref.specifier,
    declaredOnly: false,
  };
  if (workspaceProject) found.workspaceProject = workspaceProject;
  return found;
}

/** Packages the project's npm tools load, declared ones only: a name in a config never makes a package missing. */
function toolUses(project: ShipshapeProject, declared: ReadonlySet<string>): DependencyUse[] {
  return project
    .get(projectTools)
    .filter((tool) => tool.adapter.ecosystem === 'npm')
    .flatMap((tool) => tool.references.packages)
    .filter((ref) => declared.has(ref.name))
    .map((ref) => ({
      name: ref.name,
      file: ref.file,
      line: ref.line,
      column: ref.column,
      role: ref.role,
      typeOnly: ref.typeOnly === true,
      guarded: false,
      topLevel: false,
      specifier: ref.name,
      declaredOnly: true,
    }));
}

function typesUses(uses: readonly DependencyUse[], declared: ReadonlySet<string>): DependencyUse[] {
  return uses.flatMap((use) => {
    const types = typesPackageOf(use.name);
    return declared.has(types) ? [{ ...use, name: types, typeOnly: true, declaredOnly: true }] : [];
  });
}
