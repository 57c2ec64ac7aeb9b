import type { Tree } from '@nx/devkit';
import { expectIdempotentAndDryRunSafe, treeProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../../options';
import { fixtureTree, onDisk, pythonImport, runApiExtractor, typeCheck } from '../../stability/__fixtures__/helpers';
import { pythonStabilityMarker } from '../../stability/python-checks';
import { missingReleaseTag } from '../../stability/typescript-checks';
import { releaseTagsGenerator } from './release-tags';

jest.setTimeout(180_000);

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';
const snapshot = (tree: Tree) => new Map(tree.listChanges().map((c) => [c.path, c.content?.toString('utf8')]));

describe('release-tags generator, TypeScript', () => {
  const root = 'libs/adopted-ts';

  it('adds @public to every untagged export, in the comment it has (in its style) or a new line, and never changes a written tag', async () => {
    const tree = fixtureTree('adopted-ts');
    const layoutBefore = read(tree, `${root}/src/layout.ts`);
    const cacheBefore = read(tree, `${root}/src/cache.ts`);
    await releaseTagsGenerator(tree, { project: 'adopted-ts', skipFormat: true });
    const measure = read(tree, `${root}/src/measure.ts`);
    expect(measure).toContain('/** The perimeter of a shape. @public */\nexport function perimeter');
    // A line comment is not TSDoc: it stays, and each overload gets its own tag line.
    expect(measure).toContain(
      '// Scales a shape; kept for the 1.x callers.\n/** @public */\nexport function scale(shape: Shape, by: number): Shape;\n/** @public */\nexport function scale(shape: Shape, by: number, round: boolean): Shape;\nexport function scale(',
    );
    expect(measure).toContain(' * @returns Its area, in square units.\n * @public\n */'); // untouched
    expect(read(tree, `${root}/src/shapes/shape.ts`)).toContain('/**\n * A square.\n * @public\n */\nexport class Square');
    // A statement that declares two names is split by the user first: api-extractor reads no tag on it.
    expect(read(tree, `${root}/src/units.ts`)).toBe(
      "    /** @public */\n    export const UNIT = 'px';\n\n    export const SCALE = 2,\n      OFFSET = 0;\n",
    );
    tree.write(
      `${root}/src/units.ts`,
      "    /** @public */\n    export const UNIT = 'px';\n\n    export const SCALE = 2;\n    export const OFFSET = 0;\n",
    );
    await releaseTagsGenerator(tree, { project: 'adopted-ts', skipFormat: true });
    expect(read(tree, `${root}/src/units.ts`)).toBe(
      "    /** @public */\n    export const UNIT = 'px';\n\n    /** @public */\n    export const SCALE = 2;\n    /** @public */\n    export const OFFSET = 0;\n",
    );
    expect(read(tree, `${root}/src/layout.ts`)).toBe(layoutBefore);
    expect(read(tree, `${root}/src/cache.ts`)).toBe(cacheBefore);
    expect(await missingReleaseTag.run(treeProject(tree, 'adopted-ts', [API_OPTIONS]))).toEqual([]);
    await onDisk(tree, root, (dir) => {
      expect(typeCheck(dir)).toBe('');
      expect(runApiExtractor(dir, ['src/index.ts', 'src/shapes/index.ts']).filter((m) => m.id === 'ae-missing-release-tag')).toEqual([]);
    });
  });

  it('keeps CRLF line endings and fenced examples, and tags an untagged library as api-extractor then accepts', async () => {
    const tree = fixtureTree('untagged-ts');
    const lib = 'libs/untagged-ts';
    tree.write(`${lib}/src/tokenizer.ts`, `\uFEFF${read(tree, `${lib}/src/tokenizer.ts`)}`);
    await releaseTagsGenerator(tree, { project: 'untagged-ts', skipFormat: true });
    expect(read(tree, `${lib}/src/tokenizer.ts`).startsWith('\uFEFF/* The separator words are split on. */\n/** @public */\n')).toBe(true);
    const slug = read(tree, `${lib}/src/slug.ts`);
    expect(slug).toContain('/** Options of slugify. @public */\r\nexport interface SlugOptions');
    expect(slug).toContain(' * ```\r\n * @public\r\n */\r\nexport function slugify');
    expect(slug.replace(/\r\n/g, '')).not.toContain('\n');
    const tokenizer = read(tree, `${lib}/src/tokenizer.ts`);
    expect(tokenizer).toContain('/* The separator words are split on. */\n/** @public */\nexport const DEFAULT_SEPARATOR');
    expect(tokenizer.match(/@public/g)).toHaveLength(2);
    expect(tokenizer).toContain(' * @deprecated Use `slugify` and split its result instead. @public */\nexport class Tokenizer');
    expect(read(tree, `${lib}/src/index.ts`)).toContain('/** @public */\nexport default function version()');
    await onDisk(tree, lib, (dir) => {
      expect(typeCheck(dir)).toBe('');
      expect(runApiExtractor(dir, ['src/index.ts']).filter((m) => m.id === 'ae-missing-release-tag')).toEqual([]);
    });
  });

  it('writes the configured default tag', async () => {
    const tree = fixtureTree('untagged-ts');
    const nxJson = JSON.parse(read(tree, 'nx.json'));
    nxJson.plugins = [
      ...(nxJson.plugins ?? []),
      { plugin: '@shipshape/pipeline', options: { api: { stability: { defaultTag: 'beta' } } } },
    ];
    tree.write('nx.json', JSON.stringify(nxJson, null, 2));
    await releaseTagsGenerator(tree, { project: 'untagged-ts', skipFormat: true });
    expect(read(tree, 'libs/untagged-ts/src/slug.ts')).toContain('/** Options of slugify. @beta */');
  });

  it('is idempotent, and writes nothing on a tagged project', async () => {
    const tree = fixtureTree('adopted-ts', 'untagged-ts');
    await releaseTagsGenerator(tree, { project: 'adopted-ts', skipFormat: true });
    await releaseTagsGenerator(tree, { project: 'untagged-ts', skipFormat: true });
    const once = snapshot(tree);
    await releaseTagsGenerator(tree, { project: 'adopted-ts', skipFormat: true });
    await releaseTagsGenerator(tree, { project: 'untagged-ts', skipFormat: true });
    expect(snapshot(tree)).toEqual(once);
  });
});

describe('release-tags generator, --dry-run', () => {
  it('changes only the Tree: nothing reaches the disk until Nx writes it, and a second run changes nothing', async () => {
    const source = fixtureTree('adopted-ts', 'marked-py');
    source.delete('libs/marked-py/src/geometry/_stability.py');
    const files: Record<string, Buffer> = {};
    for (const change of source.listChanges()) if (change.content) files[change.path] = change.content;
    const changed = await expectIdempotentAndDryRunSafe(
      releaseTagsGenerator,
      files,
      { project: 'adopted-ts', skipFormat: true },
      { project: 'marked-py', skipFormat: true },
    );
    expect(changed).toEqual([
      'libs/adopted-ts/src/measure.ts',
      'libs/adopted-ts/src/shapes/shape.ts',
      'libs/marked-py/src/geometry/_stability.py',
    ]);
  });
});

describe('release-tags generator, Python', () => {
  it('scaffolds a typed _stability module that imports, with no runtime dependency, and leaves the docstring claims to the user', async () => {
    const tree = fixtureTree('marked-py');
    tree.delete('libs/marked-py/src/geometry/_stability.py');
    await releaseTagsGenerator(tree, { project: 'marked-py', skipFormat: true });
    const module = read(tree, 'libs/marked-py/src/geometry/_stability.py');
    expect(module).toContain('def experimental(obj: _T) -> _T:');
    expect(module).not.toMatch(/^(?:from|import) (?!typing\b)/m);
    await onDisk(tree, 'libs/marked-py', (dir) => {
      expect(
        pythonImport(
          dir,
          'src',
          'import geometry\nfrom geometry._stability import experimental, internal\n@experimental\nclass A: pass\n@internal\ndef f(): pass',
          '[A.__stability__, f.__stability__, geometry.LayoutEngine.__name__]',
        ),
      ).toEqual(['experimental', 'internal', 'LayoutEngine']);
    });
    // The Square claim is left: where the import goes and whether the docs are still right are the user's call.
    expect(await pythonStabilityMarker.run(treeProject(tree, 'marked-py', [API_OPTIONS]))).toHaveLength(1);
    const once = snapshot(tree);
    await releaseTagsGenerator(tree, { project: 'marked-py', skipFormat: true });
    expect(snapshot(tree)).toEqual(once);
  });

  it('keeps a marker module the package has', async () => {
    const tree = fixtureTree('marked-py');
    const before = read(tree, 'libs/marked-py/src/geometry/_stability.py');
    await releaseTagsGenerator(tree, { project: 'marked-py', skipFormat: true });
    expect(read(tree, 'libs/marked-py/src/geometry/_stability.py')).toBe(before);
  });
});
