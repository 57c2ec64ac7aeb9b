import { ShipshapeWorkspace } from '@shipshape/core';
import { diskSource, resolveOptions } from '@shipshape/core/engine';
import { diskProject } from '@shipshape/core/testing';
import { API_OPTIONS } from '../options';
import { diskWorkspace, inferredLibrary } from './__fixtures__/workspace';
import { coverageGroups, typeCoverage } from './type-coverage';

jest.setTimeout(180_000);

/** The store library again under another root, with one untyped function more. */
function withSecondLibrary(files: Record<string, string>): Record<string, string> {
  const second = Object.entries(files)
    .filter(([path]) => path.startsWith('libs/store/'))
    .map(([path, text]) => [path.replace('libs/store/', 'libs/loose/'), text.replace('@fx/store', '@fx/loose')]);
  return {
    ...files,
    ...Object.fromEntries(second),
    'libs/loose/src/loose.ts': 'export function nameOf(value: any) {\n  const name = value.name;\n  return name;\n}\n',
  };
}

describe('type-coverage in a batch', () => {
  let workspace: ReturnType<typeof diskWorkspace>;
  afterEach(() => workspace?.remove());

  it('keeps projects whose compiler options differ apart', () => {
    const files = withSecondLibrary(inferredLibrary);
    files['libs/loose/tsconfig.lib.json'] = files['libs/loose/tsconfig.lib.json'].replace('"strict": true', '"strict": false');
    workspace = diskWorkspace(files);
    const batched = new ShipshapeWorkspace({
      source: diskSource(workspace.root),
      options: resolveOptions({}, 'test options', [API_OPTIONS]),
      batch: [
        { name: 'store', root: 'libs/store' },
        { name: 'loose', root: 'libs/loose' },
      ],
    });
    expect(coverageGroups(batched).map((group) => group.members.map((m) => m.project.root))).toEqual([['libs/store'], ['libs/loose']]);
  });

  it('measures projects that share compiler options in one program, with the figures each has alone', () => {
    workspace = diskWorkspace(withSecondLibrary(inferredLibrary));
    const alone = ['libs/store', 'libs/loose'].map((root) =>
      diskProject(workspace.root, root, { sections: [API_OPTIONS] }).get(typeCoverage),
    );
    const batch = [
      { name: 'store', root: 'libs/store' },
      { name: 'loose', root: 'libs/loose' },
    ];
    const batched = new ShipshapeWorkspace({
      source: diskSource(workspace.root),
      options: resolveOptions({}, 'test options', [API_OPTIONS]),
      batch,
    });
    expect(coverageGroups(batched).map((group) => group.members.map((m) => m.project.root))).toEqual([['libs/store', 'libs/loose']]);
    // a group beyond the file limit is measured in parts, one program each
    const storeFiles = coverageGroups(batched)[0].members[0].sources.length;
    expect(coverageGroups(batched, undefined, storeFiles).map((group) => group.members.map((m) => m.project.root))).toEqual([
      ['libs/store'],
      ['libs/loose'],
    ]);
    const together = batch.map((node) => batched.project(node).get(typeCoverage));
    expect(alone[0]?.total).toBeGreaterThan(0);
    // the untyped parameter and what comes from it make the second library's figure lower
    expect(alone[1]!.percent).toBeLessThan(alone[0]!.percent);
    expect(together).toEqual(alone);
  });
});
