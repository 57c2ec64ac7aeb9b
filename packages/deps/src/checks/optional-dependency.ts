import { analysisCheck } from './analysis-check';

export default analysisCheck('deps/optional-dependency', 'info', 'optional', {
  title: 'Dependencies imported only behind a guard are optional',
  description:
    'A dependency declared as required that library code imports only where its absence is handled (a caught `import()` or `require`, `try/except ImportError`, a feature test) may be optional: if the library works without it, declare it as an optional peer dependency (npm) or an extra of [project.optional-dependencies] (Python) so that users can leave it out. Info: a guard can also serve compatibility checks.',
});
