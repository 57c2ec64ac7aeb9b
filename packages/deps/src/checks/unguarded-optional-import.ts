import { analysisCheck } from './analysis-check';

export default analysisCheck('deps/unguarded-optional-import', 'warning', 'unguarded-optional', {
  title: 'Optional dependencies are loaded on first use, with a clear error',
  description:
    'An optional dependency imported when a module loads (a static import, a top-level require, a module-level Python import outside try/except ImportError), in a module that every entry point of the package loads, makes the whole package fail for users who did not install it. A module that only some entry points (an exports subpath, an opt-in Python module) or only guarded importers reach is the guard itself. Make it required, or load it through a feature-detection loader that imports it on first use and names the package to install.',
});
