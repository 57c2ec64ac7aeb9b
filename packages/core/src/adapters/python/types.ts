/** The JSON that `shipshape_ast.py` writes: one `ast` pass over a batch of Python files. */
export interface PythonAnalysis {
  /** The interpreter that ran the pass; null when there were no files and nothing was run. */
  python: { version: string; executable: string } | null;
  /** Top-level standard-library module names (`sys.stdlib_module_names`, or an approximation before 3.10). */
  stdlibModules: string[];
  /** Keyed by the paths exactly as they were passed in. */
  files: Record<string, PythonFileResult>;
  /**
   * The installed distributions, when the analysis was asked for them (`environment: true`); null when the
   * interpreter has no `importlib.metadata` (before 3.8).
   */
  environment?: PythonEnvironment | null;
  /** When asked for (`importPaths: true`): see PythonEnvironment.importPaths. */
  importPaths?: PythonImportPathStamp[];
}

/** A path and its stamp, `mtimeNs:size:inode` as stat gives them (null when absent). */
export type PythonImportPathStamp = [path: string, stamp: string | null];

/** What `importlib.metadata` knows about the interpreter's installed distributions (their metadata only). */
export interface PythonEnvironment {
  /** Top-level import name to the distributions that provide it, as `packages_distributions()` gives them. */
  distributions: Record<string, string[]>;
  /** Normalized distribution name (PEP 503: lower case, runs of `-_.` as `-`) to its installed version. */
  versions: Record<string, string>;
  /** Normalized distribution name to the normalized names it requires by default (requirements of extras left out). */
  requires: Record<string, string[]>;
  /**
   * The interpreter these distributions belong to, and its full version: with the distributions, what a cache key of
   * a result that depends on Python must hold (one path may be another Python on another machine).
   */
  interpreter?: { version: string; executable: string };
  /**
   * When asked for: what the distributions were read from, stamped before they were read: the interpreter, the
   * pyvenv.cfg it would read, every folder it finds distributions in (sys.path, the site-packages folders and the
   * user's, present or not) and the .pth files in them. While none of these changed, neither did the distributions'
   * list (installing or removing one adds or removes an entry of its folder), so a cache key of them still holds.
   */
  importPaths?: PythonImportPathStamp[];
}

export type PythonFileErrorKind = 'syntax' | 'encoding' | 'too-large' | 'binary' | 'unreadable' | 'internal';

export interface PythonFileError {
  kind: PythonFileErrorKind;
  message: string;
  /** 1-based; null when the problem is the whole file. */
  line: number | null;
}

/** When `error` is set, every other field is empty. */
export interface PythonFileResult {
  error: PythonFileError | null;
  docstring: string | null;
  imports: PythonImport[];
  definitions: PythonDefinition[];
  all: PythonAll | null;
  /** Names bound at module scope by imports (not under TYPE_CHECKING, not `__future__`): what an `__init__.py` re-exports. */
  reexports: string[];
}

export interface PythonImport {
  kind: 'import' | 'from';
  /** As written, without the leading dots: `pkg.sub`; '' for `from . import x`. */
  module: string;
  /** Imported names of a from-import (`*` included as written); [] for a plain import. */
  names: string[];
  /** `import a as b`: 'b'. Always null for a from-import (see `aliases`). */
  alias: string | null;
  /** For a from-import, the `as` name of each entry of `names`, or null. [] for a plain import. */
  aliases: Array<string | null>;
  /** Relative level: 0 absolute, 1 for `.`, 2 for `..`. */
  level: number;
  line: number;
  column: number;
  /**
   * `import-error`: in the body of a try that catches ImportError (or broader); `type-checking`: under `if
   * TYPE_CHECKING:`; `feature`: reached only when a feature test passed: the `else:` of such a try, an `if`
   * on a flag that such a try set (`if has_simplejson:`), or an `if` whose test names the module
   * (`if is_running_trio(): import trio`).
   */
  guard: 'import-error' | 'type-checking' | 'feature' | null;
  /**
   * Code for another interpreter or environment: in the `except ImportError` handler of such a try (the
   * fallback), or under an `if` that tests the Python version (`sys.version_info`, `six.PY2`).
   */
  fallback: boolean;
  /** Inside a function body: a lazy import. */
  inFunction: boolean;
}

export interface PythonAnnotations {
  /** Every parameter, `*args` and `**kwargs` included, a method's self/cls excluded. */
  params: number;
  annotatedParams: number;
  returns: boolean;
}

interface PythonDefinitionBase {
  name: string;
  line: number;
  column: number;
  /** No leading underscore. */
  public: boolean;
  /** For a variable: a string literal right after the assignment (the attribute docstring mkdocstrings reads). */
  docstring: boolean;
}

export interface PythonFunctionDefinition extends PythonDefinitionBase {
  kind: 'function' | 'async-function';
  /** Dotted names (`functools.wraps`, `property`); the called name for `@deco(...)`; `<expression>` otherwise. */
  decorators: string[];
  annotations: PythonAnnotations;
}

export interface PythonClassDefinition extends PythonDefinitionBase {
  kind: 'class';
  decorators: string[];
  bases: string[];
  methods: PythonFunctionDefinition[];
}

export interface PythonVariableDefinition extends PythonDefinitionBase {
  kind: 'variable';
}

/** A module-level name (through module-level if/try/with blocks), in source order. */
export type PythonDefinition = PythonFunctionDefinition | PythonClassDefinition | PythonVariableDefinition;

export interface PythonAll {
  /** Literal `__all__` (with literal `+=`, `.extend`, `.append`); null when any part is computed. */
  names: string[] | null;
  /** The first statement that sets it. */
  line: number;
  dynamic: boolean;
}
