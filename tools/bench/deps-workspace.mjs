// A synthetic npm-workspaces monorepo for the dependency benchmark: `packages` TypeScript packages of 10 to
// 30 source files each (relative imports, imports of installed packages and of other workspace packages,
// type-only and dynamic imports, node: built-ins, tests), with planted dependency issues whose truth is
// returned. Deterministic for a given seed. Installed packages are fakes written into node_modules.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const EXTERNAL_COUNT = 40;

/** A small deterministic PRNG (mulberry32). */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    sample: (list, count) => {
      const copy = [...list];
      const out = [];
      while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
  };
}

function write(root, path, content) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
}

/** Fake installed packages: `ext-N` (each third one depends on `ext-N-core`), a test library, @types/node. */
function installExternals(root) {
  const externals = [];
  for (let i = 0; i < EXTERNAL_COUNT; i++) {
    const name = `ext-${i}`;
    const child = i % 3 === 0 ? `${name}-core` : undefined;
    externals.push({ name, child });
    const manifest = {
      name,
      version: `1.${i}.0`,
      main: 'index.js',
      types: 'index.d.ts',
      ...(child ? { dependencies: { [child]: '^2.0.0' } } : {}),
    };
    write(root, `node_modules/${name}/package.json`, manifest);
    write(root, `node_modules/${name}/index.js`, 'module.exports = { value: 1 };\n');
    write(root, `node_modules/${name}/index.d.ts`, 'export declare const value: number;\nexport interface Options { value: number }\n');
    if (child) {
      write(root, `node_modules/${child}/package.json`, { name: child, version: '2.0.0', main: 'index.js', types: 'index.d.ts' });
      write(root, `node_modules/${child}/index.js`, 'module.exports = { value: 2 };\n');
      write(root, `node_modules/${child}/index.d.ts`, 'export declare const value: number;\n');
    }
  }
  write(root, 'node_modules/ext-testlib/package.json', { name: 'ext-testlib', version: '3.0.0', main: 'index.js', types: 'index.d.ts' });
  write(root, 'node_modules/ext-testlib/index.js', 'module.exports = { expect: () => {} };\n');
  write(root, 'node_modules/ext-testlib/index.d.ts', 'export declare function expect(value: unknown): void;\n');
  write(root, 'node_modules/@types/node/package.json', { name: '@types/node', version: '20.11.0', types: 'index.d.ts' });
  write(root, 'node_modules/@types/node/index.d.ts', "declare module 'node:path' { export function join(...parts: string[]): string; }\n");
  return externals;
}

/**
 * Writes the workspace into `root` and returns the planted truth: `{ project, category, name }` with
 * category `unused` (declared, never used), `unlisted` (imported, not declared: missing, transitive, or a
 * workspace package) or `misplaced` (a devDependency imported by library code).
 */
