import { defineCheck } from '@shipshape/core';
import { findingsOf } from '../analysis/dependency-analysis';

export default defineCheck({
  id: 'deps/unused-dependency',
  title: 'Every declared dependency is used',
  planItem: 'deps/categorize',
  languages: ['typescript', 'python'],
  severity: 'warning',
  fixedBy: '@shipshape/deps:prune',
  description:
    'A declared dependency that no import, package.json script, tool configuration or tsconfig uses costs every user an install. `@types/x` counts as used wherever `x` is, `@types/node` wherever a Node.js built-in is imported. Python development groups are not checked (tools run from the command line).',
  run: (project) => findingsOf(project, ['unused']),
});
