import { posix } from 'node:path';
import { isWithin, projectRelative } from '../../file-system/paths';
import { projectTools } from '../../tools/project-tools';
import type { OutputReference } from '../../tools/tool';
import { globRegExp } from '../../util/glob';
import { defineFact } from '../fact';
import type { ShipshapeProject } from '../shipshape-project';
import { projectFiles } from './files';
import { packageJson, type PackageJson } from './manifests';
import { libraryTsconfig } from './tsconfig';

/** How the source of a build output is known, from the strongest evidence to the weakest. */
export type SourceEvidence =
  /** The target is itself a source file (a plain-JS bin, a hand-written .d.ts, a TS entry). */
  | 'itself'
  /** A build config names it: a bundler entry (by output name, or the only entry of a bundle), tsc's rootDir → outDir. */
  | 'build-config'
  /** The same path below a source folder, output folders and format folders (`esm`, `cjs`, `legacy`) stripped. */
  | 'mirror'
  /** A bundle named after the package (`dist/redux.mjs`) is built from the package's src/index. */
  | 'package-name';

/** A file package.json names (main, module, types, browser, bin, an exports or typesVersions target), with its source. */
export interface PackageEntry {
  /** The package.json field path: ['exports', '.', 'import', 'default'], ['main'], ['bin', 'cli']. */
  field: (string | number)[];
  /** The public subpath of an `exports` entry ('.', './utils', './internal/*'); undefined for the other fields. */
  subpath?: string;
  /** The path as written. */
  target: string;
  /** Workspace-relative; a pattern keeps its `*`. */
  path: string;
  /** An exports or typesVersions pattern (`./dist/internal/*.js`). */
  pattern: boolean;
  /** `code` (JS), `types` (declarations), `other` (CSS, WASM, ...). */
  kind: 'code' | 'types' | 'other';
  /** The file is there (for a types target, also through typesVersions). */
  exists: boolean;
  /** Written by a build: under an output folder, or built from a source elsewhere. */
  output: boolean;
  /** Workspace-relative source it is built from (the target itself when it is source). */
  source?: string;
  /** For a pattern: every source file it exposes. */
  sources?: string[];
  evidence?: SourceEvidence;
  /** What says so, for messages: `packages/client/tsdown.config.ts`, `src/ (same path)`. */
  via?: string;
}

/** A folder a build writes. */
export interface OutputFolder {
  /** Workspace-relative. */
  dir: string;
  /** The config or field that says so. */
  via: string;
  /**
   * The folder holds sources too (tsc with `outDir: "."` and `rootDir: "src"`; a package that ships files
   * at its root): only the files that mirror a source are outputs.
   */
  mixed: boolean;
}

export interface BuildOutputs {
  /** Every entry package.json declares, with the source it is built from. */
  entries: PackageEntry[];
  /** The folders the project's builds write, from its tools' configs and from where package.json points. */
  folders: OutputFolder[];
  /** Existing files the build configs start from (bundler entries, ng-packagr's entryFile, an Nx build's main). */
  buildEntries: string[];
  /** A build is configured: a build script, a build tool's config, an Nx target writing outputs. */
  hasBuild: boolean;
  /** Is this workspace-relative file written by a build (so never a source, whether or not it is built now)? */
  isOutput(file: string): boolean;
  /** The source a build output (or a path where one would be) is built from. */
  sourceOf(path: string): { source: string; evidence: SourceEvidence; via: string } | undefined;
}

const CODE = /\.(?:[cm]?js|jsx)$/;
const TYPES = /\.d\.[cm]?ts$/;
const SOURCE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const TS_SOURCE = /(?<!\.d)\.[cm]?tsx?$/;
/** Output extensions, longest first: what is left is the output's name. */
const OUTPUT_EXTENSION = /(?:\.d\.[cm]?ts|\.[cm]?jsx?|\.[cm]?tsx?)(?:\.map)?$/;
/** Infixes bundlers add to an output's name (`redux.legacy-esm.js`, `tiny-invariant.cjs.js`, `web-vitals.umd.cjs`). */
const FORMAT_INFIX =
  /(?:\.(?:esm|cjs|umd|iife|es|amd|system|min|prod|production|dev|development|modern|legacy|legacy-esm|browser|node|module|bundle|global))+$/;
