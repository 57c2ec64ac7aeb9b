import { analysisCheck } from './analysis-check';

export default analysisCheck('deps/missing-dependency', 'error', 'missing', {
  title: 'Every imported package is declared',
  description:
    "A package the code imports must be declared in package.json / pyproject.toml: library code needs a runtime dependency, tests and tooling a development one (the workspace root may provide those). An error only where it is certain and breaks users: an unguarded import in the library code of a published package; tests, tooling, type-only imports, imports through a path alias and private packages are warnings. Not missing: imports whose absence is handled (try/except ImportError, a caught import(), a feature test, a guarded importer), the standard library of every Python version the project allows, the project's own modules and test packages, what the bundler inlines, and a workspace package that depends on this one (declaring it would close a cycle).",
});
