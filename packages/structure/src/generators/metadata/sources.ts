import { posix } from 'node:path';
import type { Tree } from '@nx/devkit';
import { inProject, parseJson } from '@shipshape/core';
import { hostedRepository, readGitFacts, type GitFacts, type HostedRepository } from '../../metadata/git';
import { LICENSE_FILE_NAMES, detectLicense } from '../../metadata/license-file';
import { README_FILE_NAMES, firstParagraph } from '../../metadata/readme';
import { checkSpdxExpression } from '../../metadata/spdx';

export interface Person {
  name: string;
  email?: string;
  url?: string;
}

/** Where missing metadata can come from: never invented, always read from the workspace. */
export interface MetadataSources {
  repository?: HostedRepository;
  /** The branch web links point at: nx.json defaultBase, else main. */
  branch: string;
  license?: { id: string; from: string; projectFile?: string };
  readme?: { file: string; paragraph?: string };
  author?: Person;
  nodeEngines?: string;
}

type RootPackage = { license?: unknown; author?: unknown; repository?: unknown; engines?: { node?: unknown } };

function readJson<T>(tree: Tree, path: string): T | undefined {
  if (!tree.exists(path)) return undefined;
  try {
    return parseJson<T>(tree.read(path, 'utf-8') ?? '', path);
  } catch {
    return undefined;
  }
}

export function readMetadataSources(tree: Tree, root: string, git: GitFacts = readGitFacts(tree.root)): MetadataSources {
  const rootPackage = readJson<RootPackage>(tree, 'package.json') ?? {};
  const nxJson = readJson<{ defaultBase?: unknown }>(tree, 'nx.json') ?? {};
  return {
    repository: repositoryOf(git, rootPackage),
    branch: typeof nxJson.defaultBase === 'string' ? nxJson.defaultBase : 'main',
    license: licenseOf(tree, root, rootPackage),
    readme: readmeOf(tree, root),
    author: authorOf(rootPackage, git),
    nodeEngines: typeof rootPackage.engines?.node === 'string' ? rootPackage.engines.node : undefined,
  };
}

function repositoryOf(git: GitFacts, rootPackage: RootPackage): HostedRepository | undefined {
  const fromGit = git.remoteUrl ? hostedRepository(git.remoteUrl) : undefined;
  if (fromGit) return fromGit;
  const declared = rootPackage.repository;
  const url = typeof declared === 'string' ? declared : typeof declared === 'object' && declared !== null ? (declared as { url?: unknown }).url : undefined;
  return typeof url === 'string' ? hostedRepository(url) : undefined;
}

function licenseFile(tree: Tree, dir: string): { path: string; id?: string } | undefined {
  for (const name of LICENSE_FILE_NAMES) {
    const path = inProject(dir, name);
    if (tree.exists(path) && tree.isFile(path)) return { path, id: detectLicense(tree.read(path, 'utf-8') ?? '') };
  }
  return undefined;
}

/** The project's own LICENSE file first, then the root package.json license, then the workspace LICENSE file. */
function licenseOf(tree: Tree, root: string, rootPackage: RootPackage): MetadataSources['license'] {
  const own = root === '.' ? undefined : licenseFile(tree, root);
  if (own?.id) return { id: own.id, from: own.path, projectFile: posix.relative(root, own.path) };
  if (own) return undefined; // the project's own license text is not one we can name: do not guess
  const declared = rootPackage.license;
  if (typeof declared === 'string' && checkSpdxExpression(declared).valid) return { id: declared, from: 'package.json', projectFile: undefined };
  const workspace = licenseFile(tree, '.');
  if (workspace?.id) return { id: workspace.id, from: workspace.path };
  return undefined;
}

function readmeOf(tree: Tree, root: string): MetadataSources['readme'] {
  for (const name of README_FILE_NAMES) {
    const path = inProject(root, name);
    if (tree.exists(path) && tree.isFile(path)) return { file: name, paragraph: firstParagraph(tree.read(path, 'utf-8') ?? '') };
  }
  return undefined;
}

const PERSON = /^\s*([^<(]+?)\s*(?:<([^>]+)>)?\s*(?:\(([^)]+)\))?\s*$/;

function authorOf(rootPackage: RootPackage, git: GitFacts): Person | undefined {
  const declared = rootPackage.author;
  if (typeof declared === 'string') {
    const match = PERSON.exec(declared);
    if (match) return { name: match[1], email: match[2], url: match[3] };
  } else if (typeof declared === 'object' && declared !== null && typeof (declared as Person).name === 'string') {
    const { name, email, url } = declared as Person;
    return { name, email: typeof email === 'string' ? email : undefined, url: typeof url === 'string' ? url : undefined };
  }
  return git.userName ? { name: git.userName, email: git.userEmail } : undefined;
}

/** `Name <email> (url)`, npm's one-line person. */
export function personString(person: Person): string {
  return [person.name, person.email && `<${person.email}>`, person.url && `(${person.url})`].filter(Boolean).join(' ');
}
