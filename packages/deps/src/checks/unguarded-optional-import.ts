import { defineCheck } from '@shipshape/core';
import { findingsOf } from '../analysis/dependency-analysis';

export default defineCheck({
  id: 'deps/unguarded-optional-import',
  title: 'Optional dependencies are loaded on first use, with a clear error',
  planItem: 'deps/feature-detection',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/deps:feature-detection',
  description:
    'An optional dependency imported when a module loads (a static import, a top-level require, a module-level Python import outside try/except ImportError) makes the whole module fail for users who did not install it. Load it through a feature-detection loader that imports it on first use and names the package to install.',
  run: (project) => findingsOf(project, ['unguarded-optional']),
});