/** Folders bundlers and compilers write per format, below their out folder. */
const FORMAT_FOLDERS = new Set([
  'esm',
  'cjs',
  'es',
  'umd',
  'mjs',
  'commonjs',
  'module',
  'modern',
  'legacy',
  'browser',
  'node',
  'types',
  'typings',
  'dts',
  'declarations',
  'esm5',
  'esm2015',
  'esm2020',
  'esm2022',
  'fesm2015',
  'fesm2020',
  'fesm2022',
  'bundles',
  'source',
  'modules',
]);
/** Folders builds write at a package's root by convention. */
const CONVENTIONAL_OUTPUTS = ['dist', 'build', 'out', 'lib', 'es', 'esm', 'cjs', 'umd', 'bundles', 'types', 'typings', 'dts'];
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const ENTRY_FIELDS = ['main', 'module', 'types', 'typings', 'browser', 'unpkg', 'jsdelivr', 'react-native', 'svelte'];
const BUILD_SCRIPT = /(?:^|:)(?:build|compile|bundle|dist)(?::|$)|^(?:prepack|prepublish|prepublishOnly|prepare)$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Declared = Pick<PackageEntry, 'field' | 'target' | 'subpath'>;

function collectExports(node: unknown, field: (string | number)[], subpath: string | undefined, out: Declared[]) {
  if (typeof node === 'string') out.push({ field, target: node, subpath: subpath ?? '.' });
  else if (Array.isArray(node)) node.forEach((item, i) => collectExports(item, [...field, i], subpath, out));
  else if (isObject(node))
    for (const [key, value] of Object.entries(node)) collectExports(value, [...field, key], key.startsWith('.') ? key : subpath, out);
}

/** Every file package.json names: main, module, types, browser (and its replacements), bin, each exports and typesVersions target. */
export function declaredEntries(manifest: PackageJson): Declared[] {
  const found: Declared[] = [];
  for (const field of ENTRY_FIELDS) {
    const value = manifest[field];
    if (typeof value === 'string') found.push({ field: [field], target: value });
    else if (field === 'browser' && isObject(value))
      for (const [key, target] of Object.entries(value))
        if (typeof target === 'string' && target.startsWith('.')) found.push({ field: [field, key], target });
  }
  if (typeof manifest.bin === 'string') found.push({ field: ['bin'], target: manifest.bin });
  else if (isObject(manifest.bin))
    for (const [name, target] of Object.entries(manifest.bin)) if (typeof target === 'string') found.push({ field: ['bin', name], target });
  collectExports(manifest.exports, ['exports'], undefined, found);
  if (isObject(manifest.typesVersions))
    for (const [range, map] of Object.entries(manifest.typesVersions))
      if (isObject(map))
        for (const [key, targets] of Object.entries(map))
          (Array.isArray(targets) ? targets : []).forEach(
            (t, i) => typeof t === 'string' && found.push({ field: ['typesVersions', range, key, i], target: t }),
          );
  return found.filter(({ target }) => !/\.json$/.test(target));
}

/** The path a typesVersions map redirects a types path to (`index.d.ts` → `dist/types/index.d.ts`), when one matches. */
function typesVersionsTarget(manifest: PackageJson, rel: string): string[] {
  if (!isObject(manifest.typesVersions)) return [];
  return Object.values(manifest.typesVersions).flatMap((map) => {
    if (!isObject(map)) return [];
    return Object.entries(map).flatMap(([key, targets]) => {
      const star = key.indexOf('*');
      const matched =
        star < 0
          ? key === rel
            ? ''
            : undefined
          : rel.startsWith(key.slice(0, star)) && rel.endsWith(key.slice(star + 1))
            ? rel.slice(star, rel.length - (key.length - star - 1))
            : undefined;
      if (matched === undefined) return [];
      return (Array.isArray(targets) ? targets : [])
        .filter((t): t is string => typeof t === 'string')
        .map((t) => posix.normalize(t.replace('*', matched)));
    });
  });
}

