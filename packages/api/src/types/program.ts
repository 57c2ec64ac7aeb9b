import { statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { Node, Project, ts, type SourceFile } from 'ts-morph';
import {
  buildOutputs,
  DECLARATION_PATTERN,
  decodeSource,
  defineFact,
  defineBatchShared,
  isWithin,
  libraryTsconfig,
  matchesGlob,
  projectFiles,
  projectRelative,
  sharedLibProject,
  type ShipshapeProject,
} from '@shipshape/core';

/** TypeScript sources whose declarations can carry type annotations (JavaScript cannot). */
export const TYPED_SOURCE = /\.[cm]?tsx?$/;

const TEST_FILE = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__)\/|\.(?:spec|test|bench)\.[cm]?[tj]sx?$/;

/** Options of a tsconfig that only concern emitting or building, dropped from the analysis program. */
const BUILD_ONLY = ['noEmit', 'emitDeclarationOnly', 'incremental', 'tsBuildInfoFile', 'composite', 'outFile', 'out', 'build'];

type TypeScriptModule = Pick<typeof ts, 'convertCompilerOptionsFromJson' | 'version'>;

/**
 * The project's compiler options, in the given TypeScript's terms: its library tsconfig (the `extends` chain
 * followed) as TypeScript 5 reads it (TypeScript 6, which ts-morph bundles, changed the defaults of `strict`
 * and `types`), without the options that only concern emitting. Without a tsconfig: strict, modern defaults.
 */
