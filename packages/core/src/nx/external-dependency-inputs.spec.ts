import { tempWorkspace } from '../testing/temp-workspace';
import { externalDependencyInputs } from './external-dependency-inputs';

const NAMES = ['@shipshape/api', 'typescript', 'mermaid'];
const catOf = (...names: string[]) => ({
  runtime: `cat ${names.map((name) => `node_modules/${name}/package.json`).join(' ')} 2>/dev/null || true`,
});

describe('externalDependencyInputs', () => {
  const workspaces: Array<{ remove: () => void }> = [];
  const workspace = (files: Record<string, string>) => {
    const ws = tempWorkspace(files);
    workspaces.push(ws);
    return ws.root;
  };
  afterAll(() => workspaces.forEach((ws) => ws.remove()));

  it('hashes through Nx the packages the npm lock file installs, and the others by their installed manifests', () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        '': { devDependencies: { '@shipshape/api': '1.0.0', typescript: '5.9.3' } },
        'node_modules/@shipshape/api': { version: '1.0.0', peerDependenciesMeta: { mermaid: { optional: true } } },
        'node_modules/typescript': { version: '5.9.3' },
      },
    };
    const root = workspace({ 'package-lock.json': JSON.stringify(lock, null, 2) });
    // mermaid is only an optional peer there: Nx has no node for it, and would fail the run on it.
    expect(externalDependencyInputs(root, NAMES, 'linux')).toEqual([
      { externalDependencies: ['@shipshape/api', 'typescript'] },
      catOf('mermaid'),
    ]);
  });

  it('reads a version 1 npm lock file by its entries’ names', () => {
    const lock = { lockfileVersion: 1, dependencies: { typescript: { version: '4.9.5' } } };
    const root = workspace({ 'package-lock.json': JSON.stringify(lock, null, 2) });
    expect(externalDependencyInputs(root, ['typescript', 'mermaid'], 'linux')).toEqual([
      { externalDependencies: ['typescript'] },
      catOf('mermaid'),
    ]);
  });

  it('reads pnpm and yarn lock files, scoped names included, and a name that only prefixes another is not listed', () => {
    const pnpm = workspace({
      'pnpm-lock.yaml': [
        "lockfileVersion: '9.0'",
        'importers:',
        '  .:',
        '    devDependencies:',
        "      '@shipshape/api':",
        '        specifier: 1.0.0',
        'packages:',
        "  '@shipshape/api@1.0.0':",
        '    resolution: {integrity: sha512-x}',
        '  typescript-eslint@8.0.0:',
        '    resolution: {integrity: sha512-y}',
        '',
      ].join('\n'),
    });
    expect(externalDependencyInputs(pnpm, ['@shipshape/api', 'typescript'], 'linux')).toEqual([
      { externalDependencies: ['@shipshape/api'] },
      catOf('typescript'),
    ]);
    const yarn = workspace({
      'yarn.lock': [
        '"@shipshape/api@^1.0.0", "@shipshape/api@1.0.0":',
        '  version "1.0.0"',
        '',
        'typescript@^5.0.0:',
        '  version "5.9.3"',
        '',
      ].join('\n'),
    });
    expect(externalDependencyInputs(yarn, NAMES, 'linux')).toEqual([
      { externalDependencies: ['@shipshape/api', 'typescript'] },
      catOf('mermaid'),
    ]);
  });

  it('uses only the runtime input where Nx has no external nodes to hash: no lock file, Bun, lock-file analysis off', () => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/typescript': { version: '5.9.3' } } }, null, 2);
    const off = JSON.stringify({ pluginsConfig: { '@nx/js': { analyzeLockfile: false } } });
    for (const files of [
      {},
      { 'bun.lock': '"typescript@5.9.3"', 'package-lock.json': lock },
      { 'nx.json': off, 'package-lock.json': lock },
      // nx.json may hold comments, as Nx reads it
      { 'nx.json': `// lock file analysis is slow here\n${off}`, 'package-lock.json': lock },
    ])
      expect(externalDependencyInputs(workspace(files), ['typescript'], 'linux')).toEqual([catOf('typescript')]);
  });

  it('prints the manifests with Node on Windows, whose shell has no cat, and asks nothing for no package', () => {
    const [input] = externalDependencyInputs(workspace({}), ['typescript'], 'win32');
    expect(input).toEqual({ runtime: expect.stringMatching(/^node -e ".*'typescript'.*package\.json.*"$/) });
    expect(externalDependencyInputs(workspace({}), [], 'linux')).toEqual([]);
  });
});
