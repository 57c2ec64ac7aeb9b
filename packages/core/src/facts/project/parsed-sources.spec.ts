import { defineCheck } from '../../model/check';
import { runAudit } from '../../audit/run-audit';
import { diskProject, filesOf, tempWorkspace } from '../../testing';
import { unparsedPython, unparsedTypescript } from './parsed-sources';

const everywhere = defineCheck({
  id: 'x/everywhere',
  title: 'everywhere',
  planItem: 'deps/categorize',
  languages: ['typescript', 'python'],
  severity: 'warning',
  run: (project) => [{ message: 'a finding', file: project.file('package.json') }],
});

describe('sources that do not parse are not evidence of absence', () => {
  const ws = tempWorkspace({
    ...filesOf(`
      == libs/ok/package.json
      {"name":"ok"}
      == libs/ok/src/index.ts
      export const x = 1;
      == libs/mixed/package.json
      {"name":"mixed"}
      == libs/mixed/pyproject.toml
      [project]
      name = "mixed"
      == libs/mixed/src/mixed/__init__.py
      def f(:
          pass
    `),
    'libs/mixed/src/mixed/tabs.py': 'if True:\n\tx = 1\n        y = 2\n',
    'libs/mixed/src/logo.ts': Buffer.from([0x89, 0x50, 0x00, 0x01]),
  });
  afterAll(() => ws.remove());

  it('names every TS/JS file that could not be parsed, with the reason', () => {
    const unparsed = diskProject(ws.root, 'libs/mixed').get(unparsedTypescript);
    expect(unparsed.map((f) => f.file)).toEqual(['libs/mixed/src/logo.ts']);
    expect(unparsed[0].reason).toMatch(/binary/);
    expect(diskProject(ws.root, 'libs/ok').get(unparsedTypescript)).toEqual([]);
  });

  it('names every Python file that could not be parsed, with its line', async () => {
    const unparsed = await diskProject(ws.root, 'libs/mixed').get(unparsedPython);
    expect(unparsed.map((f) => [f.file, f.line > 0])).toEqual([
      ['libs/mixed/src/mixed/__init__.py', true],
      ['libs/mixed/src/mixed/tabs.py', true],
    ]);
  });

  it('says when the interpreter may be older than the syntax the project requires', async () => {
    ws.write({
      'libs/future/pyproject.toml': '[project]\nname = "future"\nrequires-python = ">=3.99"\n',
      'libs/future/src/future/__init__.py': 'type Point = tuple[float, float]\nmatch x:\n  case 1 =>\n',
    });
    const [unparsed] = await diskProject(ws.root, 'libs/future').get(unparsedPython);
    expect(unparsed.reason).toMatch(
      /; Python 3\.\d+ read it, and the project requires Python 3\.99 or newer \("requires-python"\).*SHIPSHAPE_PYTHON/,
    );
    const [plain] = await diskProject(ws.root, 'libs/mixed').get(unparsedPython);
    expect(plain.reason).not.toMatch(/requires-python/);
  });

  it('reports each unparsed file once as a note, and still runs the checks', async () => {
    const report = await runAudit(diskProject(ws.root, 'libs/mixed'), [everywhere]);
    expect(report.findings).toHaveLength(1);
    const notes = report.problems.filter((p) => p.kind === 'skipped');
    expect(notes.map((p) => p.file)).toEqual([
      'libs/mixed/src/logo.ts',
      'libs/mixed/src/mixed/__init__.py',
      'libs/mixed/src/mixed/tabs.py',
    ]);
    expect(notes[1].message).toMatch(/^libs\/mixed\/src\/mixed\/__init__\.py:1 could not be parsed \(.+\): nothing is concluded unused/);
    expect(report.problems.filter((p) => p.kind === 'error')).toEqual([]);
    expect((await runAudit(diskProject(ws.root, 'libs/ok'), [everywhere])).problems).toEqual([]);
  });
});
