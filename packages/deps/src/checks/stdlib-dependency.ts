import { defineCheck } from '@shipshape/core';
import { findingsOf } from '../analysis/analyze';

export default defineCheck({
  id: 'deps/stdlib-dependency',
  title: 'No standard-library module is declared as a dependency',
  planItem: 'deps/categorize',
  languages: ['python'],
  severity: 'warning',
  fixedBy: '@shipshape/deps:prune',
  description:
    'A module of the standard library (`sys.stdlib_module_names` of the interpreter) declared as a requirement installs an old backport from PyPI, or nothing useful. A requirement with an environment marker (a backport for old Pythons) is left alone.',
  // Python only: it is also the check that reports, once, when the Python files cannot be read.
  run: (project) => findingsOf(project, ['stdlib'], 'python'),
});
