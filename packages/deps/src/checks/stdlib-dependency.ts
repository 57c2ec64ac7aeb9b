import { analysisCheck } from './analysis-check';
import { pythonDependencies } from '../analysis/python/python-dependencies';

export default analysisCheck('deps/stdlib-dependency', 'warning', 'stdlib', {
  title: 'No standard-library module is declared as a dependency',
  description:
    'A module of the standard library (`sys.stdlib_module_names` of the interpreter) declared as a requirement installs an old backport from PyPI, or nothing useful. A requirement with an environment marker (a backport for old Pythons) is left alone.',
  languages: ['python'],
  // Python only: through `requires`, it is also the check that reports, once, when the Python files cannot be read.
  requires: [pythonDependencies],
});
