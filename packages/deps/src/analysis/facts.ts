import type { ManifestText, ShipshapeProject } from '@shipshape/core';
import type { DeclaredDependency, DependencyUse, Ecosystem, VersionSuggestion } from './model';

/**
 * What the dependency rules need to know about one project, the same for npm and Python: what it declares,
 * what it uses, and what the workspace resolves. Built from the project's facts: the same on disk (checks) and on the Tree (generators).
 */
export interface DependencyFacts {
  ecosystem: Ecosystem;
  project: string;
  /** The manifest the declarations are in (package.json / pyproject.toml). */
  manifest: { file: string; text: string };
  declared: DeclaredDependency[];
  uses: DependencyUse[];
  /** The form names are compared in: as written for npm, PEP 503 normalized for Python. */
  key(name: string): string;
  /** Keys the workspace root declares (root package.json, root pyproject.toml groups): they satisfy tests and tooling. */
  rootDeclared: ReadonlySet<string>;
  /** The declared dependency that brings `name` in, when it is installed only as a dependency of a dependency. */
  broughtBy(name: string): string | undefined;
  /** The version to declare `name` with, from what the workspace resolves. */
  version(name: string): VersionSuggestion | undefined;
  /** Keys of standard-library modules (Python). */
  stdlib: ReadonlySet<string>;
  /** Python: `key` names a module that is standard on some Python version (a backport such as `ipaddress` on 2.7). */
  backport(key: string): boolean;
  /** Keys the user asked the checks to leave alone. */
  ignored: ReadonlySet<string>;
  /** Where a declaration is written (1-based); the document start when it cannot be found. */
  locate(declared: DeclaredDependency): { line: number; column: number };
  /** Not published (npm `"private": true`): version ranges do not matter to anyone else. */
  publishable: boolean;
  /** Python: the tables dependencies are declared in when they are not PEP 621's (a Poetry project without [project]). */
  tables?: 'poetry';
  /** Python: the pyproject.toml has a PEP 621 [project] table with a name, so its [project] and [dependency-groups] tables can be edited. */
  pep621: boolean;
  /** Python: the fields [project] lists as `dynamic` (`dependencies`, `optional-dependencies`): the build reads them from elsewhere. */
  dynamic?: readonly string[];
  /** Python: the build backend [build-system] names (`setuptools.build_meta`), for advice on where to declare. */
  buildBackend?: string;
  /** npm: package.json names declaration files (types, typings, an exports `types` condition or .d.ts target): users type-check against them. */
  publishesTypes: boolean;
  /** What is installed could be read (node_modules, a lockfile, the Python environment): without it, binaries and peers are guessed. */
  installed: boolean;
  /**
   * Every runtime dependency the manifest declares is installed, so what each of them brings in is known: only then
   * is an undeclared import certain to be missing for a user, rather than brought in by a declared dependency.
   */
  requirementsKnown: boolean;
  /** The build bundles `name` into the published output (tsup/tsdown inline what is not a dependency or peer; `noExternal`). */
  inlined(name: string): boolean;
  /** Declaring `name`, a package of the workspace, would close a cycle: it depends on this project. */
  closesCycle(name: string): boolean;
}

/** A lookup whose map is built on first use, under the facts' `key`: reading what is installed is not free. */
export function lazyLookup(
  build: () => ReadonlyMap<string, string>,
  key: (name: string) => string = (name) => name,
): (name: string) => string | undefined {
  let map: ReadonlyMap<string, string> | undefined;
  return (name) => (map ??= build()).get(key(name));
}

/** What the facts say about the manifest itself, the same for package.json and pyproject.toml but for how a path is found in its text. */
export function manifestFacts(
  ecosystem: Ecosystem,
  project: ShipshapeProject,
  manifest: ManifestText<unknown>,
  locate: (text: string, path: string[]) => { line: number; column: number } | undefined,
): Pick<DependencyFacts, 'ecosystem' | 'project' | 'manifest' | 'locate'> {
  return {
    ecosystem,
    project: project.name,
    manifest: { file: manifest.path, text: manifest.text },
    locate: (declared) => locate(manifest.text, declared.path) ?? { line: 1, column: 1 },
  };
}