const kindOf = (path: string): PackageEntry['kind'] =>
  TYPES.test(path) ? 'types' : CODE.test(path) || TS_SOURCE.test(path) ? 'code' : 'other';

/** The names an output could have been built under: without its extension, then without the bundler's format infixes. */
function outputNames(rel: string): string[] {
  const bare = rel.replace(OUTPUT_EXTENSION, '');
  const plain = bare.replace(FORMAT_INFIX, '');
  return plain !== bare && plain !== '' ? [bare, plain] : [bare];
}

class BuildOutputsImpl implements BuildOutputs {
  readonly entries: PackageEntry[];
  readonly folders: OutputFolder[] = [];
  readonly buildEntries: string[];
  readonly hasBuild: boolean;
  private readonly files: Set<string>;
  private readonly sourceRoots: string[];
  private readonly outputs: OutputReference[];
  private readonly outputMemo = new Map<string, boolean>();

  constructor(
    private readonly project: ShipshapeProject,
    manifest: PackageJson | undefined,
    listed: readonly string[],
  ) {
    this.files = new Set(listed);
    const tools = project.get(projectTools);
    this.outputs = tools
      .flatMap((tool) => tool.references.outputs)
      .map((o) => ({ ...o, dir: o.dir.replace(/\/+$/, '') || '.' }))
      .filter((o) => o.dir !== '.' && !o.dir.startsWith('..'));
    const tsconfig = project.get(libraryTsconfig);
    const rootDir = tsconfig?.compilerOptions.rootDir;
    const roots = new Set<string>();
    if (listed.some((f) => f.startsWith(project.file('src/')))) roots.add(project.file('src'));
    if (typeof rootDir === 'string' && isWithin(rootDir, project.root)) roots.add(rootDir);
    for (const output of this.outputs) if (output.from && isWithin(output.from, project.root)) roots.add(output.from);
    this.sourceRoots = [...roots];
    for (const output of this.outputs) {
      const mixed = output.dir === project.root || [...roots].some((root) => isWithin(root, output.dir));
      this.folders.push({ dir: output.dir, via: output.file, mixed });
    }
    // Next to TypeScript sources, a folder with a build's usual name that holds no TypeScript is what the build writes.
    if (roots.size > 0) {
      for (const name of CONVENTIONAL_OUTPUTS) {
        const dir = project.file(name);
        if (this.folders.some((f) => f.dir === dir) || [...roots].some((root) => isWithin(root, dir))) continue;
        const inside = listed.filter((f) => isWithin(f, dir));
        if (inside.length > 0 && !inside.some((f) => TS_SOURCE.test(f)))
          this.folders.push({ dir, via: `the ${name}/ folder next to the sources`, mixed: false });
      }
    }
    const scripts = isObject(manifest?.scripts) ? Object.keys(manifest.scripts) : [];
    this.hasBuild = this.outputs.length > 0 || scripts.some((name) => BUILD_SCRIPT.test(name));
    this.buildEntries = this.expand(
      tools.flatMap((tool) => tool.references.entries.filter((e) => e.kind === 'build').map((e) => e.pattern)),
    );
    this.entries = manifest ? this.mapEntries(manifest) : [];
  }

  /** Existing files a list of paths and globs names (a bundler entry may omit its extension: unbuild's `src/index`). */
  private expand(patterns: string[]): string[] {
    const found = new Set<string>();
    for (const pattern of patterns) {
      if (pattern.includes('*')) {
        const re = globRegExp(pattern);
        for (const file of this.files) if (re.test(file)) found.add(file);
      } else {
        const file = [pattern, ...SOURCE_EXTENSIONS.map((e) => pattern + e)].find((f) => this.files.has(f));
        if (file) found.add(file);
      }
    }
    return [...found].sort();
  }

