import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '../../testing/temp-workspace';
import { analyzePython } from './python-adapter';
import { diskProject } from '../../testing/projects';
import { pythonEnvironment } from '../../facts/workspace/python';
import { normalizeDistributionName, readPythonEnvironment } from './python-environment';

/** A virtual environment with two hand-made distributions: one declares its modules, one lists its files. */
function fakeEnvironment() {
  const ws = tempWorkspace();
  const venv = join(ws.root, 'venv');
  const created = spawnSync('python3', ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`cannot create a venv: ${created.stderr}`);
  const version = spawnSync(join(venv, 'bin/python'), ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
    encoding: 'utf8',
  }).stdout.trim();
  const site = `venv/lib/python${version}/site-packages`;
  ws.write({
    [`${site}/Py_Yaml_Fake-6.0.1.dist-info/METADATA`]:
      'Metadata-Version: 2.1\nName: Py_Yaml_Fake\nVersion: 6.0.1\nRequires-Dist: fake-base>=1\nRequires-Dist: fake-docs; extra == "docs"\nRequires-Dist: fake-compat; python_version < "3.99"\n',
    [`${site}/Py_Yaml_Fake-6.0.1.dist-info/top_level.txt`]: 'fakeyaml\n_fakeyaml\n',
    [`${site}/fake_base-1.0.dist-info/METADATA`]: 'Metadata-Version: 2.1\nName: fake-base\nVersion: 1.0\n',
    [`${site}/fake_base-1.0.dist-info/RECORD`]: 'fake_base_mod/__init__.py,,\nfake_single.py,,\nfake_base-1.0.dist-info/METADATA,,\n',
  });
  return { python: join(venv, 'bin/python'), remove: ws.remove };
}

describe('readPythonEnvironment', () => {
  let env: ReturnType<typeof fakeEnvironment>;
  beforeAll(() => {
    env = fakeEnvironment();
  });
  afterAll(() => env?.remove());

  it('maps import names to distributions, with versions and default requirements (extras left out)', async () => {
    const environment = await readPythonEnvironment(env.python);
    expect(environment?.distributions).toMatchObject({
      fakeyaml: ['Py_Yaml_Fake'],
      _fakeyaml: ['Py_Yaml_Fake'],
      fake_base_mod: ['fake-base'],
      fake_single: ['fake-base'],
    });
    expect(environment?.versions).toMatchObject({ 'py-yaml-fake': '6.0.1', 'fake-base': '1.0' });
    expect(environment?.requires['py-yaml-fake']).toEqual(['fake-base', 'fake-compat']);
  });

  it('names the interpreter and its full version, which a cache key of a Python result must hold', async () => {
    const environment = await readPythonEnvironment(env.python);
    const version = spawnSync(env.python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
      encoding: 'utf8',
    }).stdout.trim();
    expect(environment?.interpreter?.version).toBe(version);
    expect(environment?.interpreter?.executable).toMatch(/python/);
  });

  it('is read once per run: the projects of a workspace share it', async () => {
    const ws = tempWorkspace({ 'libs/a/pyproject.toml': '', 'libs/b/pyproject.toml': '' });
    try {
      const a = diskProject(ws.root, 'libs/a', { options: { python: env.python } });
      const b = a.workspace.project({ name: 'b', root: 'libs/b' });
      expect(a.get(pythonEnvironment)).toBe(b.get(pythonEnvironment));
      expect((await a.get(pythonEnvironment))?.versions['fake-base']).toBe('1.0');
    } finally {
      ws.remove();
    }
  });

  it('stamps what the distributions were read from when asked (a cache of the environment watches them)', async () => {
    expect((await readPythonEnvironment(env.python))?.importPaths).toBeUndefined();
    const stamps = new Map((await readPythonEnvironment(env.python, undefined, { importPaths: true }))?.importPaths);
    const [site] = [...stamps.keys()].filter((path) => path.endsWith('site-packages') && path.includes('venv'));
    const stat = statSync(site, { bigint: true });
    expect(stamps.get(site)).toBe(`${stat.mtimeNs}:${stat.size}:${stat.ino}`);
    expect([...stamps.keys()][0]).toMatch(/venv\/bin\/python/);
    expect(stamps.get(join(env.python, '..', '..', 'pyvenv.cfg'))).toEqual(expect.any(String));
    expect([...stamps.values()].some((stamp) => stamp === null)).toBe(true); // the user site-packages, absent
  });

  it('is left out of a plain analysis, which stays as it was', async () => {
    const analysis = await analyzePython([], { python: env.python });
    expect(analysis).toEqual({ python: null, stdlibModules: [], files: {} });
  });
});

describe('normalizeDistributionName', () => {
  it('follows PEP 503', () => {
    expect(['PyYAML', 'python_dateutil', 'zope.interface', 'Foo-_.Bar'].map(normalizeDistributionName)).toEqual([
      'pyyaml',
      'python-dateutil',
      'zope-interface',
      'foo-bar',
    ]);
  });
});
