import { inProject, locateJson } from '@shipshape/core';
import type { DependencyFacts } from '../facts';
import type { DepsInput } from '../input';
import type { DependencyUse, VersionSuggestion } from '../model';
import { otherWorkspacePackages } from '../workspace';
import { declaredNames, npmDeclared, parseNpmManifest, type NpmManifest } from './manifest';
import { rangeFor } from './ranges';
import { typesPackageOf } from './specifiers';
import { npmUses } from './uses';

/** The npm side of a project with a package.json; undefined when it has none. */
export function npmFacts(input: DepsInput): DependencyFacts | undefined {
  const manifestFile = inProject(input.project.root, 'package.json');
  const manifestText = input.read(manifestFile);
  if (manifestText === undefined) return undefined;
  const manifest = parseNpmManifest(manifestText, manifestFile);
  const declared = npmDeclared(manifest, manifestFile);
  const rootManifest = readRootManifest(input);
  const rootDeclared = new Set(input.project.root === '.' ? [] : declaredNames(rootManifest));
  const declaredAnywhere = new Set([...declared.map((d) => d.name), ...rootDeclared]);
  const workspace = otherWorkspacePackages(input);
  const installation = input.npmInstallation();
  const projectDir = input.project.root;

  const { uses, builtins } = npmUses({ input, manifest, manifestFile, manifestText, declared: declaredAnywhere, workspace, installation, projectDir });
  uses.push(...typesUses(uses, builtins, declaredAnywhere));

  let broughtBy: Map<string, string> | undefined;
  const byNpmName = new Map(workspace.filter((w) => w.npm).map((w) => [w.npm!.name, w.npm!]));
  const style = input.options.rangeStyle ?? 'caret';
  return {
    ecosystem: 'npm',
    project: input.project.name,
    manifest: { file: manifestFile, text: manifestText },
    declared,
    uses,
    key: (name) => name,
    rootDeclared,
    broughtBy(name) {
      broughtBy ??= installation.closure([...declaredAnywhere], projectDir);
      return broughtBy.get(name);
    },
    version(name): VersionSuggestion | undefined {
      const local = byNpmName.get(name);
      if (local?.version) return { spec: rangeFor(local.version, style), source: 'workspace' };
      const installed = installation.resolve(name, projectDir);
      return installed ? { spec: rangeFor(installed.version, style), source: 'installed' } : undefined;
    },
    stdlib: new Set(),
    ignored: new Set(input.options.ignoreDependencies ?? []),
    locate: (d) => locateJson(manifestText, d.path) ?? { line: 1, column: 1 },
    publishable: manifest.private !== true,
  };
}

/** `@types/x` is used wherever `x` is; `@types/node` wherever a Node.js built-in is imported. Declared ones only. */
function typesUses(uses: DependencyUse[], builtins: DependencyUse[], declared: ReadonlySet<string>): DependencyUse[] {
  const typed: DependencyUse[] = [];
  for (const use of [...uses, ...builtins]) {
    const types = typesPackageOf(use.name);
    if (declared.has(types)) typed.push({ ...use, name: types, typeOnly: true, declaredOnly: true });
  }
  return typed;
}

function readRootManifest(input: DepsInput): NpmManifest | undefined {
  const text = input.read('package.json');
  if (text === undefined) return undefined;
  try {
    return parseNpmManifest(text, 'package.json');
  } catch {
    return undefined; // the root project's own audit reports a malformed root package.json
  }
}