export function generateDepsWorkspace(root, { packages, seed = 1 }) {
  const rng = random(seed * 7919 + packages);
  const externals = installExternals(root);
  const truth = [];
  write(root, 'package.json', {
    name: '@bench/source',
    private: true,
    workspaces: ['packages/*'],
    devDependencies: { 'ext-testlib': '^3.0.0', '@types/node': '^20.11.0' },
  });
  write(root, 'tsconfig.json', {
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, types: ['node'] },
    include: ['packages/*/src/**/*.ts'],
  });
  // What a user tells knip: each package's entry point and its tests (knip needs no test runner plugin then).
  write(root, 'knip.json', {
    workspaces: { 'packages/*': { entry: ['src/index.ts', 'src/**/*.spec.ts'], project: ['src/**/*.ts'] } },
    ignoreBinaries: [],
  });
  write(root, '.gitignore', 'node_modules\ndist\n');

  mkdirSync(join(root, 'node_modules', '@bench'), { recursive: true });
  let fileCount = 0;
  for (let i = 0; i < packages; i++) {
    const name = `@bench/pkg-${i}`;
    const dir = `packages/pkg-${i}`;
    const project = dir;
    const moduleCount = rng.int(8, 28);
    const modules = Array.from({ length: moduleCount }, (_, k) => ({ name: `mod-${k}`, lines: [] }));
    const dependencies = {};
    const devDependencies = {};
    const used = rng.sample(externals, rng.int(1, 4));
    for (const ext of used) {
      dependencies[ext.name] = `^1.${externals.indexOf(ext)}.0`;
      const target = rng.pick(modules);
      const style = rng.int(0, 2);
      if (style === 0)
        target.lines.push(
          `import { value as ${ident(ext.name)} } from '${ext.name}';`,
          `export const use${ident(ext.name)} = ${ident(ext.name)};`,
        );
      else if (style === 1) {
        const id = ident(ext.name);
        target.lines.push(
          `import type { Options as Options${id} } from '${ext.name}';`,
          `import { value as value${id} } from '${ext.name}';`,
          `export const opt${id}: Options${id} = { value: value${id} };`,
        );
      } else target.lines.push(`export const load${ident(ext.name)} = () => import('${ext.name}');`);
    }
    // A runtime dependency only other code of the package reaches through a sub-path.
    if (rng.chance(0.2)) {
      const ext = rng.pick(externals.filter((e) => !dependencies[e.name]));
      dependencies[ext.name] = '^1.0.0';
      rng.pick(modules).lines.push(`import '${ext.name}/index.js';`);
    }
    for (const j of rng.sample([...Array(i).keys()], i > 0 ? rng.int(0, 2) : 0)) {
      dependencies[`@bench/pkg-${j}`] = '^1.0.0';
      rng.pick(modules).lines.push(`import { version as v${j} } from '@bench/pkg-${j}';`, `export const dep${j} = v${j};`);
    }
    if (rng.chance(0.5)) rng.pick(modules).lines.push("import { join } from 'node:path';", "export const joined = join('a', 'b');");

    // planted issues
    if (rng.chance(0.3)) {
      const ext = rng.pick(externals.filter((e) => !dependencies[e.name]));
      dependencies[ext.name] = '^1.0.0';
      truth.push({ project, category: 'unused', name: ext.name });
    }
    if (rng.chance(0.15)) {
      const ext = rng.pick(externals.filter((e) => !dependencies[e.name]));
      devDependencies[ext.name] = '^1.0.0';
      truth.push({ project, category: 'unused', name: ext.name });
    }
    if (rng.chance(0.15)) {
      const missing = `ext-missing-${i}`;
      rng.pick(modules).lines.push(`import { value as missing${i} } from '${missing}';`, `export const m${i} = missing${i};`);
      truth.push({ project, category: 'unlisted', name: missing });
    }
    if (rng.chance(0.12)) {
      const parent = rng.pick(externals.filter((e) => e.child));
      if (!dependencies[parent.name]) {
        dependencies[parent.name] = '^1.0.0';
        rng.pick(modules).lines.push(`import { value as parent${i} } from '${parent.name}';`, `export const p${i} = parent${i};`);
      }
      rng.pick(modules).lines.push(`import { value as child${i} } from '${parent.child}';`, `export const c${i} = child${i};`);
      truth.push({ project, category: 'unlisted', name: parent.child });
    }
    if (i > 0 && rng.chance(0.1)) {
      const j = rng.pick([...Array(i).keys()].filter((k) => !dependencies[`@bench/pkg-${k}`]));
      if (j !== undefined) {
        rng.pick(modules).lines.push(`import { version as w${j} } from '@bench/pkg-${j}';`, `export const ws${j} = w${j};`);
        truth.push({ project, category: 'unlisted', name: `@bench/pkg-${j}` });
      }
    }
    if (rng.chance(0.1)) {
      const ext = rng.pick(externals.filter((e) => !dependencies[e.name] && !devDependencies[e.name]));
      devDependencies[ext.name] = '^1.0.0';
      rng.pick(modules).lines.push(`import { value as dev${i} } from '${ext.name}';`, `export const d${i} = dev${i};`);
      truth.push({ project, category: 'misplaced', name: ext.name });
    }

    write(root, `${dir}/package.json`, {
      name,
      version: '1.0.0',
      type: 'module',
      main: './src/index.ts',
      dependencies,
      ...(Object.keys(devDependencies).length > 0 ? { devDependencies } : {}),
    });
    modules.forEach((mod, k) => {
      const next = k + 1 < modules.length ? [`import { size${k + 1} as next } from './${modules[k + 1].name}.js';`] : ['const next = 0;'];
      const body = [
        `/** ${mod.name} of ${name}: generated for the dependency benchmark. */`,
        ...next,
        ...mod.lines,
        '',
        `export const size${k} = ${k} + next;`,
        `export function describe${k}(input: string): string {`,
        '  const parts = input.split(",").map((part) => part.trim());',
        '  return parts.filter(Boolean).join(" ");',
        '}',
        '',
      ];
      write(root, `${dir}/src/${mod.name}.ts`, body.join('\n'));
    });
    write(
      root,
      `${dir}/src/index.ts`,
      [`export const version = '1.0.0';`, ...modules.map((m) => `export * from './${m.name}.js';`), ''].join('\n'),
    );
    const tests = rng.int(1, 3);
    for (let t = 0; t < tests; t++) {
      const k = t % modules.length;
      write(
        root,
        `${dir}/src/${modules[k].name}.spec.ts`,
        `import { expect } from 'ext-testlib';\nimport { size${k} } from './${modules[k].name}.js';\n\nexpect(size${k});\n`,
      );
    }
    fileCount += moduleCount + 2 + tests;
    symlinkSync(join('..', '..', dir), join(root, 'node_modules', '@bench', `pkg-${i}`), 'dir');
  }
  return { truth, files: fileCount };
}

function ident(name) {
  return name.replace(/[^A-Za-z0-9]/g, '_');
}