  private isSourceFile(path: string): boolean {
    return this.files.has(path) && SOURCE.test(path) && !TYPES.test(path);
  }

  /** The source file a name (a path without extension) has below a folder. */
  private sourceNamed(folder: string, name: string, exclude: string): string | undefined {
    const base = name === '' ? folder : posix.join(folder, name);
    return [...SOURCE_EXTENSIONS.map((e) => base + e), ...SOURCE_EXTENSIONS.map((e) => `${base}/index${e}`)].find(
      (f) => f !== exclude && this.isSourceFile(f) && !this.underOutputFolder(f),
    );
  }

  private underOutputFolder(path: string): boolean {
    return this.folders.some((f) => !f.mixed && isWithin(path, f.dir));
  }

  /** What a build config says a path below its out folder is built from. */
  private fromConfig(path: string): { source: string; via: string } | undefined {
    for (const output of this.outputs) {
      if (!isWithin(path, output.dir) || path === output.dir) continue;
      const rel = posix.relative(output.dir, path);
      for (const name of this.strippedNames(rel)) {
        const named = output.names?.[name];
        const file = named !== undefined ? this.expand([named])[0] : undefined;
        if (file) return { source: file, via: output.file };
        const mirrored = output.from !== undefined ? this.sourceNamed(output.from, name, path) : undefined;
        if (mirrored) return { source: mirrored, via: output.file };
      }
      const single =
        output.entries && output.entries.length === 1 && !output.entries[0].includes('*') ? this.expand(output.entries)[0] : undefined;
      if (single && (CODE.test(path) || TYPES.test(path))) return { source: single, via: output.file };
    }
    return undefined;
  }

  /** A relative output path's names with the leading format folders stripped one by one (`cjs/exports/index` → `exports/index`). */
  private strippedNames(rel: string): string[] {
    const names: string[] = [];
    let parts = rel.split('/');
    for (;;) {
      names.push(...outputNames(parts.join('/')));
      if (parts.length < 2 || !FORMAT_FOLDERS.has(parts[0])) break;
      parts = parts.slice(1);
    }
    return names;
  }

  /** The names a path below a folder could mirror: as it is, and without the output folder (any name) and format folders. */
  private mirrorNames(rel: string): string[] {
    const parts = rel.split('/');
    return [...new Set([...this.strippedNames(rel), ...(parts.length > 1 ? this.strippedNames(parts.slice(1).join('/')) : [])])];
  }

  /** The same path below a source folder (the output folder and format folders stripped), or the TypeScript file beside it. */
  private mirror(path: string): { source: string; via: string } | undefined {
    const base = path.replace(OUTPUT_EXTENSION, '');
    const beside = TS_SOURCE.test(path)
      ? undefined
      : ['.ts', '.tsx', '.mts', '.cts'].map((e) => base + e).find((f) => this.isSourceFile(f));
    if (beside) return { source: beside, via: 'the TypeScript file beside it' };
    const names = this.mirrorNames(projectRelative(this.project.root, path));
    for (const root of this.sourceRoots) {
      if (isWithin(path, root)) continue;
      for (const name of names) {
        const found = this.sourceNamed(root, name, path);
        if (found) return { source: found, via: `${projectRelative(this.project.root, root) || '.'}/ (same path)` };
      }
    }
    return undefined;
  }

  /** The source folder an output folder mirrors (`dist/cjs/internal` → `src/internal`). */
  private mirrorFolder(folder: string): string | undefined {
    const names = [...this.mirrorNames(projectRelative(this.project.root, folder)), ''];
    for (const output of this.outputs) {
      if (output.from === undefined || !isWithin(folder, output.dir)) continue;
      const inside = posix.join(output.from, posix.relative(output.dir, folder));
      if (this.isSourceFolder(inside) && this.holdsSources(inside)) return inside;
    }
    for (const root of this.sourceRoots) {
      for (const name of names) {
        const candidate = name === '' ? root : posix.join(root, name);
        if (candidate !== folder && this.holdsSources(candidate)) return candidate;
      }
    }
    return undefined;
  }

