import { extractModuleInfo } from './module-info';

const source = `import { a } from './a';
import type { T } from './types';
import { type U, type V } from './uv';
import 'reflect-metadata';
import * as path from 'node:path';
export * from './barrel';
export { b as bee } from '@scope/pkg/sub';
export type { W } from './w';
export const one = 1, two = 2;
export function run() {
  const lazy = import('chalk');
  const old = require('lodash');
  return [lazy, old];
}
export default class Thing {}
export interface Shape { kind: string }
type Local = import('./types').T;
import fs = require('fs');
`;

describe('extractModuleInfo', () => {
  const info = extractModuleInfo('file.ts', source);

  it('finds every kind of import with its line', () => {
    expect(info.imports.map((i) => [i.specifier, i.kind, i.typeOnly, i.sideEffect, i.line])).toEqual([
      ['./a', 'import', false, false, 1],
      ['./types', 'import', true, false, 2],
      ['./uv', 'import', true, false, 3],
      ['reflect-metadata', 'import', false, true, 4],
      ['node:path', 'import', false, false, 5],
      ['./barrel', 'export', false, false, 6],
      ['@scope/pkg/sub', 'export', false, false, 7],
      ['./w', 'export', true, false, 8],
      ['fs', 'import-equals', false, false, 18],
      ['chalk', 'dynamic', false, false, 11],
      ['lodash', 'require', false, false, 12],
      ['./types', 'dynamic', true, false, 17],
    ]);
  });

  it('lists exports: stars, re-exports with their source, locals and defaults', () => {
    expect(info.exports.map((e) => [e.name, e.kind, e.typeOnly, e.from ?? null])).toEqual([
      ['*', 'star', false, './barrel'],
      ['bee', 're-export', false, '@scope/pkg/sub'],
      ['W', 're-export', true, './w'],
      ['one', 'local', false, null],
      ['two', 'local', false, null],
      ['run', 'local', false, null],
      ['default', 'local', false, null],
      ['Shape', 'local', true, null],
    ]);
  });

  it('gives 1-based columns', () => {
    const [first] = extractModuleInfo('x.ts', '  import "a";').imports;
    expect([first.line, first.column]).toEqual([1, 3]);
  });
});

describe('extractModuleInfo: triple-slash type references', () => {
  it('names the packages whose types a file references (trpc: /// <reference types="@fastify/websocket" />)', () => {
    const text = '/// <reference types="@fastify/websocket" />\n/// <reference lib="dom" />\nimport x from "y";\n';
    expect(extractModuleInfo('plugin.ts', text).typeReferences).toEqual([{ name: '@fastify/websocket', line: 1, column: 23 }]);
  });
});

describe('extractModuleInfo: guarded and lazy imports', () => {
  const guarded = `import 'eager';
const top = require('top');
try {
  require('in-try');
} catch {}
try {
  require('try-finally-only');
} finally {}
export async function load() {
  try {
    return await import('lazy-guarded');
  } catch {
    return import('in-catch');
  }
}
export const viaCatch = () => import('with-catch').catch(() => undefined);
export const viaThen = () => import('with-then').then((m) => m.default, () => undefined);
export const chained = () => import('chained').then((m) => m.default).catch(() => null);
export const unhandled = () => import('unhandled').then((m) => m.default);
try {
  const inner = () => require('defined-in-try');
} catch {}
`;
  const byName = Object.fromEntries(extractModuleInfo('g.ts', guarded).imports.map((i) => [i.specifier, [i.guarded, i.inFunction]]));

  it('marks a require or import() inside a try with a catch, or with a rejection handler, as guarded', () => {
    expect(byName).toEqual({
      eager: [false, false],
      top: [false, false],
      'in-try': [true, false],
      'try-finally-only': [false, false],
      'lazy-guarded': [true, true],
      'in-catch': [false, true],
      'with-catch': [true, true],
      'with-then': [true, true],
      chained: [true, true],
      unhandled: [false, true],
      'defined-in-try': [false, true],
    });
  });
});
