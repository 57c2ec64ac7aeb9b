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
  /** Files a build writes: never sources, but what they import is what the published package needs. */
  isOutput(file: string): boolean;
  /** The project's own declarations (with where they are): a declared package's peers are needed beside it. */
  declarations: ReadonlyArray<{ name: string; file: string; dev: boolean }>;
  /** The modules every entry point of the package loads; undefined when the entries could not be mapped to sources. */
  loadedByEveryEntry: ReadonlySet<string> | undefined;
  /** The peers an installed (or well-known) package needs beside it. */
  peersOf(name: string): readonly string[];
}

/** What Node.js gives every module without an import: code that uses it needs @types/node to type-check. */
const NODE_GLOBALS =
  /\b(process\.(env|argv|exit|cwd|platform|versions?|nextTick|stdout|stderr|on)\b|Buffer\.|__dirname\b|__filename\b|require\.resolve\b|NodeJS\.|global\.)/;

/**
 * Every use of a package by the project: its imports and `/// <reference types>`, what its tools load (configs,
 * scripts, tsconfig, Nx targets), the peers that the packages it uses need beside them, and `@types/x` wherever
 * `x` is used (`@types/node` wherever a Node.js built-in or global is).
 */
export function npmUses(project: ShipshapeProject, context: NpmUseContext): DependencyUse[] {
  const { uses, builtins } = importUses(project, context);
  uses.push(...toolUses(project, context.declared));
  uses.push(...peerUses(uses, context));
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
  const nodeTypes = context.declared.has('@types/node');
  for (const { file, info } of project.get(typescriptSources).all()) {
    if (!info) continue;
    if (context.isOutput(file)) {
      uses.push(...outputUses(file, info.imports, context));
      continue;
    }
    const role = typescriptRole(relative(file), layout);
    for (const ref of info.imports) {
      const aliased = resolveAlias(aliases, ref.specifier);
      if (aliased !== undefined) {
        const target = context.workspace.find((w) => isWithin(aliased.target, w.project.root));
        if (target?.npm && target.npm.name !== context.ownName) uses.push(use(ref, file, role, target.npm.name, target.project.name, true));
        continue;
      }
      const target = specifierTarget(ref.specifier);
      if (target.kind === 'local') continue;
      if (target.kind === 'builtin' && !(context.declared.has(target.name) && !ref.specifier.startsWith('node:'))) {
        builtins.push(use(ref, file, role, 'node'));
        continue;
      }
      if (target.name === context.ownName) continue;
      const found = use(ref, file, role, target.name, byNpmName.get(target.name));
      if (context.loadedByEveryEntry) found.reachedByEveryEntry = context.loadedByEveryEntry.has(file);
      uses.push(found);
    }
    for (const reference of info.typeReferences) {
      const target = specifierTarget(reference.name);
      if (target.kind === 'package' && target.name !== context.ownName) {
        uses.push({
          ...use(
            {
              ...reference,
              specifier: reference.name,
              kind: 'import',
              typeOnly: true,
              sideEffect: false,
              guarded: false,
              inFunction: false,
            },
            file,
            role,
            target.name,
          ),
        });
      }
    }
    if (nodeTypes && !/\.d\.[cm]?ts$/.test(file) && NODE_GLOBALS.test(project.workspace.source.read(file) ?? '')) {
      builtins.push({
        name: 'node',
        file,
        line: 0,
        column: 0,
        role,
        typeOnly: true,
        guarded: false,
        topLevel: false,
        specifier: 'node',
        declaredOnly: true,
      });
    }
  }
  return { uses, builtins };
}

/** The packages a build output (published, or about to be) imports: users need them, whatever the sources say. */
function outputUses(file: string, imports: readonly ImportRef[], context: NpmUseContext): DependencyUse[] {
  return imports.flatMap((ref) => {
    const target = specifierTarget(ref.specifier);
    if (target.kind !== 'package' || target.name === context.ownName || !context.declared.has(target.name)) return [];
    return [{ ...use(ref, file, 'runtime', target.name), declaredOnly: true, inOutput: true }];
  });
}

function use(ref: ImportRef, file: string, role: UseRole, name: string, workspaceProject?: string, throughAlias = false): DependencyUse {
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
  if (throughAlias) found.throughAlias = true;
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

/**
 * The declared peers of what the project uses or declares (react-dom beside @testing-library/react, tslib
 * beside @rollup/plugin-typescript), and their peers in turn: the host's declaration keeps them, whether or not
 * its own use can be seen.
 */
function peerUses(uses: readonly DependencyUse[], context: NpmUseContext): DependencyUse[] {
  const found: DependencyUse[] = [];
  const seen = new Set(uses.map((u) => u.name));
  const hosts: DependencyUse[] = context.declarations.map((d) => ({
    name: d.name,
    file: d.file,
    line: 0,
    column: 0,
    role: d.dev ? 'dev' : 'runtime',
    typeOnly: false,
    guarded: false,
    topLevel: false,
    specifier: d.name,
    declaredOnly: true,
  }));
  const queue = [...uses, ...hosts];
  for (let i = 0; i < queue.length; i++) {
    const host = queue[i];
    for (const peer of context.peersOf(host.name)) {
      if (seen.has(peer) || !context.declared.has(peer)) continue;
      seen.add(peer);
      const peerUse: DependencyUse = { ...host, name: peer, specifier: peer, declaredOnly: true, guarded: false, peerOf: host.name };
      found.push(peerUse);
      queue.push(peerUse);
    }
  }
  return found;
}

function typesUses(uses: readonly DependencyUse[], declared: ReadonlySet<string>): DependencyUse[] {
  return uses.flatMap((use) => {
    const types = typesPackageOf(use.name);
    return declared.has(types) ? [{ ...use, name: types, typeOnly: true, declaredOnly: true }] : [];
  });
}
