import type { Tree } from '@nx/devkit';
import type { Check, FindingInput } from '@shipshape/core';
import { treeProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import { fixtureTree, onDisk, runApiExtractor } from './__fixtures__/helpers';
import { claimedStability, pythonIncompatibleStability, pythonInternalExport, pythonStabilityMarker } from './python-checks';
import { releaseTagsOf } from './release-tags';
import { incompatibleReleaseTagsCheck, internalExport, missingReleaseTag } from './typescript-checks';

jest.setTimeout(120_000);

async function run(tree: Tree, project: string, check: Check): Promise<FindingInput[]> {
  return check.run(treeProject(tree, project, [API_OPTIONS]));
}

const at = (findings: FindingInput[]) => findings.map((f) => `${f.file}:${f.line}`).sort();

describe('release tags, read with @microsoft/tsdoc', () => {
  it('reads modifier tags, not a tag in a code span or a fenced example', () => {
    expect(releaseTagsOf('/** A thing. @beta */')).toEqual(['beta']);
    expect(releaseTagsOf('/**\n * A thing.\n *\n * @public\n */')).toEqual(['public']);
    expect(releaseTagsOf('/** Write `@public` on it. */')).toEqual([]);
    expect(releaseTagsOf('/**\n * @example\n * ```ts\n * // @internal\n * ```\n */')).toEqual([]);
    expect(releaseTagsOf('/** @internal @alpha */')).toEqual(['internal', 'alpha']);
  });
});

describe('TypeScript release-tag checks', () => {
  const tree = fixtureTree('adopted-ts', 'untagged-ts');
  const root = 'libs/adopted-ts';

  it('finds each untagged export of a project that tags its API, where api-extractor reports it', async () => {
    const findings = await run(tree, 'adopted-ts', missingReleaseTag);
    expect(findings.map((f) => f.key).sort()).toEqual(
      ['missing:OFFSET', 'missing:SCALE', 'missing:Square', 'missing:perimeter', 'missing:scale'].sort(),
    );
    expect(findings.every((f) => f.severity === undefined)).toBe(true);
    // The same files and lines as api-extractor's ae-missing-release-tag, run for real on the emitted .d.ts.
    const extractor = await onDisk(tree, root, (dir) => runApiExtractor(dir, ['src/index.ts', 'src/shapes/index.ts']));
    const expected = [
      ...new Set(extractor.filter((m) => m.id === 'ae-missing-release-tag').map((m) => `${root}/${m.file}:${m.line}`)),
    ].sort();
    expect(expected.length).toBeGreaterThan(3);
    expect([...new Set(at(findings))]).toEqual(expected);
  });

  it('reports a public signature exposing a @beta type, where api-extractor does', async () => {
    const findings = await run(tree, 'adopted-ts', incompatibleReleaseTagsCheck);
    // Each overload of a method is judged (and reported) on its own, as api-extractor does.
    expect(findings.map((f) => f.key).sort()).toEqual([
      'incompatible:Grid.fit:LayoutEngine',
      'incompatible:Grid.fit:LayoutEngine#2',
      'incompatible:layout:LayoutEngine',
    ]);
    const extractor = await onDisk(tree, root, (dir) => runApiExtractor(dir, ['src/index.ts']));
    expect(at(findings)).toEqual(
      extractor.filter((m) => m.id === 'ae-incompatible-release-tags').map((m) => `${root}/${m.file}:${m.line}`),
    );
  });

  it('reports @internal names a public entry exports, unless underscored', async () => {
    const findings = await run(tree, 'adopted-ts', internalExport);
    expect(findings.map((f) => f.key).sort()).toEqual(['internal:cacheKey', 'internal:tuneCache']);
    tree.write(`${root}/src/cache.ts`, (tree.read(`${root}/src/cache.ts`, 'utf-8') ?? '').replace('tuneCache', '_tuneCache'));
    tree.write(`${root}/src/index.ts`, (tree.read(`${root}/src/index.ts`, 'utf-8') ?? '').replace('tuneCache', '_tuneCache'));
    expect((await run(tree, 'adopted-ts', internalExport)).map((f) => f.key)).toEqual(['internal:cacheKey']);
  });

  it('says it once for the project, as a note, when the project uses no release tag', async () => {
    const findings = await run(tree, 'untagged-ts', missingReleaseTag);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'libs/untagged-ts/src/index.ts', line: 1, severity: 'info' });
    expect(findings[0].message).toContain('5 exported declarations of the public entry "main" carry no TSDoc release tag');
    expect(await run(tree, 'untagged-ts', incompatibleReleaseTagsCheck)).toEqual([]);
    expect(await run(tree, 'untagged-ts', internalExport)).toEqual([]);
  });

  it('stays quiet on a project whose every export is tagged and consistent', async () => {
    const clean = fixtureTree('adopted-ts');
    const file = `${root}/src/layout.ts`;
    clean.write(
      file,
      (clean.read(file, 'utf-8') ?? '').replace(
        /Lays shapes out with the default engine\.\n \* @public/,
        'Lays shapes out with the default engine.\n * @beta',
      ),
    );
    clean.write(file, (clean.read(file, 'utf-8') ?? '').replace('A grid of shapes.\n * @public', 'A grid of shapes.\n * @beta'));
    clean.write(
      `${root}/src/measure.ts`,
      (clean.read(`${root}/src/measure.ts`, 'utf-8') ?? '').replace(/^export function/gm, '/** @public */\nexport function'),
    );
    clean.write(
      `${root}/src/shapes/shape.ts`,
      (clean.read(`${root}/src/shapes/shape.ts`, 'utf-8') ?? '').replace(' * A square.\n', ' * A square.\n * @public\n'),
    );
    clean.write(`${root}/src/units.ts`, '/** @public */\nexport const UNIT = "px";\n');
    clean.write(
      `${root}/src/index.ts`,
      (clean.read(`${root}/src/index.ts`, 'utf-8') ?? '').replace("export { cacheKey, tuneCache } from './cache';\n", ''),
    );
    for (const check of [missingReleaseTag, incompatibleReleaseTagsCheck, internalExport])
      expect(await run(clean, 'adopted-ts', check)).toEqual([]);
  });
});

