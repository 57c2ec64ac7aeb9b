import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '@shipshape/core/testing';

/** A small store library as people write it: types inferred from the code, one subpath entry. */
export const inferredLibrary: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', private: true, workspaces: ['libs/*'] }, null, 2),
  'nx.json': '{}\n',
  'libs/store/package.json': JSON.stringify(
    {
      name: '@fx/store',
      version: '1.0.0',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './testing': { types: './dist/testing.d.ts', default: './dist/testing.js' } },
    },
    null,
    2,
  ),
  'libs/store/tsconfig.json': '{\n  "extends": "./tsconfig.lib.json"\n}\n',
  'libs/store/tsconfig.lib.json':
    '{\n  // the library build\n  "compilerOptions": {\n    "strict": true,\n    "declaration": true,\n    "target": "ES2022",\n    "module": "ESNext",\n    "moduleResolution": "Bundler",\n    "outDir": "dist",\n    "rootDir": "src",\n    "lib": ["ES2022", "DOM"]\n  },\n  "include": ["src"]\n}\n',
  'libs/store/src/index.ts': "export { createStore, type Listener } from './store';\nexport { isKey, DEFAULT_LIMIT, Counter, load } from './utils';\nexport { parse } from './parse';\nexport { defaults } from './config';\n",
  'libs/store/src/store.ts': [
    'export type Listener<S> = (state: S) => void;',
    '',
    '/** A store of one value. */',
    'export function createStore<S>(initial: S) {',
    '  let state = initial;',
    '  const listeners = new Set<Listener<S>>();',
    '  return {',
    '    get: () => state,',
    '    set(next: S) {',
    '      state = next;',
    '      listeners.forEach((l) => l(state));',
    '    },',
    '  };',
    '}',
    '',
    'function internalHelper() {',
    '  return 42;',
    '}',
    'void internalHelper;',
    '',
  ].join('\n'),
  // CRLF line endings and a byte-order mark, kept as they are
  'libs/store/src/utils.ts':
    '\ufeff// utilities\r\nexport function isKey(value: unknown) {\r\n  return typeof value === "string" || typeof value === "symbol";\r\n}\r\n\r\nexport const DEFAULT_LIMIT = 10 * 2;\r\n\r\nexport class Counter {\r\n  count = 0;\r\n  private step = 1;\r\n  increment() {\r\n    this.count += this.step;\r\n    return this.count;\r\n  }\r\n  get double() {\r\n    return this.count * 2;\r\n  }\r\n}\r\n\r\nexport async function load(url: string, retries = 3) {\r\n  return { url, retries, ok: true };\r\n}\r\n',
  'libs/store/src/parse.ts': '/** Parses JSON. */\nexport function parse(text: string) {\n  return JSON.parse(text);\n}\n',
  'libs/store/src/types.ts': 'export interface Config {\n  name: string;\n  limit: number;\n}\n',
  'libs/store/src/make-config.ts': "import type { Config } from './types';\n\nexport function makeConfig(name: string): Config {\n  return { name, limit: 10 };\n}\n",
  'libs/store/src/config.ts': "import { makeConfig } from './make-config';\n\nexport const defaults = makeConfig('default');\n",
  'libs/store/src/testing.ts': "import { createStore } from './store';\n\nexport const testStore = (value: number) => createStore(value);\n",
  'libs/store/src/store.spec.ts': "import { createStore } from './store';\n\nexport const s = createStore(1);\n",
};

/** The same library written with explicit types everywhere the public API needs them. */
export const typedLibrary: Record<string, string> = {
  ...Object.fromEntries(Object.entries(inferredLibrary).filter(([path]) => !path.startsWith('libs/store/src/'))),
  'libs/store/src/index.ts': "export { createStore, type Store } from './store';\n",
  'libs/store/src/testing.ts': "export const TESTING: boolean = true;\n",
  'libs/store/src/store.ts': [
    'export interface Store<S> {',
    '  get(): S;',
    '  set(next: S): void;',
    '}',
    '',
    'export function createStore<S>(initial: S): Store<S> {',
    '  let state = initial;',
    '  return { get: () => state, set: (next) => { state = next; } };',
    '}',
    '',
  ].join('\n'),
};

/** A workspace on disk with the given files, TypeScript installed (a link to the repository's). */
export function diskWorkspace(files: Record<string, string>): ReturnType<typeof tempWorkspace> {
  const workspace = tempWorkspace(files);
  mkdirSync(join(workspace.root, 'node_modules'), { recursive: true });
  symlinkSync(join(__dirname, '../../../../../node_modules/typescript'), join(workspace.root, 'node_modules/typescript'), 'dir');
  return workspace;
}

/**
 * `tsc --noEmit --skipLibCheck -p <tsconfig>` in the workspace: its output ('' when it compiles). The project's
 * own sources are checked in full; TypeScript's lib files (ES2022 and the DOM) are not checked again each time.
 */
export function typeCheck(root: string, tsconfig: string): string {
  const tsc = join(__dirname, '../../../../../node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '--skipLibCheck', '-p', tsconfig], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}
