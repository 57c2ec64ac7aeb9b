import type { ShipshapeProject } from '../facts/shipshape-project';

/** A place in a file: 1-based line and column; 0 when the reference is the file (or field) as a whole. */
export interface Place {
  /** Workspace-relative. */
  file: string;
  line: number;
  column: number;
}

/** A package a tool's configuration (or its use in a script or target) makes the project need. */
export interface PackageReference extends Place {
  /** npm package or Python distribution name, as it would be declared. */
  name: string;
  /** `runtime` only for what users of the library load too (tslib under importHelpers); tools are `dev`. */
  role: 'runtime' | 'dev';
  /** Needed to type-check only (`@types/*` through `types`). */
  typeOnly?: boolean;
  /** How the configuration names it, for messages: `coverage.provider "v8"`, `preset "ts-jest"`. */
  via: string;
}

/** A file the tool starts from: a bundler entry, a test file pattern, the config file itself. */
export interface EntryReference extends Place {
  /** Workspace-relative path or glob (`src/**\/*.spec.ts`). */
  pattern: string;
  kind: 'build' | 'test' | 'config' | 'script';
}

/** A folder the tool writes, and where its files come from: `dist/` from `src/` (tsc), `dist/` from entries (bundlers). */
export interface OutputReference extends Place {
  /** Workspace-relative output folder. */
  dir: string;
  /**
   * Workspace-relative source folder the outputs mirror (tsc's rootDir: `dist/a/b.js` from `src/a/b.ts`); for a
   * bundler, the folder of its glob entries (`src/**\/*.ts` unbundled).
   */
  from?: string;
  /** Entries it builds from, workspace-relative (bundlers). */
  entries?: string[];
  /**
   * Output name (the path below `dir`, without extension) → the entry it is built from, workspace-relative:
   * a record's key (`{ 'production/server': 'src/production.ts' }`), else the entry's path below the folder
   * the entries share (`src/links/httpLink.ts` → `links/httpLink`).
   */
  names?: Record<string, string>;
  /** Sub folders per format (`build/modern`, `build/legacy`), workspace-relative. */
  formats?: string[];
  /**
   * What the build inlines into its output: `undeclared`, every import that is not a dependency or peer
   * (tsup, tsdown, vite library mode), so library code may import devDependencies; plus the packages named
   * in `inlined` (`noExternal`).
   */
  inlines?: 'undeclared' | 'listed';
  inlined?: string[];
}

/** A dependency a Python build or package tool declares in its own tables (Poetry, PDM, Hatch, uv). */
export interface DeclaredReference extends Place {
  name: string;
  /** The requirement as written (`requests>=2`, or Poetry's `^2.0`). */
  spec: string;
  group: 'runtime' | 'optional' | 'dev';
  /** The table it is in, for messages and edits: `tool.poetry.group.dev.dependencies`. */
  section: string;
  /** Path of the entry in the manifest data. */
  path: string[];
}

export interface ToolReferences {
  packages: PackageReference[];
  entries: EntryReference[];
  outputs: OutputReference[];
  declared: DeclaredReference[];
}

/** A config file of a tool found in the project, with its text. */
export interface ToolConfigFile {
  /** Workspace-relative. */
  file: string;
  text: string;
}

/** What an adapter's `references` reads: the project, the tool's config files there, and its manifest fields. */
export interface ToolContext {
  project: ShipshapeProject;
  configs: ToolConfigFile[];
  /** Values of the tool's fields in package.json / tables in pyproject.toml, with where they are. */
  fields: Array<Place & { path: string[]; value: unknown }>;
}

/**
 * What Shipshape knows about one tool, in one folder under core/src/tools: what enables it, its config
 * files, and what its configuration references. Checks ask adapters; no check hard-codes a tool.
 */
export interface ToolAdapter {
  name: string;
  ecosystem: 'npm' | 'python';
  /** Packages (npm) or distributions (Python) whose declaration, by the project or the workspace root, enables the tool. */
  enablers: readonly string[];
  /** Config files, as globs relative to the project root; one found enables the tool. */
  configFiles: readonly string[];
  /** package.json fields (npm) or pyproject.toml tables (Python, dotted: `tool.pytest.ini_options`) that hold its config; one present enables it. */
  manifestFields?: readonly string[];
  /** Executables the tool's package provides (`tsc`): a script or target that runs one uses the first enabler. */
  binaries?: readonly string[];
  /** Config files also looked for at the workspace root (a shared eslint.config.mjs, nx.json). */
  workspaceConfigFiles?: readonly string[];
  /** What the configuration (and the tool's defaults) make the project use. */
  references?(context: ToolContext): Partial<ToolReferences>;
}

export function defineTool(adapter: ToolAdapter): ToolAdapter {
  if (!/^[a-z0-9-]+$/.test(adapter.name)) throw new Error(`Tool name "${adapter.name}" must be lower-case kebab case.`);
  return Object.freeze({ ...adapter });
}
