import { posix } from 'node:path';
import {
  decodeSource,
  defineFact,
  defineWorkspaceFact,
  inProject,
  parseJson,
  rootManifests,
  type FileSource,
  type ShipshapeProject,
} from '@shipshape/core';
import { hostedRepository, readGitFacts, type GitFacts, type HostedRepository } from '../../metadata/git';
import { LICENSE_FILE_NAMES, detectLicense } from '../../metadata/license-file';
import { README_FILE_NAMES, readmeLead } from '../../metadata/readme';
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
  /** The project's README (project-relative), and its lead paragraph unless it is a scaffold's boilerplate. */
  readme?: { file: string; paragraph?: string; boilerplate?: string; unreadable?: string };
  author?: Person;
  nodeEngines?: string;
}

type RootPackage = { license?: unknown; author?: unknown; repository?: unknown; engines?: { node?: unknown } };

/** What git knows about the workspace (its origin remote, its user), asked once per run. */
const gitFacts = defineWorkspaceFact({
  id: 'structure/git',
  compute: (workspace): GitFacts => readGitFacts(workspace.root),
});

/** What the workspace tells about a project's missing metadata: its git remote, root package.json, LICENSE, README, author. */
export const metadataSources = defineFact({
  id: 'structure/metadata-sources',
  inputs: [gitFacts, rootManifests],
  compute: (project, git, root): MetadataSources => {
    const rootPackage = (root.packageJson ?? {}) as RootPackage;
    const defaultBase = nxDefaultBase(project.workspace.source);
    return {
      repository: repositoryOf(git, rootPackage),
      branch: defaultBase ?? 'main',
      license: licenseOf(project, rootPackage),
      readme: readmeOf(project),
      author: authorOf(rootPackage, git),
      nodeEngines: typeof rootPackage.engines?.node === 'string' ? rootPackage.engines.node : undefined,
    };
  },
});

function nxDefaultBase(source: FileSource): string | undefined {
  const text = source.read('nx.json');
  try {
    const base = text === undefined ? undefined : parseJson<{ defaultBase?: unknown }>(text, 'nx.json').defaultBase;
    return typeof base === 'string' ? base : undefined;
  } catch {
    return undefined; // a malformed nx.json is Nx's to report
  }
}

function repositoryOf(git: GitFacts, rootPackage: RootPackage): HostedRepository | undefined {
  const fromGit = git.remoteUrl ? hostedRepository(git.remoteUrl) : undefined;
  if (fromGit) return fromGit;
  const declared = rootPackage.repository;
  const url =
    typeof declared === 'string'
      ? declared
      : typeof declared === 'object' && declared !== null
        ? (declared as { url?: unknown }).url
        : undefined;
  return typeof url === 'string' ? hostedRepository(url) : undefined;
}

function licenseFile(source: FileSource, dir: string): { path: string; id?: string } | undefined {
  for (const name of LICENSE_FILE_NAMES) {
    const path = inProject(dir, name);
    if (source.isFile(path)) return { path, id: detectLicense(source.read(path) ?? '') };
  }
  return undefined;
}

/** The project's own LICENSE file first, then the root package.json license, then the workspace LICENSE file. */
function licenseOf(project: ShipshapeProject, rootPackage: RootPackage): MetadataSources['license'] {
  const { source } = project.workspace;
  const own = project.root === '.' ? undefined : licenseFile(source, project.root);
  if (own?.id) return { id: own.id, from: own.path, projectFile: posix.relative(project.root, own.path) };
  if (own) return undefined; // the project's own license text is not one we can name: do not guess
  const declared = rootPackage.license;
  if (typeof declared === 'string' && checkSpdxExpression(declared).valid)
    return { id: declared, from: 'package.json', projectFile: undefined };
  const workspace = licenseFile(source, '.');
  if (workspace?.id) return { id: workspace.id, from: workspace.path };
  return undefined;
}

function readmeOf(project: ShipshapeProject): MetadataSources['readme'] {
  for (const name of README_FILE_NAMES) {
    const path = project.file(name);
    if (!project.workspace.source.isFile(path)) continue;
    // A README in another encoding would give a description with U+FFFD in place of what it says.
    const decoded = decodeSource(project.workspace.source.readBytes(path));
    return decoded.error !== undefined ? { file: name, unreadable: decoded.error } : { file: name, ...readmeLead(decoded.text) };
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

/** Why the README gives no description: none, only a heading, or a scaffold's sentence (never copied). */
export function descriptionLeft(readme: MetadataSources['readme']): string {
  if (!readme) return 'the project has no README to take it from: write it yourself';
  if (readme.unreadable) return `${readme.file} ${readme.unreadable}: not read for a description; write it yourself`;
  if (readme.boilerplate)
    return `the first paragraph of ${readme.file} is generated boilerplate ("${readme.boilerplate.length > 60 ? `${readme.boilerplate.slice(0, 57)}...` : readme.boilerplate}"), not a description: write it yourself`;
  return `${readme.file} has no paragraph under its title to take it from: write it yourself`;
}

/** `Name <email> (url)`, npm's one-line person. */
export function personString(person: Person): string {
  return [person.name, person.email && `<${person.email}>`, person.url && `(${person.url})`].filter(Boolean).join(' ');
}
