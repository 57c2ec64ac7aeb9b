import { posix } from 'node:path';
import { libraryTsconfig, projectRelative, type JsonEdit, type ShipshapeProject } from '@shipshape/core';
import { repositoryPages } from '../../metadata/git';
import { isUnpublished } from '../../metadata/metadata-check';
import { entryPoints } from '../../typescript/entry-points';
import { sideEffectModules } from '../../typescript/library-modules';
import { bundledByConsumers, nodeRuntimeEvidence } from '../../typescript/package-kind';
import { descriptionLeft, personString, type MetadataSources } from './sources';

export interface FieldPlan<Edit> {
  edits: Edit[];
  /** Fields that stay missing, with why: shown to the user after the run. */
  left: string[];
}

type Manifest = Record<string, unknown>;

/** The package.json fields that are missing and that the workspace can tell; fields the user wrote are never touched. */
export function planPackageJson(manifest: Manifest, project: ShipshapeProject, sources: MetadataSources): FieldPlan<JsonEdit> {
  const edits: JsonEdit[] = [];
  const left: string[] = [];
  // A package that is never published needs no publishing metadata: the checks ask for none.
  if (isUnpublished(project))
    return { edits, left: ['is private: publishing metadata (description, license, urls, engines, files...) left as it is'] };
  const fill = (field: string, value: unknown, why: string) => {
    if (manifest[field] !== undefined) return;
    if (value === undefined) left.push(`"${field}": ${why}`);
    else edits.push({ path: [field], value });
  };
  const repo = sources.repository;
  const pages = repo && repositoryPages(repo, project.root, sources.branch);

  fill('description', sources.readme?.paragraph, descriptionLeft(sources.readme));
  fill('license', sources.license?.id, 'no LICENSE file whose license is recognisable, and no license in the root package.json');
  fill(
    'repository',
    repo && { type: 'git', url: repo.git, ...(project.root === '.' ? {} : { directory: project.root }) },
    'no git remote "origin" and no repository in the root package.json',
  );
  fill('homepage', pages?.homepage, 'no repository to link to');
  fill(
    'bugs',
    pages?.issues && { url: pages.issues },
    repo ? 'the repository host has no known issue tracker address' : 'no repository to link to',
  );
  fill('author', sources.author && personString(sources.author), 'no author in the root package.json and no git user.name');
  // engines.node only for a package that runs on Node.js; for a browser library it would state nothing true.
  if (nodeRuntimeEvidence(project)) fillEngines(manifest, sources, edits, left);
  if (bundledByConsumers(project))
    fill(
      'sideEffects',
      project.get(sideEffectModules).length === 0 ? false : undefined,
      'some modules run code when loaded; list them in "sideEffects" yourself',
    );
  fillPublishedFiles(manifest, project, edits, left);
  return { edits, left };
}

function fillEngines(manifest: Manifest, sources: MetadataSources, edits: JsonEdit[], left: string[]) {
  const engines = manifest.engines as Record<string, unknown> | undefined;
  if (engines?.node !== undefined) return;
  if (!sources.nodeEngines) left.push('"engines.node": the root package.json has no engines.node to take it from');
  else
    edits.push(
      engines ? { path: ['engines', 'node'], value: sources.nodeEngines } : { path: ['engines'], value: { node: sources.nodeEngines } },
    );
}

/** Top-level entries of the project a "files" list would leave out and nothing shows to be unneeded at run time. */
const NEVER_SHIPPED =
  /^(src|tests?|__tests__|spec|e2e|docs?|examples?|scripts|tools|bench(marks?)?|coverage|node_modules|\..*|.*\.config\.[cm]?[jt]s|tsconfig.*\.json|project\.json|package\.json|README.*|LICEN[CS]E.*|CHANGELOG.*|.*\.md|.*\.tsbuildinfo|vitest\.workspace\.[jt]s|jest\.preset\.js)$/i;
function otherShippable(project: ShipshapeProject, folders: readonly string[]): string[] {
  return project.workspace.source
    .children(project.root === '.' ? '' : project.root)
    .filter((name) => !folders.includes(name) && !NEVER_SHIPPED.test(name));
}

/**
 * "files" from the folder the entry points are built into (also next to an exports map: without "files" npm
 * leaves out what .gitignore ignores, build output included), and "types" next to "main" when the library
 * tsconfig emits declarations there. Nothing when the entry points name sources (the build config is phase 4's).
 */
function fillPublishedFiles(manifest: Manifest, project: ShipshapeProject, edits: JsonEdit[], left: string[]) {
  const entries = project.get(entryPoints).filter((e) => e.output);
  const folders = [
    ...new Set(entries.map((e) => projectRelative(project.root, e.path).split('/')[0]).filter((f) => f && f !== '..' && !f.includes('.'))),
  ].sort();
  // Without "files", npm packs what .gitignore does not ignore, and build output usually is ignored. A "files" list
  // also leaves out everything else: written only when nothing else at the project's root could be read at run time.
  if (manifest.files === undefined) {
    const unexplained = folders.length > 0 ? otherShippable(project, folders) : [];
    if (folders.length > 0 && unexplained.length === 0) edits.push({ path: ['files'], value: folders });
    else if (folders.length > 0)
      left.push(
        `"files": ${JSON.stringify(folders)} would leave out ${unexplained.slice(0, 3).join(', ')}${unexplained.length > 3 ? ', ...' : ''}, which the package may read at run time: list what it ships yourself`,
      );
    else if (manifest.exports === undefined) left.push('"files": the entry points do not name a build output folder');
  }
  const hasTypes =
    manifest.types !== undefined || manifest.typings !== undefined || JSON.stringify(manifest.exports ?? {}).includes('"types"');
  if (hasTypes) return;
  const main = typeof manifest.main === 'string' ? manifest.main : undefined;
  const options = project.get(libraryTsconfig)?.compilerOptions ?? {};
  const outDir = typeof options.outDir === 'string' ? options.outDir : undefined;
  const mainPath = main && posix.normalize(posix.join(project.root, main));
  if (
    main &&
    /\.c?js$/.test(main) &&
    outDir &&
    mainPath?.startsWith(`${outDir}/`) &&
    (options.declaration === true || options.composite === true)
  ) {
    edits.push({ path: ['types'], value: main.replace(/\.js$/, '.d.ts').replace(/\.cjs$/, '.d.cts') });
  } else {
    left.push('"types": "main" is not a build output of a tsconfig that emits declarations');
  }
}
