import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCheck, pythonAnalysis } from '@shipshape/core';
import { auditProject, type AuditReport } from '@shipshape/core/engine';
import { tempWorkspace, withoutPython } from '@shipshape/core/testing';
import { checks as structureChecks } from '@shipshape/structure';

/** A Python check that needs the ast pass, to see what the audit does when Python cannot run. */
const pythonDocstrings = defineCheck({
  id: 'test/module-docstrings',
  title: 'modules have docstrings',
  planItem: 'docs/docs-structure',
  languages: ['python'],
  severity: 'info',
  requires: [pythonAnalysis],
  async run(project) {
    const analysis = await project.get(pythonAnalysis);
    return Object.entries(analysis.files)
      .filter(([, result]) => !result.error && !result.docstring)
      .map(([path]) => ({ message: 'module has no docstring', file: path, key: path }));
  },
});

const checks = [...structureChecks, pythonDocstrings];

describe('the audit on bad input', () => {
  const ws = tempWorkspace();
  afterAll(() => ws.remove());

  const audit = async (root: string, files: Record<string, string | Buffer>, options: object = {}): Promise<AuditReport> => {
    ws.write(Object.fromEntries(Object.entries(files).map(([path, content]) => [`${root}/${path}`, content])));
    const { report } = await auditProject({
      workspaceRoot: ws.root,
      projectName: root,
      projectRoot: root,
      options,
      optionsSource: 'test',
      checks,
    });
    return report;
  };

  it('malformed package.json: one problem naming the file and the position, and the gate fails', async () => {
    const report = await audit('bad-json', { 'package.json': '{\n  "name": "x",\n  "version": \n}\n' });
    expect(report.problems).toEqual([
      { kind: 'error', file: 'bad-json/package.json', message: expect.stringMatching(/^bad-json\/package\.json: .*line 4/) },
    ]);
    expect(report.summary.passed).toBe(false);
  });

  it('malformed pyproject.toml: one problem naming the file and the line', async () => {
    const report = await audit('bad-toml', { 'pyproject.toml': '[project]\nname = "x"\nversion = 0.1.0.1\n' });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0].message).toMatch(/^bad-toml\/pyproject\.toml: .*line 3/);
  });

  it('a project with no source files is audited like any other', async () => {
    const report = await audit('empty', { 'package.json': '{"name":"empty","version":"1.0.0"}' });
    expect(report.problems).toEqual([]);
    expect(report.findings.map((f) => f.message)).toContainEqual(expect.stringContaining('"description"'));
  });

  it('a symlink loop, a huge file and a binary .ts file each give one note, and the audit goes on', async () => {
    ws.write({ 'odd/package.json': '{"name":"odd"}', 'odd/src/index.ts': 'export const x = 1;\n' });
    symlinkSync(join(ws.root, 'odd'), join(ws.root, 'odd/src/loop'));
    writeFileSync(join(ws.root, 'odd/src/generated.ts'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    const report = await audit(
      'odd',
      { 'src/image.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) },
      { maxFileBytes: 10_000_000 },
    );
    expect(report.problems.map((p) => p.message)).toEqual([
      'odd/src/generated.ts is 52,428,800 bytes, over the limit of 10,000,000 bytes (maxFileBytes); not analyzed',
      expect.stringMatching(/^odd\/src\/loop is a symbolic link loop/),
      expect.stringMatching(
        /^odd\/src\/image\.ts could not be parsed \(.*binary.*\): nothing is concluded unused, dead or missing from it$/,
      ),
    ]);
    expect(report.problems.every((p) => p.kind === 'skipped')).toBe(true);
    expect(report.findings.length).toBeGreaterThan(0);
  });

  describe('without python3', () => {
    withoutPython();

    it('says so once, the TypeScript and TOML checks still run, and the gate is skipped, not passed', async () => {
      const report = await audit('mixed', {
        'package.json': '{"name":"mixed"}',
        'pyproject.toml': '[project]\nname = "mixed"\n',
        'src/mixed/__init__.py': 'X = 1\n',
        'src/mixed/core.py': 'Y = 2\n',
      });
      expect(report.problems).toEqual([{ kind: 'skipped', message: expect.stringMatching(/^python3 was not found on the PATH/) }]);
      expect(report.findings.some((f) => f.checkId === 'structure/package-json-metadata')).toBe(true);
      expect(report.findings.some((f) => f.checkId === 'structure/pyproject-metadata')).toBe(true);
      expect(report.summary).toMatchObject({ gate: 'skipped', passed: false });
    });
  });
});
