import { join } from 'node:path';
import { defineCheck, type Check } from '../model/check';
import {
  declarationProblems,
  fixtureProblems,
  generatorRunProblems,
  registrationProblems,
  schemaProblems,
  tempWorkspace,
  type ConformanceSpec,
} from '.';

const check = (id: string, fixedBy?: string): Check =>
  defineCheck({
    id,
    title: id,
    planItem: 'structure/package-metadata',
    languages: ['typescript'],
    severity: 'info',
    fixedBy,
    run: () => [],
  });

const plainCheck = (id: string) =>
  `module.exports = { default: { id: '${id}', title: 't', planItem: 'structure/barrels', languages: ['typescript'], severity: 'info', run: () => [] } };\n`;

/** A generator module (CommonJS, as the collection loads it) whose body does `body` with the tree and options. */
const generator = (body: string) => `exports.default = async (tree, options) => { ${body} };\n`;

describe('the conformance suite', () => {
  const pkg = tempWorkspace({
    'package.json': '{"name":"@acme/demo"}',
    'generators.json': JSON.stringify({
      generators: {
        good: { factory: './dist/generators/good/good', schema: './dist/generators/good/schema.json' },
        disk: { factory: './dist/generators/disk/disk', schema: './dist/generators/good/schema.json' },
        growing: { factory: './dist/generators/growing/growing', schema: './dist/generators/growing/schema.json' },
      },
    }),
    'src/generators/good/good.js': generator("tree.write('libs/a/README.md', '# a\\n');"),
    'src/generators/good/schema.json': JSON.stringify({
      properties: { project: { type: 'string' }, skipFormat: { type: 'boolean' } },
      required: ['project'],
    }),
    'src/generators/good/schema.d.ts': 'export interface GoodSchema {\n  project: string;\n  skipFormat?: boolean;\n}\n',
    'src/generators/disk/disk.js': generator(
      "require('node:fs').writeFileSync(require('node:path').join(tree.root, 'libs/a/written.txt'), 'x');",
    ),
    'src/generators/growing/growing.js': generator(
      "const text = tree.exists('libs/a/log.txt') ? tree.read('libs/a/log.txt', 'utf-8') : ''; tree.write('libs/a/log.txt', text + 'again\\n');",
    ),
    'src/generators/growing/schema.json': JSON.stringify({
      properties: { project: { type: 'string' }, dryRun: { type: 'boolean' } },
      required: ['project'],
    }),
    'src/generators/growing/schema.d.ts': 'export interface GrowingSchema {\n  project?: string;\n}\n',
    'src/checks/registered.js': plainCheck('demo/registered'),
    'src/checks/forgotten.js': plainCheck('demo/forgotten'),
    'fixture/libs/a/package.json': '{"name":"a"}',
  });
  afterAll(() => pkg.remove());

  const spec = (checks: Check[], extra: Partial<ConformanceSpec> = {}): ConformanceSpec => ({
    packageRoot: pkg.root,
    checks,
    fixture: join(pkg.root, 'fixture'),
    checkFixtures: {},
    generatorRuns: {},
    ...extra,
  });

  it("fails when a check's fixedBy names a generator the package does not have", () => {
    expect(declarationProblems(spec([check('demo/fixed', '@acme/demo:good'), check('demo/broken', '@acme/demo:missing')]))).toEqual([
      `demo/broken: fixedBy "@acme/demo:missing" is not a generator of @acme/demo's generators.json`,
    ]);
  });

  it('fails when a check file declares a check that is not registered', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's own check file
    const registered = (require(join(pkg.root, 'src/checks/registered.js')) as { default: Check }).default;
    expect(registrationProblems(spec([registered]))).toEqual(['demo/forgotten (src/checks/forgotten.js) is not registered']);
  });

  it('fails when a schema.json and its schema.d.ts disagree', () => {
    expect(schemaProblems(spec([]))).toEqual([
      'generator growing: "project" is required in schema.json but optional in schema.d.ts',
      'generator growing: "dryRun" is in schema.json but not in schema.d.ts',
    ]);
  });

  it('fails when a check has no fixtures or a generator no run', () => {
    expect(fixtureProblems(spec([check('demo/fixed')]))).toEqual([
      'demo/fixed has no finding and quiet fixture',
      'generator good has no run on the fixture',
      'generator disk has no run on the fixture',
      'generator growing has no run on the fixture',
    ]);
  });

  it('fails a generator that writes to the disk itself, or changes more on a second run', async () => {
    expect(await generatorRunProblems(spec([]), 'good', { project: 'a' })).toEqual([]);
    expect(await generatorRunProblems(spec([]), 'disk', { project: 'a' })).toEqual([
      'disk wrote to the disk outside the Tree (so --dry-run is not clean): libs/a/written.txt',
    ]);
    expect(await generatorRunProblems(spec([]), 'growing', { project: 'a' })).toEqual([
      'growing is not idempotent: a second run changed libs/a/log.txt',
    ]);
  });
});
