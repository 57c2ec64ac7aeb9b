import { filesOf, tempWorkspace } from '@shipshape/core/testing';
import { declaredDependents } from './declared-dependents';

describe('declaredDependents', () => {
  const ws = tempWorkspace(
    filesOf(`
      == package.json
      {"name":"root","private":true,"workspaces":["libs/*","apps/*"],"dependencies":{"@acme/core":"*"}}
      == libs/core/package.json
      {"name":"@acme/core","dependencies":{"react":"^19.0.0"}}
      == libs/ui/package.json
      {"name":"@acme/ui","peerDependencies":{"@acme/core":"*"}}
      == libs/renamed/package.json
      {"name":"@acme/renamed","nx":{"name":"renamed"},"devDependencies":{"@acme/ui":"*"}}
      == apps/web/package.json
      {"name":"@acme/web","dependencies":{"@acme/core":"workspace:*","@acme/ui":"workspace:*","@acme/web":"*"}}
      == apps/admin/project.json
      {"name":"admin","implicitDependencies":["renamed","!@acme/core","tag:scope:shared"]}
      == apps/e2e/project.json
      {"name":"web-e2e","implicitDependencies":["@acme/w*"]}
      == apps/unnamed/package.json
      {"optionalDependencies":{"@acme/core":"*"}}
      == libs/broken/package.json
      {"name":"@acme/broken",
      == node_modules/@acme/core/package.json
      {"name":"@acme/core"}
      == node_modules/dep/package.json
      {"name":"dep","dependencies":{"@acme/ui":"*"}}
    `),
  );
  afterAll(() => ws.remove());

  const files = [
    'package.json',
    'libs/core/package.json',
    'libs/ui/package.json',
    'libs/renamed/package.json',
    'apps/web/package.json',
    'apps/admin/project.json',
    'apps/e2e/project.json',
    'apps/unnamed/package.json',
    'libs/broken/package.json',
    'node_modules/@acme/core/package.json',
    'node_modules/dep/package.json',
  ];

  it('maps each project to the projects that declare it, by the name Nx knows them by', () => {
    expect(Object.fromEntries(declaredDependents(files, ws.root))).toEqual({
      // the root manifest and installed packages are not projects that import a library
      'libs/core': ['@acme/ui', '@acme/web', 'directory:apps/unnamed'],
      'libs/ui': ['@acme/web', 'renamed'],
      'libs/renamed': ['admin'],
      'apps/web': ['web-e2e'],
    });
  });

  it('reads no manifest but package.json and project.json', () => {
    expect(declaredDependents(['libs/core/pyproject.toml', 'libs/ui/package.json'], ws.root).size).toBe(0);
  });
});
