import { defineCheck } from '@shipshape/core';
import { findingsOf } from '../analysis/dependency-analysis';

export default defineCheck({
  id: 'deps/misplaced-dependency',
  title: 'Dependencies are in the right group',
  planItem: 'deps/categorize',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/deps:categorize',
  description:
    'Library code must not import a development-only dependency (users do not get it), and a runtime dependency that only tests or tooling use should be a development dependency.',
  run: (project) => findingsOf(project, ['misplaced']),
});
