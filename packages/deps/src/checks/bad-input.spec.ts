import { runAudit } from '@shipshape/core/engine';
import { diskProject, tempWorkspace, withoutPython } from '@shipshape/core/testing';
import { checks } from '../checks';

describe('the deps checks on bad input', () => {
  const ws = tempWorkspace();
  afterAll(() => ws.remove());
  const audit = (root: string, files: Record<string, string>) => {
    ws.write(Object.fromEntries(Object.entries(files).map(([path, content]) => [`${root}/${path}`, content])));
    return runAudit(diskProject(ws.root, root, { name: root, graph: { projects: [], dependencies: {} } }), checks);
  };

  it('a malformed package.json is one problem naming the file and the position, however many checks read it', async () => {
    const report = await audit('bad-json', {
      'package.json': '{\n  "name": "x",\n  "dependencies": {\n}\n',
      'src/index.ts': "import 'x';\n",
    });
    expect(report.problems).toEqual([
      { kind: 'error', file: 'bad-json/package.json', message: expect.stringMatching(/^bad-json\/package\.json: invalid JSON at line 5/) },
    ]);
    expect(report.summary.passed).toBe(false);
  });

  it('a malformed pyproject.toml is one problem naming the file and the line', async () => {
    const report = await audit('bad-toml', {
      'pyproject.toml': '[project]\nname = "x"\ndependencies = ["a",\n',
      'x/__init__.py': 'import a\n',
    });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({
      kind: 'error',
      file: 'bad-toml/pyproject.toml',
      message: expect.stringMatching(/^bad-toml\/pyproject\.toml: invalid TOML at line \d+/),
    });
  });

  it("a source file that does not parse leaves its ecosystem's dependencies uncalled unused, and the other ecosystem judged", async () => {
    const report = await audit('broken', {
      'package.json': '{"name":"broken","version":"1.0.0","dependencies":{"left-pad":"^1.0.0"}}',
      'src/index.ts': 'export const x = 1;\n',
      'pyproject.toml': '[project]\nname = "broken"\nversion = "1.0.0"\ndependencies = ["requests"]\n',
      'broken/__init__.py': 'def f(:\n    pass\n',
    });
    expect(report.findings.filter((f) => f.checkId === 'deps/unused-dependency').map((f) => f.file)).toEqual(['broken/package.json']);
    expect(report.problems).toEqual([
      {
        kind: 'skipped',
        file: 'broken/broken/__init__.py',
        message: expect.stringMatching(/^broken\/broken\/__init__\.py:1 could not be parsed .*nothing is concluded unused/),
      },
    ]);
  });

  describe('a dependency section of the wrong kind is one error naming the field and its line (an edit would overwrite it)', () => {
    const problemOf = async (root: string, files: Record<string, string>) => {
      const report = await audit(root, files);
      expect(report.findings.filter((f) => f.checkId.startsWith('deps/'))).toEqual([]);
      return report.problems.map((p) => `${p.kind} ${p.message}`);
    };

    it('pyproject dependencies = "requests" (a string, not a list)', async () => {
      expect(
        await problemOf('py-string', {
          'pyproject.toml': '[project]\nname = "x"\nversion = "1.0.0"\ndependencies = "requests"\n',
          'x/__init__.py': 'import requests\n',
        }),
      ).toEqual([
        expect.stringMatching(
          /^error py-string\/pyproject\.toml: .*dependencies.* \(line 4\) is a string \("requests"\), not a list of requirements/,
        ),
      ]);
    });

    it('package.json "dependencies" written twice (npm reads the last one)', async () => {
      expect(
        await problemOf('npm-twice', {
          'package.json': '{\n  "name": "x",\n  "dependencies": { "a": "^1.0.0" },\n  "dependencies": { "b": "^1.0.0" }\n}\n',
          'src/index.ts': "import 'b';\n",
        }),
      ).toEqual([expect.stringMatching(/^error npm-twice\/package\.json: "dependencies" is written 2 times \(npm reads the last one\)/)]);
    });

    it('package.json "dependencies" that is a list, and a range that is a number', async () => {
      expect(
        await problemOf('npm-list', {
          'package.json': '{\n  "name": "x",\n  "dependencies": ["a"]\n}\n',
          'src/index.ts': "import 'a';\n",
        }),
      ).toEqual([
        expect.stringMatching(
          /^error npm-list\/package\.json: "dependencies" \(line 3\) is an array \(\["a"\]\), not an object of package names/,
        ),
      ]);
      expect(
        await problemOf('npm-number', {
          'package.json': '{\n  "name": "x",\n  "dependencies": { "a": 1 }\n}\n',
          'src/index.ts': "import 'a';\n",
        }),
      ).toEqual([expect.stringMatching(/^error npm-number\/package\.json: .*a.* is a number \(1\), not a version range string/)]);
    });
  });

  describe('without Python', () => {
    withoutPython();

    it('the Python dependency checks are skipped with one message, and the npm ones of the same project still run', async () => {
      const report = await audit('mixed', {
        'package.json': '{"name":"mixed","version":"1.0.0","dependencies":{"unused-thing":"^1.0.0"}}',
        'pyproject.toml': '[project]\nname = "mixed"\nversion = "1.0.0"\ndependencies = []\n',
        'mixed/__init__.py': 'import yaml\n',
      });
      expect(report.problems).toEqual([
        { kind: 'skipped', message: expect.stringMatching(/python3 could not be run|python3 was not found/) },
      ]);
      expect(report.findings.map((f) => f.checkId)).toEqual(['deps/unused-dependency']);
    });
  });
});
