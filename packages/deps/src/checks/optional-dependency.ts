import { defineCheck } from '@shipshape/core';
import { findingsOf } from '../analysis/dependency-analysis';

export default defineCheck({
  id: 'deps/optional-dependency',
  title: 'Dependencies imported only behind a guard are optional',
  planItem: 'deps/optional-groups',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/deps:optional-groups',
  description:
    'A dependency imported only where its absence is handled (a caught `import()` or `require`, `try/except ImportError`) is an optional feature: declare it as an optional peer dependency (npm) or in an extra of [project.optional-dependencies] (Python), so that users who do not need the feature do not install it.',
  run: (project) => findingsOf(project, ['optional']),
});