describe('Python stability checks', () => {
  const tree = fixtureTree('marked-py');
  const file = (name: string) => `libs/marked-py/src/geometry/${name}`;

  it('finds a name its docstring calls experimental with no marker', async () => {
    const findings = await run(tree, 'marked-py', pythonStabilityMarker);
    expect(findings).toEqual([expect.objectContaining({ file: file('shapes.py'), line: 15, key: 'claim:Square' })]);
  });

  it('finds a stable signature exposing an experimental class', async () => {
    const findings = await run(tree, 'marked-py', pythonIncompatibleStability);
    expect(findings).toEqual([expect.objectContaining({ file: file('layout.py'), key: 'incompatible:layout:LayoutEngine' })]);
  });

  it('finds internal names in a public __all__', async () => {
    const findings = await run(tree, 'marked-py', pythonInternalExport);
    expect(findings.map((f) => `${f.file} ${f.key}`).sort()).toEqual([
      `${file('__init__.py')} internal-all:_cache_key`,
      `${file('shapes.py')} internal-all:Registry`,
    ]);
  });

  it('stays quiet once the markers say what the docs say', async () => {
    const clean = fixtureTree('marked-py');
    const edit = (name: string, from: string | RegExp, to: string) =>
      clean.write(file(name), (clean.read(file(name), 'utf-8') ?? '').replace(from, to));
    // Square's claim was old news: it is stable now (marking it experimental would make area's signature expose it).
    edit('shapes.py', '\n    This class is experimental: its constructor may change.\n', '\n    Its sides are equal.\n');
    edit('shapes.py', '"area", "Registry"]', '"area"]');
    edit('layout.py', 'def layout(', '@experimental\ndef layout(');
    expect(await run(clean, 'marked-py', pythonIncompatibleStability)).toEqual([]);
    edit('__init__.py', '"_cache_key", ', '');
    for (const check of [pythonStabilityMarker, pythonIncompatibleStability, pythonInternalExport])
      expect(await run(clean, 'marked-py', check)).toEqual([]);
  });
});

describe('docstring claims', () => {
  it('reads phrases about the object itself, not the word anywhere', () => {
    expect(claimedStability('This module contains provisional support for SOCKS proxies.')?.level).toBe('experimental');
    expect(claimedStability('A square.\n\nThis class is experimental: its constructor may change.')?.level).toBe('experimental');
    expect(claimedStability('Helpers.\n\n.. warning:: Experimental.\n')?.level).toBe('experimental');
    expect(claimedStability('These types are not part of the public API and must not be relied upon.')?.level).toBe('internal');
    expect(claimedStability('For internal use only.')?.level).toBe('internal');
    expect(claimedStability('Flushes the internal buffer.')).toBeUndefined();
    expect(claimedStability('Experimental features are enabled by `flag`.')).toBeUndefined();
    expect(claimedStability('Opens a client.\n\nPass http2=True to enable the experimental feature.')).toBeUndefined();
  });
});

describe('bad input', () => {
  it('checks the rest of a Python package when one module does not parse', async () => {
    const tree = fixtureTree('marked-py');
    tree.write('libs/marked-py/src/geometry/broken.py', 'def oops(:\n    """This is experimental."""\n');
    const findings = await run(tree, 'marked-py', pythonStabilityMarker);
    expect(findings.map((f) => f.key)).toEqual(['claim:Square']);
  });

  it('reads the surface of TypeScript that does not compile', async () => {
    const tree = fixtureTree('untagged-ts');
    tree.write(
      'libs/untagged-ts/src/tokenizer.ts',
      `${tree.read('libs/untagged-ts/src/tokenizer.ts', 'utf-8')}\nexport const broken: number = ;\n`,
    );
    const findings = await run(tree, 'untagged-ts', missingReleaseTag);
    expect(findings[0].message).toContain('5 exported declarations'); // the broken one is not exported by the entry
  });
});
