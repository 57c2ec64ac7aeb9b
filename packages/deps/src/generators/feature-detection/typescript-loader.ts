import { join } from 'node:path';
import { generateFiles, OverwriteStrategy, type Tree } from '@nx/devkit';
import { inProject } from '@shipshape/core';

interface TypescriptLoader {
  /** Workspace-relative path of the loader module. */
  file: string;
  loaderName: string;
}

/** Where a project's loaders go: `src/optional/` (or `optional/` without a src folder). */
function loaderFolder(tree: Tree, root: string): string {
  return tree.exists(inProject(root, 'src')) ? inProject(root, 'src/optional') : inProject(root, 'optional');
}

/** `src/optional/<dependency>.ts` with `load<Dependency>()` and `has<Dependency>()`, and the shared error class; existing files are kept. */
export function scaffoldTypescriptLoader(tree: Tree, root: string, dependency: string): TypescriptLoader {
  const folder = loaderFolder(tree, root);
  const fileName = dependency.replace(/^@/, '').replace(/\//g, '-');
  const pascal = fileName
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
  const names = { loaderName: `load${pascal}`, probeName: `has${pascal}`, typeName: `${pascal}Module` };
  const substitutions = { dependency, fileName, installCommand: installCommand(tree, dependency), template: '', ...names };
  const keep = { overwriteStrategy: OverwriteStrategy.KeepExisting };
  generateFiles(tree, join(__dirname, 'files/typescript/error'), folder, substitutions, keep);
  generateFiles(tree, join(__dirname, 'files/typescript/loader'), folder, substitutions, keep);
  return { file: `${folder}/${fileName}.ts`, loaderName: names.loaderName };
}

/** The install command of the workspace's package manager, as the error message tells it. */
function installCommand(tree: Tree, dependency: string): string {
  if (tree.exists('pnpm-lock.yaml')) return `pnpm add ${dependency}`;
  if (tree.exists('yarn.lock')) return `yarn add ${dependency}`;
  if (tree.exists('bun.lockb') || tree.exists('bun.lock')) return `bun add ${dependency}`;
  return `npm install ${dependency}`;
}
