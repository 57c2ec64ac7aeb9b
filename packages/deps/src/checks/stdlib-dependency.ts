import { defineCheck } from '@shipshape/core';
import { findingsOf } from '../analysis/dependency-analysis';
import { pythonDependencies } from '../analysis/python/python-dependencies';

export default defineCheck({
  id: 'deps/stdlib-dependency',
  title: 'No standard-library module is declared as a dependency',
  planItem: 'deps/categorize',
  languages: ['python'],
  severity: 'warning',
  fixedBy: '@shipshape/deps:prune',
  description:
    'A module of the standard library (`sys.stdlib_module_names` of the interpreter) declared as a requirement installs an old backport from PyPI, or nothing useful. A requirement with an environment marker (a backport for old Pythons) is left alone.',
  // Python only: through `requires`, it is also the check that reports, once, when the Python files cannot be read.
  requires: [pythonDependencies],
  run: (project) => findingsOf(project, ['stdlib']),
});
