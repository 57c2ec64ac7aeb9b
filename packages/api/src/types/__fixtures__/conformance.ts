// This area's part of the package's conformance fixture (src/conformance.spec.ts): the store library of its specs,
// as people write it (types inferred) and with explicit types (and its type-coverage floor recorded).
import { inferredLibrary, typedLibrary } from './workspace';

/** The files of the fixture's libs/store, by path relative to the project. */
function storeFiles(library: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(library)
      .filter(([path]) => path.startsWith('libs/store/') && !path.endsWith('.spec.ts'))
      .map(([path, content]) => [path.slice('libs/store/'.length), content]),
  );
}

const INFERRED = 'libs/types-inferred';
const TYPED = 'libs/types-typed';

const typed = storeFiles(typedLibrary);
typed['package.json'] = typed['package.json'].replace('"@fx/store"', '"@fx/typed-store"');
typed['api/floors.json'] = '{ "typescript/type-coverage": 100 }\n';

export const conformanceFixtures = {
  projects: { [INFERRED]: storeFiles(inferredLibrary), [TYPED]: typed },
  checkFixtures: {
    'api/explicit-types': { finds: INFERRED, quiet: TYPED },
    'api/public-any': { finds: INFERRED, quiet: TYPED },
    'api/type-coverage': { finds: INFERRED, quiet: TYPED },
  },
  generatorRuns: {
    'explicit-types': [{ project: 'types-inferred' }],
  },
};
