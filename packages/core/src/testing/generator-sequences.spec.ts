import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { ShipshapeError } from '../util/errors';
import { generatorSequenceProperty, runGeneratorSequence, type GeneratorSequenceSpec, type SequenceGenerator } from './generator-sequences';

const PACKAGE = '{\r\n    "name": "@acme/a",\r\n    "version": "1.0.0",\r\n    "scripts": { "build": "tsc" }\r\n}\r\n';
const PYPROJECT = '# the ledger\n[project]\nname = "ledger"\n# pinned on purpose\ndependencies = ["requests>=2"]\n';
const TSCONFIG = '{\n  // strict for the library\n  "compilerOptions": { "strict": true }\n}\n';

function workspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('libs/a/package.json', PACKAGE);
  tree.write('libs/a/tsconfig.json', TSCONFIG);
  tree.write('libs/py/pyproject.toml', PYPROJECT);
  tree.write('libs/a/src/index.ts', 'export const a = 1;\n');
  return tree;
}

const edit =
  (path: string, change: (text: string) => string): SequenceGenerator['run'] =>
  async (tree) =>
    tree.write(path, change(tree.read(path, 'utf-8')!));

/** The message of the one sequence `[name]` (with an interrupt after that many writes), or undefined when it holds. */
async function failure(generator: SequenceGenerator, interruptAfter?: number): Promise<string | undefined> {
  const spec: GeneratorSequenceSpec = { workspace, generators: { g: generator } };
  try {
    await runGeneratorSequence(spec, [{ generator: 'g', interruptAfter }]);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('generatorSequenceProperty', () => {
  it('holds for a generator that adds a field in the file style, once', async () => {
    const addDescription = edit('libs/a/package.json', (text) =>
      text.includes('"description"') ? text : text.replace('"version": "1.0.0",', '"version": "1.0.0",\r\n    "description": "A",'),
    );
    expect(await failure({ run: addDescription })).toBeUndefined();
    expect(await failure({ run: addDescription }, 0)).toBeUndefined();
    const stats = await generatorSequenceProperty({ workspace, generators: { add: { run: addDescription } }, numRuns: 5, maxLength: 3 });
    expect(stats.add.written + stats.add.unchanged + stats.add.interrupted).toBeGreaterThan(0);
  });

  it('tells a user field that changed or went, unless the generator owns it', async () => {
    const bump = edit('libs/a/package.json', (text) => text.replace('1.0.0', '2.0.0'));
    expect(await failure({ run: bump })).toContain('libs/a/package.json: version was "1.0.0", it is "2.0.0"');
    expect(await failure({ run: bump, owns: { 'package.json': ['version'] } })).toBeUndefined();
    const dropScripts = edit('libs/a/package.json', (text) => text.replace(',\r\n    "scripts": { "build": "tsc" }', ''));
    expect(await failure({ run: dropScripts })).toContain('scripts.build was "tsc", it is gone');
  });

  it('tells a manifest that no longer parses, a comment line that went, a file removed or edited', async () => {
    expect(await failure({ run: edit('libs/py/pyproject.toml', (text) => `${text}[project\n`) })).toContain(
      'libs/py/pyproject.toml no longer parses',
    );
    expect(await failure({ run: edit('libs/py/pyproject.toml', (text) => text.replace('# pinned on purpose\n', '')) })).toContain(
      'the comment line "# pinned on purpose" is gone',
    );
    expect(await failure({ run: edit('libs/a/tsconfig.json', (text) => text.replace('  // strict for the library\n', '')) })).toContain(
      'the comment line "// strict for the library" is gone',
    );
    expect(await failure({ run: async (tree) => tree.delete('libs/a/src/index.ts') })).toContain('libs/a/src/index.ts was removed');
    expect(await failure({ run: edit('libs/a/src/index.ts', (text) => `${text}export const b = 2;\n`) })).toContain(
      'libs/a/src/index.ts was changed, and it is not a file this generator edits',
    );
  });

  it('tells a line the user wrote that went, though its value is kept', async () => {
    const reflow = edit('libs/a/package.json', (text) =>
      text.replace('"scripts": { "build": "tsc" }', '"scripts": {\r\n        "build": "tsc"\r\n    }'),
    );
    expect(await failure({ run: reflow })).toContain('the line "\\"scripts\\": { \\"build\\": \\"tsc\\" }" (in scripts) is gone');
    expect(await failure({ run: reflow, owns: { 'package.json': ['scripts'] } })).toBeUndefined();
    const requote = edit('libs/py/pyproject.toml', (text) => text.replace('name = "ledger"', "name = 'ledger'"));
    const unpin = edit('libs/py/pyproject.toml', (text) => text.replace('"requests>=2"', '"requests>=3"'));
    expect(await failure({ run: unpin, owns: { 'pyproject.toml': ['project.dependencies'] } })).toBeUndefined();
    expect(await failure({ run: requote })).toContain(`the line "name = \\"ledger\\"" (in project.name) is gone`);
  });

  it('tells lost line endings and indentation', async () => {
    const reformat = edit('libs/a/package.json', (text) => `${JSON.stringify({ ...JSON.parse(text), description: 'A' }, null, 2)}\n`);
    const message = await failure({ run: reformat });
    expect(message).toContain('libs/a/package.json had CRLF line endings; it now has LF ones too');
    expect(message).toContain('libs/a/package.json was indented with "    "; it now is with "  "');
  });

  it('runs a dry run as nx g --dry-run: nothing of it is written, and nothing may be written around the Tree', async () => {
    const seen: Array<string | undefined> = [];
    const dry: SequenceGenerator['run'] = async (tree) => {
      seen.push(process.env.NX_DRY_RUN);
      tree.write('libs/a/src/index.ts', 'export const a = 2;\n');
    };
    expect(await failure({ run: dry, dryRun: true })).toBeUndefined();
    expect(seen).toEqual(['true']);
    const around: SequenceGenerator['run'] = async (tree) => writeFileSync(join(tree.root, 'libs/a/src/index.ts'), 'export const a = 2;\n');
    expect(await failure({ run: around, dryRun: true })).toContain('a dry run wrote to the workspace around the Tree');
  });

  it('tells a generator that is not idempotent', async () => {
    const append = edit('libs/a/src/index.ts', (text) => `${text}// again\n`);
    expect(await failure({ run: append, edits: /index\.ts$/ })).toContain('a second run is not idempotent, it changes libs/a/src/index.ts');
  });

  it('accepts a ShipshapeError or the interrupt, and tells any other crash; a failed step writes nothing', async () => {
    const refuse = async () => {
      throw new ShipshapeError('no project named x');
    };
    expect(await failure({ run: refuse })).toBeUndefined();
    const twoWrites: SequenceGenerator['run'] = async (tree) => {
      tree.write('libs/a/src/one.ts', 'export {};\n');
      tree.write('libs/a/src/two.ts', 'export {};\n');
    };
    expect(await failure({ run: twoWrites }, 1)).toBeUndefined();
    const crash = async (tree: Tree) => {
      tree.write('libs/a/src/one.ts', 'export {};\n');
      return (undefined as unknown as { x: number }).x;
    };
    expect(await failure({ run: crash })).toContain('crashed (neither a ShipshapeError nor the interrupt): TypeError');
    const wrapped = async (tree: Tree) => {
      try {
        tree.write('libs/a/src/one.ts', 'export {};\n');
      } catch (error) {
        throw new Error('could not write', { cause: error });
      }
    };
    expect(await failure({ run: wrapped }, 0)).toBeUndefined();
    const around = async (tree: Tree) => {
      writeFileSync(join(tree.root, 'libs/a/src/index.ts'), 'export const a = 2;\n');
      throw new ShipshapeError('refused, after writing');
    };
    expect(await failure({ run: around })).toContain('failed, and wrote to the workspace around the Tree');
  });
});
