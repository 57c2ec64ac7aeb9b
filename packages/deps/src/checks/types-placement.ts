import { analysisCheck } from './analysis-check';
import { npmDependencies } from '../analysis/npm/npm-dependencies';

export default analysisCheck('deps/types-placement', 'warning', 'types', {
  title: '@types packages are in the right group',
  description:
    '`@types/x` belongs in devDependencies unless the library exposes types of its runtime dependency `x` (then users need it, in dependencies).',
  languages: ['typescript'],
  requires: [npmDependencies],
});
