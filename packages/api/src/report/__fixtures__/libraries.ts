// The libraries of the report area's specs (report.spec.ts) and the helpers that put them on disk under git; the
// conformance fixture (conformance.ts) holds the libraries too.
import { execFileSync } from 'node:child_process';
import type { Tree } from '@nx/devkit';

/** A TS library with two exports entries (`.` and `./utils`), compiled from src/ by its tsconfig; no dist yet. */
export const TS_LIB: Record<string, string> = {
  'package.json': '{ "name": "ws", "private": true, "workspaces": ["libs/*"] }\n',
  'libs/shapes/package.json': `${JSON.stringify(
    {
      name: '@acme/shapes',
      version: '1.0.0',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './utils': { types: './dist/utils.d.ts', default: './dist/utils.js' },
        './package.json': './package.json',
      },
    },
    null,
    2,
  )}\n`,
  'libs/shapes/tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        rootDir: 'src',
        outDir: 'dist',
        declaration: true,
        types: [],
        // as most libraries have it: tsc checks the sources, not TypeScript's own lib files on every report build
        skipLibCheck: true,
      },
      include: ['src/**/*.ts'],
    },
    null,
    2,
  )}\n`,
  'libs/shapes/src/index.ts': [
    '/**',
    ' * A shape.',
    ' * @public',
    ' */',
    'export interface Shape {',
    '  /** Number of sides. */',
    '  sides: number;',
    '}',
    '',
    '/**',
    ' * Area of a square.',
    ' * @public',
    ' */',
    'export function area(side: number): number {',
    '  return side * side;',
    '}',
    '',
  ].join('\n'),
  'libs/shapes/src/utils.ts': [
    '/**',
    ' * Clamps a value.',
    ' * @public',
    ' */',
    'export function clamp(value: number, min = 0): number {',
    '  return Math.max(value, min);',
    '}',
    '',
  ].join('\n'),
};

/** A Python library (src layout) with a class and a function. */
export const PY_LIB: Record<string, string> = {
  'libs/greet/pyproject.toml': '[project]\nname = "greet"\nversion = "1.0.0"\n',
  'libs/greet/src/greet/__init__.py': '"""Greetings."""\nfrom .core import Greeter, greet\n\n__all__ = ["Greeter", "greet"]\n',
  'libs/greet/src/greet/core.py':
    'class Greeter:\n    """Greets."""\n\n    def __init__(self, name: str) -> None:\n        self.name = name\n\n    def hello(self, punctuation: str = "!") -> str:\n        return f"Hello, {self.name}{punctuation}"\n\n\ndef greet(name: str) -> str:\n    return Greeter(name).hello()\n',
};

/** A git repository at the workspace root with everything committed. */
export function gitInit(root: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
}

export function gitCommit(root: string, message: string, tag?: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
  if (tag) git('tag', tag);
}

/** An Nx Tree over a folder on disk (what `nx g` gives a generator). */
export function diskTree(root: string): Tree & { listChanges(): Array<{ path: string; type: string }> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- nx's own Tree class, as the conformance suite loads it
  const { FsTree } = require('nx/src/generators/tree') as { FsTree: new (root: string, verbose: boolean) => Tree };
  return new FsTree(root, false);
}

/** Writes a Tree's pending changes to disk (as `nx g` does at the end). */
export function flush(tree: Tree): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- nx's own flush, as nx g ends
  const { flushChanges } = require('nx/src/generators/tree') as { flushChanges: (root: string, changes: unknown[]) => void };
  flushChanges(tree.root, tree.listChanges());
}
