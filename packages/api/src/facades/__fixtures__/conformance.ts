// This area's part of the package's conformance fixture (src/conformance.spec.ts): the libraries of checks.spec.ts
// (libraries.ts: one of each problem, and clean ones), their roots and package names prefixed with the area's.
import { edited, moved, under } from '../../__fixtures__/projects';
import { CLEAN, GEOMETRY, SHAPES } from './libraries';

const SHAPES_ROOT = 'libs/facades-shapes';
const GEOMETRY_ROOT = 'libs/facades-geometry';
const CLEAN_TS = 'libs/facades-clean-ts';
const CLEAN_PY = 'libs/facades-clean-py';
const TS = { finds: SHAPES_ROOT, quiet: CLEAN_TS };
const PY = { finds: GEOMETRY_ROOT, quiet: CLEAN_PY };

export const conformanceFixtures = {
  projects: {
    [SHAPES_ROOT]: under('libs/shapes', SHAPES),
    [GEOMETRY_ROOT]: edited(moved(under('libs/geometry', GEOMETRY), 'geometry/', 'facades_geometry/'), [
      ['pyproject.toml', 'name = "geometry"', 'name = "facades-geometry"'],
    ]),
    [CLEAN_TS]: edited(under('libs/clean-ts', CLEAN), [['package.json', '"@acme/clean"', '"@acme/facades-clean"']]),
    [CLEAN_PY]: edited(moved(under('libs/clean-py', CLEAN), 'clean/', 'facades_clean/'), [
      ['pyproject.toml', 'name = "clean"', 'name = "facades-clean"'],
    ]),
  },
  checkFixtures: {
    'api/naming': TS,
    'api/long-parameter-list': PY,
    'api/boolean-parameter': TS,
    'api/error-hierarchy': PY,
    'api/async-naming': TS,
  },
  generatorRuns: {
    facade: [
      { project: 'facades-shapes', baseError: 'ShapesError' },
      { project: 'facades-geometry', baseError: 'GeometryError' },
    ],
  },
};
