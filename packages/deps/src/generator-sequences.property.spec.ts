import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import {
  emptyStats,
  generatorSequenceProperty,
  restyle,
  runGeneratorSequence,
  type FileStyle,
  type SequenceGenerator,
} from '@shipshape/core/testing';
import { categorizeGenerator } from './generators/categorize/categorize';
import { featureDetectionGenerator } from './generators/feature-detection/feature-detection';
import { optionalGroupsGenerator } from './generators/optional-groups/optional-groups';
import { phaseGenerator } from './generators/phase/phase';
import { pruneGenerator } from './generators/prune/prune';
import { versionRangesGenerator } from './generators/version-ranges/version-ranges';
import { installPython, PLANTED_FIXTURE, writePlantedFixture } from './testing/fixture-workspace';

const INSTALLED = JSON.parse(readFileSync(join(PLANTED_FIXTURE, 'installed.json'), 'utf8'));

/**
 * The planted fixture as a user has it, in the style the property draws (line endings, indentation, byte-order
 * mark) for the manifests of the libraries the generators change and the line endings and mark of their sources,
 * which the generators must keep: a comment in the TS library's tsconfig, comments in the Python library's
 * pyproject.toml, clean-ts's package.json always with 4 spaces and CRLF; its npm packages installed, and `python`
 * naming the environment's interpreter.
 */
function workspace(python: string, style: FileStyle): Tree {
  const tree = createTreeWithEmptyWorkspace();
  writePlantedFixture(tree);
  tree.write(
    'nx.json',
    JSON.stringify({ plugins: [{ plugin: '@shipshape/pipeline', options: { targetName: 'audit', python } }] }, null, 2),
  );
  const json = (path: string) => `${JSON.stringify(JSON.parse(tree.read(path, 'utf-8')!), null, 2)}\n`;
  tree.write('libs/clean-ts/package.json', restyle(json('libs/clean-ts/package.json'), { eol: '\r\n', indent: '    ', bom: false }));
  tree.write(
    'libs/app-ts/tsconfig.json',
    tree.read('libs/app-ts/tsconfig.json', 'utf-8')!.replace('{', '{\n  // the library and its tests: one program\n'),
  );
  tree.write(
    'libs/app-py/pyproject.toml',
    `# fx-app-py: the planted Python application\n${tree.read('libs/app-py/pyproject.toml', 'utf-8')!}`
      .replace('dependencies = [\n', 'dependencies = [\n    # what the application needs at run time\n')
      .replace('[dependency-groups]', '# for the tests only\n[dependency-groups]'),
  );
  // Nx itself reads no package.json with a byte-order mark (every generator refuses the workspace, naming the file).
  tree.write('libs/app-ts/package.json', restyle(json('libs/app-ts/package.json'), { ...style, bom: false }));
  for (const path of ['libs/app-ts/tsconfig.json', 'libs/app-py/pyproject.toml']) {
    tree.write(path, restyle(tree.read(path, 'utf-8')!, style));
  }
  const sources = (dir: string): string[] =>
    tree.children(dir).flatMap((name) => (tree.isFile(`${dir}/${name}`) ? [`${dir}/${name}`] : sources(`${dir}/${name}`)));
  for (const path of [...sources('libs/app-ts/src'), ...sources('libs/app-py/src')]) {
    tree.write(path, restyle(tree.read(path, 'utf-8')!, { ...style, indent: '  ' }));
  }
  return tree;
}

const OWNS: SequenceGenerator['owns'] = {
  'package.json': ['dependencies', 'devDependencies', 'peerDependencies', 'peerDependenciesMeta', 'optionalDependencies'],
  'pyproject.toml': ['project.dependencies', 'project.optional-dependencies', 'dependency-groups', 'tool.poetry'],
};

function generators(): Record<string, SequenceGenerator> {
  const all: Record<string, SequenceGenerator> = {};
  for (const project of ['@fx/app-ts', 'fx-app-py']) {
    all[`categorize ${project}`] = { run: (tree) => categorizeGenerator(tree, { project }), owns: OWNS };
    all[`prune ${project}`] = { run: (tree) => pruneGenerator(tree, { project }), owns: OWNS };
    all[`prune --dry-run ${project}`] = { run: (tree) => pruneGenerator(tree, { project }), dryRun: true };
    all[`version-ranges ${project}`] = { run: (tree) => versionRangesGenerator(tree, { project }), owns: OWNS };
    all[`optional-groups ${project}`] = { run: (tree) => optionalGroupsGenerator(tree, { project }), owns: OWNS };
    all[`feature-detection ${project}`] = {
      run: (tree) => featureDetectionGenerator(tree, { project }),
      owns: OWNS,
      edits: /\.(py|ts)$/,
    };
    all[`phase ${project}`] = { run: (tree) => phaseGenerator(tree, { project }), owns: OWNS, edits: /\.(py|ts)$/ };
    all[`phase --removeUnused ${project}`] = {
      run: (tree) => phaseGenerator(tree, { project, removeUnused: true }),
      owns: OWNS,
      edits: /\.(py|ts)$/,
    };
  }
  return all;
}

/**
 * fast-check runs per test: a step on the Python library takes seconds (the analysis runs the Python helper more than
 * once), so the defaults keep each test near a minute; SHIPSHAPE_SEQUENCE_RUNS sets more for a deeper search.
 */
const RUNS = process.env.SHIPSHAPE_SEQUENCE_RUNS ? Number(process.env.SHIPSHAPE_SEQUENCE_RUNS) : undefined;

const hasPython = existsSync('/usr/bin/python3');

// Without Python the Python library cannot be read, and the deps generators refuse it (a ShipshapeError): the property would prove nothing there.
(hasPython ? describe : describe.skip)('deps generators in random sequences, some interrupted (issue 11; needs /usr/bin/python3)', () => {
  let venv: string;
  let python: string;
  beforeAll(() => {
    venv = mkdtempSync(join(tmpdir(), 'shipshape-deps-sequences-'));
    python = installPython(venv, INSTALLED.python ?? {});
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => {
    jest.restoreAllMocks();
    rmSync(venv, { recursive: true, force: true });
  });

  it.each([
    ['the TS library', / @fx\/app-ts$/, 30],
    ['the Python library', / fx-app-py$/, 6],
  ])(
    'on %s: keep every manifest parsing, what the user wrote and its formatting, and are idempotent',
    async (_, projects, runs) => {
      const picked = Object.fromEntries(Object.entries(generators()).filter(([name]) => projects.test(name)));
      const stats = await generatorSequenceProperty({
        workspace: (style) => workspace(python, style),
        generators: picked,
        numRuns: RUNS ?? runs,
      });
      // the sequences changed the workspace, or the property proved little
      expect(Object.values(stats).reduce((sum, counts) => sum + counts.written, 0)).toBeGreaterThan(0);
    },
    300_000,
  );

  it('hold for every generator once, in order, on CRLF files with a byte-order mark (what the random sequences may miss)', async () => {
    const steps = Object.keys(generators()).map((generator) => ({ generator }));
    const stats = emptyStats(Object.keys(generators()));
    await runGeneratorSequence({ workspace: (style) => workspace(python, style), generators: generators() }, steps, stats, {
      eol: '\r\n',
      indent: '\t',
      bom: true,
    });
    expect(
      Object.entries(stats)
        .filter(([, counts]) => counts.refused > 0)
        .map(([name, counts]) => [name, counts.reasons]),
    ).toEqual([]);
  }, 300_000);
});
