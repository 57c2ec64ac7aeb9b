// This area's part of the package's conformance fixture (src/conformance.spec.ts): its own test fixtures, and the
// clean variants its spec makes of them (the edits of stability.spec.ts's "stays quiet" cases).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { edited } from '../../__fixtures__/projects';

const FIXTURES = __dirname;

/** A fixture folder's files by path relative to it. */
function filesOf(name: string): Record<string, string> {
  const base = join(FIXTURES, name);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(base, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(base);
  return files;
}

/** adopted-ts with every export tagged and consistent. */
const TAGGED_TS = edited(filesOf('adopted-ts'), [
  ['src/layout.ts', /Lays shapes out with the default engine\.\n \* @public/, 'Lays shapes out with the default engine.\n * @beta'],
  ['src/layout.ts', 'A grid of shapes.\n * @public', 'A grid of shapes.\n * @beta'],
  ['src/measure.ts', /^export function/gm, '/** @public */\nexport function'],
  ['src/shapes/shape.ts', ' * A square.\n', ' * A square.\n * @public\n'],
  ['src/index.ts', "export { cacheKey, tuneCache } from './cache';\n", ''],
]);
TAGGED_TS['src/units.ts'] = '/** @public */\nexport const UNIT = "px";\n';
TAGGED_TS['package.json'] = TAGGED_TS['package.json'].replace('"@fx/adopted-ts"', '"@fx/tagged-ts"');

/** marked-py with markers that say what the docs say. */
const CLEAN_PY = edited(filesOf('marked-py'), [
  ['src/geometry/shapes.py', '\n    This class is experimental: its constructor may change.\n', '\n    Its sides are equal.\n'],
  ['src/geometry/shapes.py', '"area", "Registry"]', '"area"]'],
  ['src/geometry/layout.py', 'def layout(', '@experimental\ndef layout('],
  ['src/geometry/__init__.py', '"_cache_key", ', ''],
]);
CLEAN_PY['pyproject.toml'] = CLEAN_PY['pyproject.toml'].replace(/^name = "[^"]*"/m, 'name = "geometry-clean"');

const ADOPTED = 'libs/stability-adopted-ts';
const TAGGED = 'libs/stability-tagged-ts';
const MARKED = 'libs/stability-marked-py';
const CLEAN = 'libs/stability-clean-py';

export const conformanceFixtures = {
  projects: {
    [ADOPTED]: join(FIXTURES, 'adopted-ts'),
    [TAGGED]: TAGGED_TS,
    [MARKED]: join(FIXTURES, 'marked-py'),
    [CLEAN]: CLEAN_PY,
  },
  checkFixtures: {
    'api/missing-release-tag': { finds: ADOPTED, quiet: TAGGED },
    'api/incompatible-release-tags': { finds: ADOPTED, quiet: TAGGED },
    'api/internal-export': { finds: ADOPTED, quiet: TAGGED },
    'api/python-stability-marker': { finds: MARKED, quiet: CLEAN },
    'api/python-incompatible-stability': { finds: MARKED, quiet: CLEAN },
    'api/python-internal-export': { finds: MARKED, quiet: CLEAN },
  },
  generatorRuns: {
    'release-tags': [{ project: 'stability-adopted-ts' }, { project: 'stability-marked-py' }],
  },
};
