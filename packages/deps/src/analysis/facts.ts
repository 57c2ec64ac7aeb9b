import type { DeclaredDependency, DependencyUse, Ecosystem, VersionSuggestion } from './model';

/**
 * What the dependency rules need to know about one project, the same for npm and Python: what it declares,
 * what it uses, and what the workspace resolves. Built from the disk (checks) or from the Nx Tree (generators).
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
  /** Keys the user asked the checks to leave alone. */
  ignored: ReadonlySet<string>;
  /** Where a declaration is written (1-based); the document start when it cannot be found. */
  locate(declared: DeclaredDependency): { line: number; column: number };
  /** Not published (npm `"private": true`): version ranges do not matter to anyone else. */
  publishable: boolean;
}
