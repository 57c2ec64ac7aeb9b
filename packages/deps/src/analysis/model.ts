import type { Severity, SourceRole } from '@shipshape/core';

/** The two package ecosystems a project can declare dependencies in. */
export type Ecosystem = 'npm' | 'python';

/** Library code ships to users; dev code (tests, configs, scripts, tooling) does not. */
export type UseRole = SourceRole;

/**
 * How a declaration is grouped. npm: dependencies / peerDependencies (optional peers are `optional`) /
 * optionalDependencies / devDependencies. Python: [project].dependencies / an extra of
 * [project.optional-dependencies] (`dev` when the extra is for tests, docs or linting) / [dependency-groups].
 */
export type DeclaredGroup = 'runtime' | 'peer' | 'optional' | 'dev';

/** One place the project uses a package: an import, a binary in a script, a name in a config file. */
export interface DependencyUse {
  /** The package (npm) or distribution (Python) name, as it should be declared. */
  name: string;
  /** Workspace-relative file. */
  file: string;
  line: number;
  column: number;
  role: UseRole;
  /** `import type`, `if TYPE_CHECKING:`, and `@types/*` packages: needed to type-check, not to run. */
  typeOnly: boolean;
  /** A failure to import is handled (try/catch around `import()`/`require`, `except ImportError`). */
  guarded: boolean;
  /** A static import, or a Python import at module level: it runs when the module is loaded. */
  topLevel: boolean;
  /** What was written: the import specifier, the Python module, the binary. */
  specifier: string;
  /** Binaries in scripts and names in config files count as uses of what is declared, but never make a package "missing". */
  declaredOnly: boolean;
  /** Python: code for another interpreter or a missing module (an `except ImportError` fallback, a Python-version branch). */
  fallback?: boolean;
  /** The workspace project this name belongs to, for imports of another project of the workspace. */
  workspaceProject?: string;
  /** Resolved through a tsconfig path alias (or a bundler alias), not through node_modules. */
  throughAlias?: boolean;
  /**
   * The importing module is loaded by every entry point of the package (each exports subpath; a Python
   * package's `__init__`): an optional dependency imported there unguarded breaks every user without it.
   * Undefined when the entry points could not be mapped to their sources.
   */
  reachedByEveryEntry?: boolean;
  /** Python: `from x import __version__`: a version check (requests' compatibility warning), not a use of a feature. */
  versionProbe?: boolean;
  /** An import of a build output: the published package needs it, wherever the manifest declares it. */
  inOutput?: boolean;
  /** Needed beside the package it is a peer of (react-dom beside @testing-library/react), not imported itself. */
  peerOf?: string;
}

/** One declared dependency, with where it is written. */
export interface DeclaredDependency {
  /** As written in the manifest. */
  name: string;
  group: DeclaredGroup;
  /** The manifest section: `dependencies`, `peerDependencies`, `project.dependencies`, `optional-dependencies.pdf`, `dependency-groups.dev`. */
  section: string;
  /** The range (npm) or the whole requirement string (Python). */
  spec: string;
  /** Path of the entry in the manifest data, for locating it and editing it. */
  path: string[];
  /** Workspace-relative manifest file. */
  file: string;
  /** Python: the environment marker after `;`, if any. */
  marker?: string;
  /** Declared in a tool's own table (Poetry, PDM, Hatch, uv), not PEP 621/735: it counts, but the generators leave it to the user. */
  tool?: string;
}

export type ProblemKind = 'missing' | 'transitive' | 'unused' | 'misplaced' | 'types' | 'stdlib' | 'optional' | 'unguarded-optional';

/** Where a fix puts a dependency. `optional`: an optional peer (npm) or an extra (Python). */
export type TargetGroup = 'runtime' | 'dev' | 'optional';

export interface DependencyProblem {
  kind: ProblemKind;
  /** How sure and how broken: `error` only for what is certain and breaks users (see problems.ts); the check's own severity when unset. */
  severity?: Severity;
  /** The package or distribution name, as it should be declared. */
  name: string;
  message: string;
  file: string;
  line: number;
  column: number;
  /** What the fingerprint is built from: the kind and the name, never a line. */
  key: string;
  /** Add `name` to `to`; move `declared` to `to`; remove `declared`. */
  fix:
    | { action: 'add'; to: TargetGroup; version?: VersionSuggestion }
    | { action: 'move'; declared: DeclaredDependency; to: TargetGroup }
    | { action: 'remove'; declared: DeclaredDependency };
}

/** A version for a dependency the generators add: what the workspace resolves, or a floor the user must confirm. */
export interface VersionSuggestion {
  /** The range or specifier to write: `^1.2.3`, `>=6.0.1`. */
  spec: string;
  /** Where it came from: the installed package, the workspace project, or Shipshape's table (to be confirmed). */
  source: 'installed' | 'workspace' | 'table';
}