  private holdsSources(folder: string): boolean {
    for (const file of this.files) if (isWithin(file, folder) && file !== folder && this.isSourceFile(file)) return true;
    return false;
  }

  sourceOf(path: string): { source: string; evidence: SourceEvidence; via: string } | undefined {
    const configured = this.fromConfig(path);
    if (configured) return { ...configured, evidence: 'build-config' };
    const mirrored = this.mirror(path);
    if (mirrored) return { ...mirrored, evidence: 'mirror' };
    return undefined;
  }

  isOutput(file: string): boolean {
    let found = this.outputMemo.get(file);
    if (found === undefined) {
      found = this.computeIsOutput(file);
      this.outputMemo.set(file, found);
    }
    return found;
  }

  private computeIsOutput(file: string): boolean {
    if (this.sourceRoots.some((root) => isWithin(file, root)) && !this.underOutputFolder(file)) return false;
    if (this.underOutputFolder(file)) return true;
    if (!(CODE.test(file) || TYPES.test(file) || /\.map$/.test(file))) return false;
    const mixed = this.folders.filter((f) => f.mixed && isWithin(file, f.dir));
    if (mixed.length === 0) return false;
    // In a folder that holds sources too, only what mirrors a source (or a package entry's output) is written by the build.
    return this.mirror(file.replace(/\.map$/, '')) !== undefined || this.fromConfig(file) !== undefined;
  }

