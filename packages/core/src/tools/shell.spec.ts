import { scriptReferences } from './shell';

describe('package.json scripts', () => {
  it('finds the binaries behind env assignments, wrappers and package-manager exec, and node preloads', () => {
    const refs = (command: string) => scriptReferences(command).map((r) => `${r.kind}:${r.name}`);
    expect(refs('NODE_ENV=production tsc -p tsconfig.lib.json && rimraf dist')).toEqual(['bin:tsc', 'bin:rimraf']);
    expect(refs('cross-env CI=1 jest --coverage; npx --yes prettier --check .')).toEqual(['bin:cross-env', 'bin:jest', 'bin:prettier']);
    expect(refs('npm exec -- eslint src | pnpm dlx knip')).toEqual(['bin:eslint', 'bin:knip']);
    expect(refs('node -r ts-node/register --import tsx ./scripts/gen.ts')).toEqual(['module:ts-node/register', 'module:tsx']);
    expect(refs('npm run build && echo done && ./bin/local.sh')).toEqual([]);
  });

  it('finds binaries run through yarn/pnpm, modules given to any tool, and the commands of runners (real scripts of tiny-invariant, immer, rxjs)', () => {
    const refs = (command: string, scripts: string[] = []) => scriptReferences(command, new Set(scripts)).map((r) => `${r.kind}:${r.name}`);
    expect(refs('yarn jest')).toEqual(['bin:jest']);
    expect(refs('yarn build && yarn size-limit', ['build'])).toEqual(['bin:size-limit']);
    expect(refs('yarn prettier --write src/**; pnpm run tsc; pnpm --filter x build; yarn install')).toEqual(['bin:prettier', 'bin:tsc']);
    expect(refs('mocha -r ts-node/register --require=source-map-support/register test/**')).toEqual([
      'bin:mocha',
      'module:ts-node/register',
      'module:source-map-support/register',
    ]);
    expect(refs('prettier --plugin=prettier-plugin-svelte --check .')).toEqual(['bin:prettier', 'module:prettier-plugin-svelte']);
    expect(refs('concurrently "tsc -w" "vite --port 3000"')).toEqual(['bin:concurrently', 'bin:tsc', 'bin:vite']);
    expect(refs('cat ./coverage/lcov.info | ./node_modules/.bin/coveralls')).toEqual(['bin:coveralls']);
    expect(refs('tsc --generateTrace trace && npx @typescript/analyze-trace trace')).toEqual([
      'bin:tsc',
      'module:@typescript/analyze-trace',
    ]);
    expect(refs('cross-env NODE_ENV=test jest')).toEqual(['bin:cross-env', 'bin:jest']);
  });
});
