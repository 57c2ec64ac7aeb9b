// This area's part of the package's conformance fixture (src/conformance.spec.ts): the docs of checks.spec.ts (a
// site with one of each problem, a whole one), and the architecture page of diagrams.spec.ts, with a diagram the
// code no longer gives, on the site with problems (all in sites.ts).
import { edited, moved, under } from '../../__fixtures__/projects';
import { ARCHITECTURE_PAGE, PLANTED, QUIET } from './sites';

/** The site with problems, its Python package renamed (other projects of the fixture have a package geometry). */
const planted = edited(moved(under('libs/geometry', PLANTED), 'src/geometry/', 'src/ds_geometry/'), [
  ['pyproject.toml', 'name = "geometry"', 'name = "ds-geometry"'],
  ['docs/api.md', '::: geometry', '::: ds_geometry'],
]);

const whole = edited(under('libs/shapes', QUIET), [['package.json', '"@acme/shapes"', '"@acme/ds-shapes"']]);

const SITE = 'libs/docs-structure-site';
const WHOLE = 'libs/docs-structure-whole';
const FOUND = { finds: SITE, quiet: WHOLE };

export const conformanceFixtures = {
  projects: {
    [SITE]: { ...planted, 'docs/explanation/architecture.md': ARCHITECTURE_PAGE },
    [WHOLE]: whole,
  },
  checkFixtures: {
    'docs/diataxis-kinds': FOUND,
    'docs/stub-pages': FOUND,
    'docs/broken-links': FOUND,
    'docs/broken-anchors': FOUND,
    'docs/not-in-nav': FOUND,
    'docs/stale-diagram': FOUND,
  },
  generatorRuns: {
    'docs-structure': [{ project: 'docs-structure-site' }, { project: 'docs-structure-whole' }],
    diagrams: [{ project: 'docs-structure-site' }, { project: 'docs-structure-whole' }],
  },
};