export function projectCompilerOptions(project: ShipshapeProject, typescript: TypeScriptModule = ts): ts.CompilerOptions {
  const modern = Number(typescript.version.split('.')[0]) >= 6;
  const config = project.get(libraryTsconfig);
  const json: Record<string, unknown> = config
    ? { strict: false, ...config.compilerOptions }
    : { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx' };
  for (const key of BUILD_ONLY) delete json[key];
  if (modern) {
    json.ignoreDeprecations = '6.0';
    if (json.types === undefined) json.types = ['*'];
  }
  // core made the path options workspace-relative: resolve them against the workspace root
  const { options } = typescript.convertCompilerOptionsFromJson(json, project.workspaceRoot);
  if (config?.paths) options.pathsBasePath = join(project.workspaceRoot, config.paths.base);
  // TypeScript looks for @types from the tsconfig's folder up, and from the process's folder without a tsconfig
  // file: named here from the project's, as tsc on it would, so that nothing depends on where the audit runs
  if (options.typeRoots === undefined)
    options.typeRoots = typeRootsFrom(join(project.workspaceRoot, config ? posix.dirname(config.path) : project.root));
  return { ...options, skipLibCheck: true, noEmit: true };
}

/** TypeScript's default type roots: node_modules/@types of the folder and of every folder above it (those that exist). */
function typeRootsFrom(folder: string): string[] {
  const roots: string[] = [];
  for (let dir = folder; ; dir = dirname(dir)) {
    if (isDirectory(join(dir, 'node_modules/@types'))) roots.push(join(dir, 'node_modules/@types'));
    if (dirname(dir) === dir) return roots;
  }
}

const isDirectory = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** The compiler options the analysis runs with: the project's, plus `declaration` and `isolatedDeclarations`. */
export function analysisOptions(project: ShipshapeProject): ts.CompilerOptions {
  return { ...projectCompilerOptions(project), declaration: true, isolatedDeclarations: true };
}

/** The project's TypeScript sources and declaration files, as the typed program holds them (workspace-relative). */
function programFiles(project: ShipshapeProject): string[] {
  return project
    .get(projectFiles)
    .map(({ file }) => file)
    .filter((file) => /\.(?:[cm]?tsx?)$/.test(file) && !projectRelative(project.root, file).split('/').includes('node_modules'));
}

/** Adds the files to the program at their absolute paths, read through the run's file view. */
function addFiles(program: Project, project: ShipshapeProject, files: readonly string[]): void {
  for (const file of files) {
    const bytes = project.workspace.source.readBytes(file);
    const decoded = bytes && decodeSource(bytes);
    if (decoded && decoded.error === undefined) program.createSourceFile(absolutePath(project, file), decoded.text, { overwrite: true });
  }
}

/** Options that only say where a build writes: projects that differ in them alone analyse alike. */
const OUTPUT_LOCATIONS = ['rootDir', 'outDir', 'declarationDir'] as const;

/** The options without the output locations: what projects that can share one program have in common. */
export function withoutOutputLocations<T extends ts.CompilerOptions>(options: T): T {
  const shared = { ...options };
  for (const key of OUTPUT_LOCATIONS) delete shared[key];
  return shared;
}

/**
 * The project's typed program as the run sees it (a generator's Tree with its pending changes, or the disk):
 * every TS source and declaration file of the project read through the run's file view at its absolute
 * path, dependencies resolved from the disk's node_modules. ts-morph, on the real file system. In a batch, the
 * projects with the same analysis options (output locations aside) share one (core's defineBatchShared): a
 * workspace package many others import is parsed and checked once per part, not once per dependent. What could
 * differ from the project alone is a global declaration (a script, `declare global`) of another project there.
 */
export const typesProgram = defineBatchShared({
  id: 'api/types-program',
  member: (project) => {
    const files = programFiles(project);
    const options = analysisOptions(project);
    const shared = withoutOutputLocations(options);
    return { files, options, shared, key: files.length > 0 ? JSON.stringify(shared) : undefined };
  },
  key: (member) => member.key,
  size: (member) => member.files.length,
  build: (members): Project => {
    const { options, shared } = members[0].member;
    const program = sharedLibProject({
      compilerOptions: members.length > 1 ? shared : options,
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
    });
    for (const { project, member } of members) addFiles(program, project, member.files);
    return program;
  },
});

export const absolutePath = (project: ShipshapeProject, file: string): string => posix.join(project.workspaceRoot, file);
export const workspacePath = (project: ShipshapeProject, absolute: string): string => posix.relative(project.workspaceRoot, absolute);

const MAIN_FIELDS = ['main', 'module', 'types', 'typings'];
const DEFAULT_ENTRIES = ['src/index.ts', 'src/index.tsx', 'index.ts'];

/**
 * The TypeScript sources the package's public entries are built from: every exports subpath (patterns
 * included), else main/module/types; src/index.ts when package.json declares nothing. Workspace-relative.
 */
export const publicEntries = defineFact({
  id: 'api/public-entries',
  inputs: [buildOutputs],
  compute: (project, outputs): string[] => {
    const sourced = outputs.entries.filter((e) => e.kind !== 'other' && !(e.source && outputs.isOutput(e.source)));
    const hasExports = sourced.some((e) => e.field[0] === 'exports');
    const chosen = hasExports
      ? sourced.filter((e) => e.field[0] === 'exports')
      : sourced.filter((e) => MAIN_FIELDS.includes(String(e.field[0])));
    const sources = [...new Set(chosen.flatMap((e) => [...(e.source ? [e.source] : []), ...(e.sources ?? [])]))].filter(
      (f) => TYPED_SOURCE.test(f) && !DECLARATION_PATTERN.test(f) && !TEST_FILE.test(f),
    );
    if (sources.length > 0 || chosen.length > 0) return sources.sort();
    return DEFAULT_ENTRIES.map((f) => project.file(f)).filter((f) => project.workspace.source.isFile(f) && !outputs.isOutput(f));
  },
});

/** One declaration the public entries expose, in a TypeScript source of the project. */
export interface PublicDeclaration {
  /** The exported name it is reached by (the first, when several). */
  name: string;
  node: Node;
  /** Workspace-relative. */
  file: string;
}

/**
 * Every declaration of the project's own TypeScript sources that a public entry exports (export * and
 * re-export chains followed by the compiler): what a consumer of the package can reach by name.
 */
export const publicDeclarations = defineFact({
  id: 'api/public-declarations',
  inputs: [typesProgram, publicEntries],
  compute: (project, program, entries): PublicDeclaration[] => {
    const found = new Map<Node, PublicDeclaration>();
    for (const entry of entries) {
      const source = program.getSourceFile(absolutePath(project, entry));
      if (!source) continue;
      for (const [name, nodes] of source.getExportedDeclarations()) {
        for (const node of nodes) {
          const file = ownFile(project, node.getSourceFile());
          if (file && !found.has(node)) found.set(node, { name, node, file });
        }
      }
      // `export default <expression>` has no declaration of its own
      for (const assignment of source.getExportAssignments()) {
        const file = ownFile(project, source);
        if (file && !found.has(assignment)) found.set(assignment, { name: 'default', node: assignment, file });
      }
    }
    return [...found.values()].sort((a, b) => a.file.localeCompare(b.file) || a.node.getStart() - b.node.getStart());
  },
});

/** The workspace-relative path of a TypeScript source of the project (not a declaration file, not a dependency). */
function ownFile(project: ShipshapeProject, source: SourceFile): string | undefined {
  const file = workspacePath(project, source.getFilePath());
  if (file.startsWith('..') || !TYPED_SOURCE.test(file) || DECLARATION_PATTERN.test(file)) return undefined;
  // another workspace package's sources (reached through `export * from '@scope/core'`) are its own API
  if (!isWithin(file, project.root) || projectRelative(project.root, file).split('/').includes('node_modules')) return undefined;
  return file;
}

/** A tsconfig `include` / `exclude` entry as a glob: a folder means everything below it. */
function asGlob(pattern: string): string {
  return /[*?{]/.test(pattern.split('/').pop() ?? '') || /\.[a-z]+$/i.test(pattern) ? pattern : `${pattern.replace(/\/$/, '')}/**/*`;
}

/**
 * The TypeScript sources the library tsconfig compiles (everything of the project without one), declaration
 * files and build outputs left out, tests too unless asked for. Workspace-relative.
 */
export function compiledSources(project: ShipshapeProject, withTests: boolean): string[] {
  const outputs = project.get(buildOutputs);
  const config = project.get(libraryTsconfig);
  const include = config?.files || config?.include ? [...(config.files ?? []), ...(config.include ?? []).map(asGlob)] : undefined;
  const exclude = (config?.exclude ?? []).map(asGlob);
  return project
    .get(projectFiles)
    .map((f) => f.file)
    .filter(
      (file) =>
        TYPED_SOURCE.test(file) &&
        !DECLARATION_PATTERN.test(file) &&
        (withTests || !TEST_FILE.test(file)) &&
        !projectRelative(project.root, file).split('/').includes('node_modules') &&
        !outputs.isOutput(file) &&
        (!include || include.some((g) => matchesGlob(file, g))) &&
        !exclude.some((g) => matchesGlob(file, g)),
    )
    .sort();
}

/** The library's own TypeScript sources: what its library tsconfig compiles, tests left out. Workspace-relative. */
export const librarySources = defineFact({
  id: 'api/library-sources',
  inputs: [projectFiles, buildOutputs],
  compute: (project): string[] => compiledSources(project, false),
});
