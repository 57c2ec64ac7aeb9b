import { defineCheck } from '@shipshape/core';
import { findingsOf } from '../analysis/dependency-analysis';
import { npmDependencies } from '../analysis/npm/npm-dependencies';

export default defineCheck({
  id: 'deps/types-placement',
  title: '@types packages are in the right group',
  planItem: 'deps/categorize',
  languages: ['typescript'],
  severity: 'warning',
  fixedBy: '@shipshape/deps:categorize',
  description:
    '`@types/x` belongs in devDependencies unless the library exposes types of its runtime dependency `x` (then users need it, in dependencies).',
  requires: [npmDependencies],
  run: (project) => findingsOf(project, ['types']),
});
