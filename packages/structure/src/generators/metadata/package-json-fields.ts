import { posix } from 'node:path';
import { libraryTsconfig, projectRelative, type JsonEdit, type ShipshapeProject } from '@shipshape/core';
import { repositoryPages } from '../../metadata/git';
import { entryPoints } from '../../typescript/entry-points';
import { sideEffectModules } from '../../typescript/library-modules';
import { personString, type MetadataSources } from './sources';

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
  const fill = (field: string, value: unknown, why: string) => {
    if (manifest[field] !== undefined) return;
    if (value === undefined) left.push(`"${field}": ${why}`);
    else edits.push({ path: [field], value });
  };
  const repo = sources.repository;
  const pages = repo && repositoryPages(repo, project.root, sources.branch);

  fill('description', sources.readme?.paragraph, 'the project has no README with a first paragraph to take it from');
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
  fillEngines(manifest, sources, edits, left);
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

/**
 * "files" from the folder the entry points are built into (also next to an exports map: without "files" npm
 * leaves out what .gitignore ignores, build output included), and "types" next to "main" when the library
 * tsconfig emits declarations there. Nothing when the entry points name sources (the build config is phase 4's).
 */
function fillPublishedFiles(manifest: Manifest, project: ShipshapeProject, edits: JsonEdit[], left: string[]) {
  const entries = project.get(entryPoints).filter((e) => e.source !== e.path);
  const folders = [
    ...new Set(entries.map((e) => projectRelative(project.root, e.path).split('/')[0]).filter((f) => f && f !== '..' && !f.includes('.'))),
  ];
  // Without "files", npm packs what .gitignore does not ignore, and build output usually is ignored.
  if (manifest.files === undefined) {
    if (folders.length > 0) edits.push({ path: ['files'], value: folders.sort() });
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
