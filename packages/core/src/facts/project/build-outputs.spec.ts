import { diskProject, tempWorkspace } from '../../testing';
import { buildOutputs, type BuildOutputs } from './build-outputs';

const json = (value: unknown) => JSON.stringify(value);
const src = (...files: string[]) => Object.fromEntries(files.map((f) => [f, 'export const x = 1;\n']));

/** Each workspace is shaped like a real package this fact was wrong about (issue 10 item 1). */
describe('buildOutputs: which source each package.json target is built from', () => {
  const ws = tempWorkspace({
    'package.json': json({ name: 'root', private: true, devDependencies: { tsdown: '0.15.0', vite: '7.0.0', 'ng-packagr': '20.0.0' } }),
    // tsdown with an array of entries and outExtensions (.mjs/.cjs/.d.mts/.d.cts), a plain-JS bin shipped as is; not built.
    'libs/client/package.json': json({
      name: '@acme/client',
      main: './dist/index.cjs',
      types: './dist/index.d.cts',
      bin: { intent: './bin/intent.js' },
      scripts: { build: 'tsdown' },
      exports: {
        '.': { import: { types: './dist/index.d.mts', default: './dist/index.mjs' }, require: './dist/index.cjs' },
        './links/httpLink': { import: './dist/links/httpLink.mjs' },
      },
    }),
    'libs/client/tsdown.config.ts': [
      "export const input = ['src/index.ts', 'src/links/httpLink.ts'];",
      "export default defineConfig({ entry: input, format: ['cjs', 'esm'], outExtensions: (ctx) => ({ js: ctx.format === 'cjs' ? '.cjs' : '.mjs' }) });",
    ].join('\n'),
    ...src('libs/client/src/index.ts', 'libs/client/src/links/httpLink.ts'),
    'libs/client/bin/intent.js': "#!/usr/bin/env node\nconsole.log('intent');\n",
    // tsdown with a record: the output name is the key, not the file's name.
    'libs/devtools/package.json': json({ name: '@acme/devtools', exports: { './production': { node: './dist/production/server.js' } } }),
    'libs/devtools/tsdown.config.ts': "export default { entry: { index: 'src/index.ts', 'production/server': 'src/production.ts' } };",
    ...src('libs/devtools/src/index.ts', 'libs/devtools/src/production.ts'),
    // vite library preset writing one folder per format (dist/esm, dist/cjs).
    'libs/core/package.json': json({
      name: '@acme/core',
      main: 'dist/cjs/index.cjs',
      module: 'dist/esm/index.js',
      scripts: { build: 'vite build' },
    }),
    'libs/core/vite.config.ts': "export default mergeConfig(config, tanstackViteConfig({ entry: './src/index.ts', srcDir: './src' }));",
    ...src('libs/core/src/index.ts'),
    // ng-packagr: fesm2022/<name>.mjs and types/<name>.d.ts from lib.entryFile.
    'libs/angular/package.json': json({
      name: '@acme/angular',
      module: 'dist/fesm2022/acme-angular.mjs',
      types: 'dist/types/acme-angular.d.ts',
    }),
    'libs/angular/ng-package.json': json({ lib: { entryFile: 'src/index.ts' }, dest: 'dist' }),
    ...src('libs/angular/src/index.ts'),
    // tsc with outDir "./" and rootDir "./src" (workbox): outputs next to the package's own files.
    'libs/workbox/package.json': json({ name: 'workbox', main: 'index.js', types: 'index.d.ts' }),
    'libs/workbox/tsconfig.json': json({ compilerOptions: { outDir: './', rootDir: './src' } }),
    ...src('libs/workbox/src/index.ts', 'libs/workbox/src/_private.ts'),
    'libs/workbox/index.js': 'export * from "./_private.js";\n',
    'libs/workbox/_private.js': 'export const x = 1;\n',
    'libs/workbox/rollup.config.js': 'export default {};\n',
    'libs/workbox/build/workbox.dev.js': 'var workbox = {};\n',
    // A published tarball: no build config, outputs in build/legacy, a bundle named after the package, typesVersions, a wildcard.
    'libs/tarball/package.json': json({
      name: 'tarball',
      main: 'build/legacy/index.cjs',
      module: 'dist/tarball.legacy-esm.js',
      types: 'index.d.ts',
      typesVersions: { '>=4.2': { '*': ['dist/types/*'] } },
      scripts: { build: 'tsup' },
      exports: { './internal/*': './dist/cjs/internal/*.js' },
    }),
    'libs/tarball/build/legacy/index.cjs': 'module.exports = {};\n',
    'libs/tarball/build/legacy/chunk-x.js': 'export {};\n',
    'libs/tarball/dist/tarball.legacy-esm.js': 'export {};\n',
    'libs/tarball/dist/types/index.d.ts': 'export {};\n',
    ...src('libs/tarball/src/index.ts', 'libs/tarball/src/internal/a.ts', 'libs/tarball/src/internal/deep/b.ts'),
    // A plain-JS package with no build: its files are its sources.
    'libs/plain/package.json': json({ name: 'plain', main: 'lib/index.js' }),
    'libs/plain/lib/index.js': 'module.exports = 1;\n',
    // Nx's @nx/js:tsc: package.json names the layout below outputPath (./src/index.js).
    'libs/nx/package.json': json({ name: '@acme/nx', main: './src/index.js', types: './src/index.d.ts' }),
    'libs/nx/project.json': json({
      targets: {
        build: {
          executor: '@nx/js:tsc',
          outputs: ['{options.outputPath}'],
          options: { outputPath: 'dist/libs/nx', main: 'libs/nx/src/index.ts' },
        },
      },
    }),
    ...src('libs/nx/src/index.ts'),
  });
  afterAll(() => ws.remove());

  const outputsOf = (root: string): BuildOutputs => diskProject(ws.root, root).get(buildOutputs);
  const sourceOf = (root: string, ...field: Array<string | number>) =>
    outputsOf(root).entries.find((e) => e.field.join('.') === field.join('.'));

  it.each([
    ['libs/client', ['exports', '.', 'import', 'default'], 'libs/client/src/index.ts', 'build-config'],
    ['libs/client', ['types'], 'libs/client/src/index.ts', 'build-config'],
    ['libs/client', ['exports', './links/httpLink', 'import'], 'libs/client/src/links/httpLink.ts', 'build-config'],
    ['libs/client', ['bin', 'intent'], 'libs/client/bin/intent.js', 'itself'],
    ['libs/devtools', ['exports', './production', 'node'], 'libs/devtools/src/production.ts', 'build-config'],
    ['libs/core', ['main'], 'libs/core/src/index.ts', 'build-config'],
    ['libs/angular', ['module'], 'libs/angular/src/index.ts', 'build-config'],
    ['libs/angular', ['types'], 'libs/angular/src/index.ts', 'build-config'],
    ['libs/workbox', ['main'], 'libs/workbox/src/index.ts', 'build-config'],
    ['libs/tarball', ['main'], 'libs/tarball/src/index.ts', 'mirror'],
    ['libs/tarball', ['module'], 'libs/tarball/src/index.ts', 'package-name'],
    ['libs/plain', ['main'], 'libs/plain/lib/index.js', 'itself'],
    ['libs/nx', ['main'], 'libs/nx/src/index.ts', 'mirror'],
  ])('%s %j is built from %s (%s)', (root, field, source, evidence) => {
    expect(sourceOf(root, ...field)).toMatchObject({ source, evidence });
  });

  it('says a target that is not built yet is an output, not a missing file', () => {
    expect(sourceOf('libs/client', 'main')).toMatchObject({ exists: false, output: true, source: 'libs/client/src/index.ts' });
    expect(sourceOf('libs/client', 'bin', 'intent')).toMatchObject({ exists: true, output: false });
  });

  it('follows typesVersions for a types target, and maps wildcard exports to every source they expose', () => {
    expect(sourceOf('libs/tarball', 'types')).toMatchObject({ exists: true, output: true, source: 'libs/tarball/src/index.ts' });
    expect(sourceOf('libs/tarball', 'exports', './internal/*')?.sources).toEqual([
      'libs/tarball/src/internal/a.ts',
      'libs/tarball/src/internal/deep/b.ts',
    ]);
  });

  it('tells build outputs from sources, whether or not they are built', () => {
    const tarball = outputsOf('libs/tarball');
    expect(['libs/tarball/build/legacy/chunk-x.js', 'libs/tarball/dist/types/index.d.ts'].map((f) => tarball.isOutput(f))).toEqual([
      true,
      true,
    ]);
    expect(tarball.isOutput('libs/tarball/src/index.ts')).toBe(false);
    const workbox = outputsOf('libs/workbox');
    expect(
      ['libs/workbox/index.js', 'libs/workbox/_private.js', 'libs/workbox/rollup.config.js', 'libs/workbox/src/index.ts'].map((f) =>
        workbox.isOutput(f),
      ),
    ).toEqual([true, true, false, false]);
    expect(workbox.isOutput('libs/workbox/build/workbox.dev.js')).toBe(true);
    expect(outputsOf('libs/plain').isOutput('libs/plain/lib/index.js')).toBe(false);
    expect(outputsOf('libs/client').isOutput('libs/client/dist/index.mjs')).toBe(true);
    expect(outputsOf('libs/client').isOutput('libs/client/bin/intent.js')).toBe(false);
  });

  it('lists the files the build configs start from, and whether there is a build at all', () => {
    expect(outputsOf('libs/client').buildEntries).toEqual(['libs/client/src/index.ts', 'libs/client/src/links/httpLink.ts']);
    expect(outputsOf('libs/nx').buildEntries).toEqual(['libs/nx/src/index.ts']);
    expect([outputsOf('libs/client').hasBuild, outputsOf('libs/plain').hasBuild]).toEqual([true, false]);
  });
});
