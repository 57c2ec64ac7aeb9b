import { defineCheck } from '@shipshape/core';
import { findingsOf } from '../analysis/dependency-analysis';

export default defineCheck({
  id: 'deps/missing-dependency',
  title: 'Every imported package is declared',
  planItem: 'deps/categorize',
  languages: ['typescript', 'python'],
  severity: 'error',
  fixedBy: '@shipshape/deps:categorize',
  description:
    'A package the code imports (TS/JS: import, export from, import(), require; Python: import and from, including guarded ones) must be declared in package.json / pyproject.toml; library code needs a runtime dependency, tests and tooling a development one (the workspace root may provide those).',
  run: (project) => findingsOf(project, ['missing']),
});
