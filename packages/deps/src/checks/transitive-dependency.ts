import { analysisCheck } from './analysis-check';

export default analysisCheck('deps/transitive-dependency', 'warning', 'transitive', {
  title: 'No package is used only through another dependency',
  description:
    'A package the code imports but does not declare, installed only because a declared dependency depends on it, disappears when that dependency changes: declare it yourself, with the version the workspace resolves.',
});
