import { defineCheck } from '@shipshape/core';
import { findingsOf } from '../analysis/dependency-analysis';

export default defineCheck({
  id: 'deps/transitive-dependency',
  title: 'No package is used only through another dependency',
  planItem: 'deps/categorize',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/deps:categorize',
  description:
    'A package the code imports but does not declare, installed only because a declared dependency depends on it, disappears when that dependency changes: declare it yourself, with the version the workspace resolves.',
  run: (project) => findingsOf(project, ['transitive']),
});
