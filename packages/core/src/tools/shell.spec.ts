import { scriptReferences } from './shell';

describe('package.json scripts', () => {
  it('finds the binaries behind env assignments, wrappers and package-manager exec, and node preloads', () => {
    const refs = (command: string) => scriptReferences(command).map((r) => `${r.kind}:${r.name}`);
    expect(refs('NODE_ENV=production tsc -p tsconfig.lib.json && rimraf dist')).toEqual(['bin:tsc', 'bin:rimraf']);
    expect(refs('cross-env CI=1 jest --coverage; npx --yes prettier --check .')).toEqual(['bin:jest', 'bin:prettier']);
    expect(refs('npm exec -- eslint src | pnpm dlx knip')).toEqual(['bin:eslint', 'bin:knip']);
    expect(refs('node -r ts-node/register --import tsx ./scripts/gen.ts')).toEqual(['module:ts-node/register', 'module:tsx']);
    expect(refs('npm run build && echo done && ./bin/local.sh')).toEqual([]);
  });
});
