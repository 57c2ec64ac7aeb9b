import { tmpdir } from 'node:os';
import { typescriptBump } from './classify-typescript';

const report = (code: string) => `## API Report File for "x"\n\n\`\`\`ts\n\n${code}\n\n\`\`\`\n`;

/** The semver table for TypeScript: each change of an api-extractor report with the bump it calls for. */
const TABLE: Array<[string, string, string, 'major' | 'minor' | 'patch' | 'none', string]> = [
  ['removed export', 'export function a(): void;\nexport function b(): void;', 'export function a(): void;', 'major', 'removed'],
  ['added export', 'export function a(): void;', 'export function a(): void;\nexport function b(): void;', 'minor', 'added'],
  [
    'added optional parameter',
    'export function f(a: string): void;',
    'export function f(a: string, b?: number): void;',
    'minor',
    'parameter-added-optional',
  ],
  [
    'new required parameter',
    'export function f(a: string): void;',
    'export function f(a: string, b: number): void;',
    'major',
    'parameter-added-required',
  ],
  [
    'removed parameter',
    'export function f(a: string, b: number): void;',
    'export function f(a: string): void;',
    'major',
    'parameter-removed',
  ],
  ['narrowed return type', 'export function f(): string | number;', 'export function f(): string;', 'minor', 'return-narrowed'],
  ['widened return type', 'export function f(): string;', 'export function f(): string | number;', 'major', 'return-widened'],
  [
    'widened parameter type',
    'export function f(a: string): void;',
    'export function f(a: string | number): void;',
    'minor',
    'parameter-widened',
  ],
  [
    'narrowed parameter type',
    'export function f(a: string | number): void;',
    'export function f(a: string): void;',
    'major',
    'parameter-narrowed',
  ],
  [
    'parameter became optional',
    'export function f(a: string): void;',
    'export function f(a?: string): void;',
    'minor',
    'parameter-optional',
  ],
  [
    'parameter became required',
    'export function f(a?: string): void;',
    'export function f(a: string): void;',
    'major',
    'parameter-required',
  ],
  ['changed default (not in the declarations)', 'export function f(a?: number): void;', 'export function f(a?: number): void;', 'none', ''],
  [
    'class base removed',
    'export class Base {\n}\nexport class C extends Base {\n}',
    'export class Base {\n}\nexport class C {\n}',
    'major',
    'base-removed',
  ],
  [
    'class method removed',
    'export class C {\n    run(): void;\n    stop(): void;\n}',
    'export class C {\n    run(): void;\n}',
    'major',
    'member-removed',
  ],
  [
    'class method added',
    'export class C {\n    run(): void;\n}',
    'export class C {\n    run(): void;\n    stop(): void;\n}',
    'minor',
    'member-added',
  ],
  [
    'constructor takes a new required parameter',
    'export class C {\n    constructor(a: string);\n}',
    'export class C {\n    constructor(a: string, b: number);\n}',
    'major',
    'parameter-added-required',
  ],
  [
    'interface optional member added',
    'export interface O {\n    a: string;\n}',
    'export interface O {\n    a: string;\n    b?: number;\n}',
    'minor',
    'member-added',
  ],
  [
    'interface required member added',
    'export interface O {\n    a: string;\n}',
    'export interface O {\n    a: string;\n    b: number;\n}',
    'major',
    'member-added-required',
  ],
  [
    'interface member removed',
    'export interface O {\n    a: string;\n    b: number;\n}',
    'export interface O {\n    a: string;\n}',
    'major',
    'member-removed',
  ],
  [
    'interface member type changed',
    'export interface O {\n    a: string;\n}',
    'export interface O {\n    a: number;\n}',
    'major',
    'member-type-changed',
  ],
  ['union type alias widened', "export type Mode = 'a' | 'b';", "export type Mode = 'a' | 'b' | 'c';", 'major', 'type-widened'],
  ['enum member added', 'export enum E {\n    A = 0\n}', 'export enum E {\n    A = 0,\n    B = 1\n}', 'minor', 'member-added'],
  ['enum member removed', 'export enum E {\n    A = 0,\n    B = 1\n}', 'export enum E {\n    A = 0\n}', 'major', 'member-removed'],
  ['const narrowed', 'export const v: string | number;', 'export const v: string;', 'minor', 'type-narrowed'],
  ['function became a class', 'export function f(): void;', 'export class f {\n}', 'major', 'kind-changed'],
  ['release tag lowered', '// @public\nexport function f(): void;', '// @beta\nexport function f(): void;', 'major', 'release-tag-lowered'],
  ['deprecated', '// @public\nexport function f(): void;', '// @public @deprecated\nexport function f(): void;', 'minor', 'deprecated'],
  ['same type written differently', 'export function f(): Array<string>;', 'export function f(): string[];', 'patch', 'rewritten'],
  [
    'comment only: the report changed, not the API',
    '// (undocumented)\nexport function f(): void;',
    'export function f(): void;',
    'patch',
    '',
  ],
];

describe('the TypeScript semver classifier', () => {
  it.each(TABLE)('%s', (_what, before, after, bump, kind) => {
    const result = typescriptBump(report(before), report(after), tmpdir());
    expect(result.bump).toBe(bump);
    if (kind) expect(result.changes.map((c) => c.kind)).toContain(kind);
    if (bump !== 'none') expect(result.changes.every((c) => c.reason.length > 0)).toBe(true);
  });
});
