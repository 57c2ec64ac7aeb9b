import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '@shipshape/core/testing';
import { packedFiles } from './packed-files';
import { runPublint } from './run-publint';

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;

/** An npm workspace whose root .gitignore ignores dist and logs, the way npm reads it for a workspace member. */
const ws = tempWorkspace({
  'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['libs/*'] }),
  '.gitignore': 'dist\n*.log\n',
  'libs/.npmignore': '*.tmp\n',
  'libs/a/package.json': JSON.stringify({ name: 'a', version: '1.0.0', main: './dist/index.js', bin: './cli.js' }),
  'libs/a/src/index.ts': '',
  'libs/a/dist/index.js': '',
  'libs/a/cli.js': '',
  'libs/a/debug.log': '',
  'libs/a/scratch.tmp': '',
  'libs/a/README.md': '',
  'libs/a/.npmrc': '',
  'libs/b/package.json': JSON.stringify({
    name: 'b',
    version: '1.0.0',
    exports: { '.': './dist/index.js', './extra': './extra.js' },
    files: ['dist'],
  }),
  'libs/b/dist/index.js': 'export {}\n',
  'libs/b/extra.js': 'export {}\n',
  'libs/c/package.json': JSON.stringify({ name: 'c', version: '1.0.0', bundleDependencies: ['left-pad'] }),
});
afterAll(() => ws.remove());

describe('packedFiles', () => {
  it('lists what `npm pack --dry-run` lists for a workspace member: root ignore files, bin and main included', async () => {
    const dir = join(ws.root, 'libs/a');
    const ours = await packedFiles(dir, manifestOf(dir));
    const npm = (
      JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' })) as Array<{
        files: Array<{ path: string }>;
      }>
    )[0].files.map((f) => f.path);
    expect([...(ours ?? [])].sort()).toEqual([...npm].sort());
    expect(ours).not.toContain('debug.log');
    expect(ours).not.toContain('scratch.tmp');
    expect(ours).toContain('cli.js');
  }, 60_000);

  it('leaves a package that bundles dependencies to npm', async () => {
    const dir = join(ws.root, 'libs/c');
    expect(await packedFiles(dir, manifestOf(dir))).toBeUndefined();
  });
});

describe('runPublint', () => {
  it('lints in process and still tells a file that exists but is not published', async () => {
    const dir = join(ws.root, 'libs/b');
    const result = await runPublint(dir, manifestOf(dir));
    expect(result.listedBy).toBe('npm-packlist');
    expect(result.messages.map((m) => `${m.code} ${m.path.join('.')}`)).toContain('FILE_NOT_PUBLISHED exports../extra');
  }, 60_000);
});