  private mapEntries(manifest: PackageJson): PackageEntry[] {
    const name = typeof manifest.name === 'string' ? manifest.name.replace(/^@[^/]+\//, '') : undefined;
    const entries = declaredEntries(manifest).map((entry) => this.mapEntry(manifest, entry, name));
    this.addEntryFolders(entries);
    // A file that looked like its own source (a bundle in a tarball) is an output when it sits in a folder the build writes.
    return entries.map((entry) =>
      entry.evidence === 'itself' && !entry.pattern && this.underOutputFolder(entry.path)
        ? { ...entry, output: true, source: undefined, evidence: undefined, via: undefined }
        : entry,
    );
  }

  private mapEntry(manifest: PackageJson, entry: Declared, name: string | undefined): PackageEntry {
    const path = posix.normalize(this.project.file(entry.target.replace(/^\.\//, '')));
    const pattern = path.includes('*');
    const kind = entry.field[0] === 'typesVersions' ? 'types' : kindOf(path);
    const isFile = (p: string) => this.project.workspace.source.isFile(p);
    const redirected =
      kind === 'types' && !pattern
        ? typesVersionsTarget(manifest, projectRelative(this.project.root, path)).map((t) => this.project.file(t))
        : [];
    const base = { ...entry, path, kind, pattern, exists: !pattern && (isFile(path) || redirected.some(isFile)) };
    if (pattern) return { ...base, ...this.mapPattern(path, kind) };
    if (kind === 'other') return { ...base, output: this.underOutputFolder(path) };
    const itself = { ...base, output: false, source: path, evidence: 'itself' as const, via: 'package.json' };
    // A TypeScript file, or any file below a source folder, is its own source.
    if (this.isSourceFile(path) && (TS_SOURCE.test(path) || this.isSourceFolder(path))) return itself;
    for (const candidate of [path, ...redirected]) {
      const mapped = this.sourceOf(candidate);
      if (mapped) return { ...base, output: true, ...mapped };
    }
    const guessed = this.byPackageName(path, name);
    if (guessed) return { ...base, output: true, source: guessed, evidence: 'package-name', via: 'the package name' };
    // Nothing builds it: a plain-JS file or a hand-written declaration shipped as it is.
    if (base.exists && !this.underOutputFolder(path) && (this.isSourceFile(path) || kind === 'types')) return itself;
    return { ...base, output: !base.exists || this.underOutputFolder(path) || this.hasBuild };
  }

  /**
   * A bundle named after the package (`dist/redux.mjs`, `dist/web-vitals.umd.cjs`), or `index`/`main`: the
   * package's src/index; `<package>.<part>` (`web-vitals.attribution.js`): src/<part>.
   */
  private byPackageName(path: string, name: string | undefined): string | undefined {
    const base = outputNames(posix.basename(path)).at(-1) ?? '';
    const part = name !== undefined && base.startsWith(`${name}.`) ? base.slice(name.length + 1) : undefined;
    if (base !== name && base !== 'index' && base !== 'main' && part === undefined) return undefined;
    for (const root of this.sourceRoots) {
      const found = this.sourceNamed(root, part ?? 'index', path);
      if (found) return found;
    }
    return undefined;
  }

  /** An exports pattern (`./dist/internal/*.js`): the source folder it mirrors, and every source file below it. */
  private mapPattern(path: string, kind: PackageEntry['kind']): Pick<PackageEntry, 'output' | 'source' | 'sources' | 'evidence' | 'via'> {
    const folder = posix.dirname(path.slice(0, path.indexOf('*') + 1));
    const inSources = this.isSourceFolder(folder) && this.holdsSources(folder);
    const sourceFolder = inSources ? folder : this.mirrorFolder(folder);
    if (!sourceFolder) return { output: this.underOutputFolder(path) || this.hasBuild };
    const suffix = path.slice(path.indexOf('*') + 1);
    // A declarations pattern (typesVersions' `dist/types/*`) exposes what tsc writes declarations for: TypeScript files.
    const wantsTypes = TYPES.test(suffix) || (suffix === '' && kind === 'types');
    const sources = [...this.files]
      .filter((f) => isWithin(f, sourceFolder) && this.isSourceFile(f) && !this.underOutputFolder(f))
      .filter((f) => (wantsTypes ? TS_SOURCE.test(f) : !inSources || f.endsWith(suffix)))
      .sort();
    return inSources
      ? { output: false, sources, evidence: 'itself', via: 'package.json' }
      : { output: true, sources, evidence: 'mirror', via: `${projectRelative(this.project.root, sourceFolder)}/ (same path)` };
  }

  private isSourceFolder(folder: string): boolean {
    return this.sourceRoots.some((root) => isWithin(folder, root)) && !this.underOutputFolder(folder);
  }

  /** The folder each built entry lives in (`dist`, `lib`, `esm`), when it holds no sources: the build writes it. */
  private addEntryFolders(entries: PackageEntry[]) {
    for (const entry of entries) {
      if (!entry.output || entry.evidence === 'itself') continue;
      const rel = projectRelative(this.project.root, entry.path);
      const parts = rel.split('/');
      if (parts.length < 2 || parts[0] === '..' || parts[0].includes('*')) {
        if (parts.length === 1 && !this.folders.some((f) => f.dir === this.project.root))
          this.folders.push({ dir: this.project.root, via: 'package.json', mixed: true });
        continue;
      }
      const dir = this.project.file(parts[0]);
      if (this.folders.some((f) => f.dir === dir) || this.isSourceFolder(dir)) continue;
      if (entry.source && isWithin(entry.source, dir)) continue;
      this.folders.push({ dir, via: 'package.json', mixed: false });
    }
  }
}

/**
 * Where the project's build writes, and which source each file package.json names is built from, read from
 * the build tools' configs (tsc's rootDir → outDir, bundler entries and out folders, ng-packagr, the Nx build
 * target), then from the layout (the same path below src/, format folders such as `esm`, `cjs`, `legacy`
 * stripped). Build outputs are never sources, whether or not the package is built.
 */
export const buildOutputs = defineFact({
  id: 'project/build-outputs',
  inputs: [packageJson, projectFiles, projectTools, libraryTsconfig],
  compute: (project, manifest, files): BuildOutputs =>
    new BuildOutputsImpl(
      project,
      manifest?.data,
      files.map((f) => f.file),
    ),
});
