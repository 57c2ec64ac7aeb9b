import { defineCheck } from '../../model/check';
import { runAudit } from '../../audit/run-audit';
import { diskProject, filesOf, tempWorkspace } from '../../testing';
import { allSourcesParsed, unparsedSources } from './parsed-sources';

/** A check that would call something unused: what it needs first is every source parsed. */
const callsUnused = defineCheck({
  id: 'x/unused',
  title: 'unused',
  planItem: 'deps/categorize',
  languages: ['typescript', 'python'],
  severity: 'warning',
  requires: [allSourcesParsed],
  run: (project) => [{ message: 'something is unused', file: project.file('package.json') }],
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

  it('names every file that could not be parsed, with the line and the reason', async () => {
    const unparsed = await diskProject(ws.root, 'libs/mixed').get(unparsedSources);
    expect(unparsed.map((f) => [f.file, f.line > 0])).toEqual([
      ['libs/mixed/src/logo.ts', false],
      ['libs/mixed/src/mixed/__init__.py', true],
      ['libs/mixed/src/mixed/tabs.py', true],
    ]);
  });

  it('skips a check that concludes absence, reporting the files once; the check runs where everything parses', async () => {
    const report = await runAudit(diskProject(ws.root, 'libs/mixed'), [callsUnused]);
    expect(report.findings).toEqual([]);
    expect(report.problems).toEqual([
      {
        kind: 'error',
        message: expect.stringMatching(
          /^3 source files could not be parsed: libs\/mixed\/src\/logo\.ts \(is a binary file, not source code\), libs\/mixed\/src\/mixed\/__init__\.py:1 /,
        ),
      },
    ]);
    expect(report.checks[0].skipped).toMatch(/nothing is called unused, dead or missing until it parses$/);
    expect((await runAudit(diskProject(ws.root, 'libs/ok'), [callsUnused])).findings).toHaveLength(1);
  });
});
