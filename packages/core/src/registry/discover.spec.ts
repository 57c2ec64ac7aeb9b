import { tempWorkspace } from '../testing/temp-workspace';
import { collectChecks, discoverCheckPackages } from './discover';

const checkModule = (ids: string[]) =>
  `exports.checks = ${JSON.stringify(ids)}.map((id) => ({ id, title: id, planItem: 'x/y', languages: ['typescript'], severity: 'info', run: () => [] }));\n`;

describe('discoverCheckPackages', () => {
  const ws = tempWorkspace({
    'package.json': '{"name":"ws"}',
    'node_modules/@shipshape/structure/package.json': '{"name":"@shipshape/structure","shipshape":{"checks":"./checks.js"}}',
    'node_modules/@shipshape/structure/checks.js': checkModule(['structure/a', 'structure/b']),
    'node_modules/@shipshape/core/package.json': '{"name":"@shipshape/core"}',
    'node_modules/acme-checks/package.json': '{"name":"acme-checks","shipshape":{"checks":"./index.js"}}',
    'node_modules/acme-checks/index.js': checkModule(['acme/c']),
    'tools/local-checks/package.json': '{"name":"local-checks","shipshape":{"checks":"./index.js"}}',
    'tools/local-checks/index.js': checkModule(['local/d']),
    'node_modules/broken/package.json': '{"name":"broken","shipshape":{"checks":"./missing.js"}}',
    'node_modules/dupe/package.json': '{"name":"dupe","shipshape":{"checks":"./index.js"}}',
    'node_modules/dupe/index.js': checkModule(['structure/a']),
  });
  afterAll(() => ws.remove());

  it('finds installed @shipshape packages that declare checks, and skips those that do not', () => {
    const packages = discoverCheckPackages(ws.root);
    expect(packages.map((p) => p.name)).toEqual(['@shipshape/structure']);
    expect(collectChecks(packages).map((c) => c.id)).toEqual(['structure/a', 'structure/b']);
  });

  it('adds packages named in the options, installed or workspace folders', () => {
    const packages = discoverCheckPackages(ws.root, ['acme-checks', './tools/local-checks']);
    expect(collectChecks(packages).map((c) => c.id)).toEqual(['structure/a', 'structure/b', 'acme/c', 'local/d']);
  });

  it('says how to install a package that is named but missing', () => {
    expect(() => discoverCheckPackages(ws.root, ['not-there'])).toThrow(
      'the check package "not-there" named in the "packages" option is not installed; run: npm install -D not-there',
    );
  });

  it('names the module of a package whose checks cannot be loaded', () => {
    expect(() => discoverCheckPackages(ws.root, ['broken'])).toThrow(/the checks of broken could not be loaded from .*missing\.js/);
  });

  it('refuses a check id declared by two packages', () => {
    expect(() => collectChecks(discoverCheckPackages(ws.root, ['dupe']))).toThrow('the check id "structure/a" is declared by both');
  });
});
