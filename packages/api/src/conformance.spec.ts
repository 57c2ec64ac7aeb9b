import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeConformance } from '@shipshape/core/testing';
import { checks } from './checks';
import { conformanceFixtures as docsStructure } from './docs-structure/__fixtures__/conformance';
import { conformanceFixtures as docs } from './docs/__fixtures__/conformance';
import { conformanceFixtures as exportsArea } from './exports/__fixtures__/conformance';
import { conformanceFixtures as facades } from './facades/__fixtures__/conformance';
import { API_OPTIONS } from './options';
import { conformanceFixtures as pythonTypes } from './python-types/__fixtures__/conformance';
import { conformanceFixtures as report } from './report/__fixtures__/conformance';
import { conformanceFixtures as stability } from './stability/__fixtures__/conformance';
import { conformanceFixtures as types } from './types/__fixtures__/conformance';

/** What an area contributes to the conformance fixture (src/<area>/__fixtures__/conformance.ts). */
interface AreaFixtures {
  /**
   * The area's projects of the fixture workspace, by project root (libs/<area>-<name>): a folder copied as it is
   * (the area's own test fixture), or the project's files by path relative to its root.
   */
  projects?: Record<string, string | Record<string, string>>;
  /** Per check id of the area: a project root of the fixture where it finds something, and one where it is quiet. */
  checkFixtures: Record<string, { finds: string; quiet: string }>;
  /** Per generator of the area: the option sets it is run with on the fixture. */
  generatorRuns: Record<string, Array<Record<string, unknown>>>;
}

// The generators find Python as `nx g` does: SHIPSHAPE_PYTHON (Debian's packages, griffe among them, are visible only to /usr/bin/python3).
process.env.SHIPSHAPE_PYTHON ??= '/usr/bin/python3';

// Each area's part of the one fixture.
const areas: AreaFixtures[] = [types, pythonTypes, exportsArea, stability, facades, report, docs, docsStructure];

/**
 * The one fixture workspace, assembled in a temporary folder: the workspace files of __fixtures__/conformance and
 * every area's projects (libs/<area>-*), taken from the areas' own test fixtures rather than copied here.
 */
function assembleFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-api-conformance-'));
  cpSync(join(__dirname, '__fixtures__', 'conformance'), root, { recursive: true });
  for (const area of areas)
    for (const [projectRoot, source] of Object.entries(area.projects ?? {})) {
      if (typeof source === 'string') {
        cpSync(source, join(root, projectRoot), { recursive: true });
        continue;
      }
      for (const [file, content] of Object.entries(source)) {
        const path = join(root, projectRoot, file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
    }
  // TypeScript installed, as in a user's workspace (what explicit-types needs to turn isolatedDeclarations on)
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  symlinkSync(dirname(require.resolve('typescript/package.json')), join(root, 'node_modules', 'typescript'), 'dir');
  return root;
}

const fixture = assembleFixture();
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

// The whole phase on one TypeScript library and two Python libraries (small ones: each step runs its real tool twice);
// docs-bare once made a second run write py.typed (python-types counted release-tags' _stability.py only then).
const generatorRuns: AreaFixtures['generatorRuns'] = {
  init: [{}],
  phase: [{ project: 'docs-shapes' }, { project: 'report-greet' }, { project: 'docs-bare' }],
};
for (const area of areas)
  for (const [name, runs] of Object.entries(area.generatorRuns)) generatorRuns[name] = [...(generatorRuns[name] ?? []), ...runs];

// The fixture workspace holds every area's projects (libs/<area>-*): one Nx workspace, as a user's would be.
describeConformance({
  packageRoot: join(__dirname, '..'),
  checks,
  fixture,
  options: { python: '/usr/bin/python3' },
  sections: [API_OPTIONS],
  checkFixtures: Object.assign({}, ...areas.map((area) => area.checkFixtures)),
  generatorRuns,
});
