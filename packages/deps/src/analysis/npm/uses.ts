import { posix } from 'node:path';
import { locateJson, projectRelative, type ImportRef } from '@shipshape/core';
import type { DepsInput } from '../input';
import type { DependencyUse, UseRole } from '../model';
import { typescriptFileRole } from '../file-roles';
import type { WorkspacePackage } from '../workspace';
import { CONFIG_FIELDS, CONFIG_FILE, configAliases, configStrings } from './config-strings';
import type { NpmInstallation } from './installed';
import type { NpmManifest } from './manifest';
import { scriptReferences } from './scripts';
import { specifierTarget } from './specifiers';
import { pathAliases, projectTsconfigs, resolveAlias } from './tsconfig';

export interface NpmUseContext {
  input: DepsInput;
  manifest: NpmManifest;
  manifestFile: string;
  manifestText: string;
  /** Names the project or the workspace root declare: config strings and binaries count only for these. */
  declared: ReadonlySet<string>;
  workspace: WorkspacePackage[];
  installation: NpmInstallation;
  projectDir: string;
}

/** Every use of a package by the project: imports, built-ins (for @types/node), scripts, configs, tsconfig. */
export function npmUses(context: NpmUseContext): { uses: DependencyUse[]; builtins: DependencyUse[] } {
  const uses: DependencyUse[] = [];
  const builtins: DependencyUse[] = [];
  importUses(context, uses, builtins);
  scriptUses(context, uses);
  configUses(context, uses);
  tsconfigUses(context, uses);
  return { uses, builtins };
}

function importUses(context: NpmUseContext, uses: DependencyUse[], builtins: DependencyUse[]) {
  const { input, manifest } = context;
  const root = input.project.root;
  const files = input.projectFiles().map((f) => projectRelative(root, f));
  const layout = { hasSrc: files.some((f) => f.startsWith('src/')), devFiles: input.options.devFiles ?? [] };
  const aliases = pathAliases(input);
  const byNpmName = new Map(context.workspace.filter((w) => w.npm).map((w) => [w.npm!.name, w]));
  for (const { file, info } of input.typescriptModules()) {
    const role = typescriptFileRole(projectRelative(root, file), layout);
    for (const ref of info.imports) {
      const aliased = resolveAlias(aliases, ref.specifier);
      if (aliased !== undefined) {
        const target = context.workspace.find((w) => aliased === w.root || aliased.startsWith(`${w.root}/`));
        if (target?.npm && target.npm.name !== manifest.name) uses.push(use(ref, file, role, target.npm.name, target.project));
        continue;
      }
      const target = specifierTarget(ref.specifier);
      if (target.kind === 'local') continue;
      if (target.kind === 'builtin' && !(context.declared.has(target.name) && !ref.specifier.startsWith('node:'))) {
        builtins.push(use(ref, file, role, 'node'));
        continue;
      }
      if (target.name === manifest.name) continue;
      uses.push(use(ref, file, role, target.name, byNpmName.get(target.name)?.project));
    }
  }
}

function use(ref: ImportRef, file: string, role: UseRole, name: string, workspaceProject?: string): DependencyUse {
  const topLevel = ref.kind === 'import' || ref.kind === 'export' || ref.kind === 'import-equals' || !ref.inFunction;
  const found: DependencyUse = { name, file, line: ref.line, column: ref.column, role, typeOnly: ref.typeOnly, guarded: ref.guarded, topLevel, specifier: ref.specifier, declaredOnly: false };
  if (workspaceProject) found.workspaceProject = workspaceProject;
  return found;
}

const INSTALL_SCRIPTS = new Set(['preinstall', 'install', 'postinstall']);

function scriptUses(context: NpmUseContext, uses: DependencyUse[]) {
  const scripts = context.manifest.scripts;
  if (!scripts || typeof scripts !== 'object') return;
  const owners = binaryOwners(context);
  for (const [name, command] of Object.entries(scripts)) {
    if (typeof command !== 'string') continue;
    const role: UseRole = INSTALL_SCRIPTS.has(name) ? 'runtime' : 'dev';
    const at = locateJson(context.manifestText, ['scripts', name]) ?? { line: 0, column: 0 };
    for (const reference of scriptReferences(command)) {
      const owner = reference.kind === 'module' ? specifierTarget(reference.name) : undefined;
      const pkg = reference.kind === 'bin' ? owners(reference.name) : owner?.kind === 'package' ? owner.name : undefined;
      if (!pkg) continue;
      uses.push({ name: pkg, file: context.manifestFile, ...at, role, typeOnly: false, guarded: false, topLevel: false, specifier: reference.name, declaredOnly: true });
    }
  }
}

/** Binary name to the declared package that provides it: declared packages' `bin`, else the node_modules/.bin link. */
function binaryOwners(context: NpmUseContext): (bin: string) => string | undefined {
  let byBin: Map<string, string> | undefined;
  return (bin) => {
    if (!byBin) {
      byBin = new Map();
      for (const name of context.declared) {
        for (const provided of Object.keys(context.installation.resolve(name, context.projectDir)?.bin ?? {})) if (!byBin.has(provided)) byBin.set(provided, name);
      }
    }
    return byBin.get(bin) ?? context.installation.binaryOwner(bin, context.projectDir) ?? (context.declared.has(bin) ? bin : undefined);
  };
}

function configUses(context: NpmUseContext, uses: DependencyUse[]) {
  const { input } = context;
  const found = (value: string) => configAliases(value).map((v) => specifierTarget(v)).find((t) => t.kind === 'package' && context.declared.has(t.name));
  const add = (file: string, strings: Array<{ value: string; line: number; column: number }>) => {
    for (const { value, line, column } of strings) {
      const target = found(value);
      if (target?.kind === 'package') uses.push({ name: target.name, file, line, column, role: 'dev', typeOnly: false, guarded: false, topLevel: false, specifier: value, declaredOnly: true });
    }
  };
  for (const file of input.projectFiles()) {
    if (!CONFIG_FILE.test(file) || file.endsWith('/package.json')) continue;
    const text = input.read(file);
    if (text !== undefined) add(file, configStrings(text));
  }
  for (const field of CONFIG_FIELDS) {
    const value = context.manifest[field];
    if (value === undefined) continue;
    const at = locateJson(context.manifestText, [field]) ?? { line: 0, column: 0 };
    add(context.manifestFile, configStrings(JSON.stringify(value)).map((s) => ({ ...s, ...at })));
  }
}

function tsconfigUses(context: NpmUseContext, uses: DependencyUse[]) {
  for (const config of projectTsconfigs(context.input)) {
    const role: UseRole = /tsconfig\.(spec|test|e2e|storybook)/.test(posix.basename(config.file)) ? 'dev' : 'runtime';
    const names = config.packages.map((p) => specifierTarget(p)).flatMap((t) => (t.kind === 'package' ? [t.name] : []));
    if (config.importHelpers) names.push('tslib');
    names.push('typescript');
    for (const name of names) {
      if (!context.declared.has(name)) continue;
      const typeOnly = name !== 'tslib';
      uses.push({ name, file: config.file, line: 0, column: 0, role: name === 'typescript' ? 'dev' : role, typeOnly, guarded: false, topLevel: false, specifier: name, declaredOnly: true });
    }
  }
}
