import { pythonBump, pythonReportText } from './python';

const PYTHON = process.env.SHIPSHAPE_PYTHON ?? '/usr/bin/python3';
const report = (code: string) => pythonReportText('pkg', `# module pkg\n${code}\n`);

/** The semver table for Python: each change of a griffe report with the bump it calls for. */
const TABLE: Array<[string, string, string, 'major' | 'minor' | 'patch' | 'none', string]> = [
  ['removed export', 'def a() -> None: ...\ndef b() -> None: ...', 'def a() -> None: ...', 'major', 'removed'],
  ['added export', 'def a() -> None: ...', 'def a() -> None: ...\ndef b() -> None: ...', 'minor', 'added'],
  ['added optional parameter', 'def f(a: str) -> None: ...', 'def f(a: str, b: int = 0) -> None: ...', 'minor', 'parameter-added-optional'],
  [
    'added keyword-only optional parameter',
    'def f(a: str) -> None: ...',
    'def f(a: str, *, b: int = 0) -> None: ...',
    'minor',
    'parameter-added-optional',
  ],
  ['new required parameter', 'def f(a: str) -> None: ...', 'def f(a: str, b: int) -> None: ...', 'major', 'parameter-added-required'],
  ['removed parameter', 'def f(a: str, b: int) -> None: ...', 'def f(a: str) -> None: ...', 'major', 'parameter-removed'],
  [
    'removed parameter swallowed by **kwargs',
    'def f(a: str, *, b: int = 0) -> None: ...',
    'def f(a: str, **kwargs) -> None: ...',
    'minor',
    'parameter-added-optional',
  ],
  ['moved parameter', 'def f(a: str, b: int) -> None: ...', 'def f(b: int, a: str) -> None: ...', 'major', 'parameter-moved'],
  [
    'positional became keyword-only',
    'def f(a: str, b: int = 0) -> None: ...',
    'def f(a: str, *, b: int = 0) -> None: ...',
    'major',
    'parameter-kind-changed',
  ],
  ['narrowed return type', 'def f() -> int | str: ...', 'def f() -> int: ...', 'minor', 'return-narrowed'],
  ['widened return type', 'def f() -> int: ...', 'def f() -> Optional[int]: ...', 'major', 'return-widened'],
  ['widened parameter type', 'def f(a: int) -> None: ...', 'def f(a: Union[int, str]) -> None: ...', 'minor', 'parameter-widened'],
  ['narrowed parameter type', 'def f(a: int | str) -> None: ...', 'def f(a: int) -> None: ...', 'major', 'parameter-narrowed'],
  ['changed default', 'def f(a: int = 1) -> None: ...', 'def f(a: int = 2) -> None: ...', 'major', 'parameter-default-changed'],
  ['parameter became required', 'def f(a: int = 1) -> None: ...', 'def f(a: int) -> None: ...', 'major', 'parameter-required'],
  ['parameter became optional', 'def f(a: int) -> None: ...', 'def f(a: int = 1) -> None: ...', 'minor', 'parameter-optional'],
  [
    'class base removed',
    'class Base:\n    ...\nclass C(Base):\n    ...',
    'class Base:\n    ...\nclass C:\n    ...',
    'major',
    'base-removed',
  ],
  [
    'method removed',
    'class C:\n    def run(self) -> None: ...\n    def stop(self) -> None: ...',
    'class C:\n    def run(self) -> None: ...',
    'major',
    'removed',
  ],
  [
    'method added',
    'class C:\n    def run(self) -> None: ...',
    'class C:\n    def run(self) -> None: ...\n    def stop(self) -> None: ...',
    'minor',
    'added',
  ],
  ['function became a class', 'def f() -> None: ...', 'class f:\n    ...', 'major', 'kind-changed'],
  ['became a coroutine', 'def f() -> None: ...', 'async def f() -> None: ...', 'major', 'async-changed'],
  [
    'same annotation written differently',
    'def f(a: Optional[int]) -> None: ...',
    'def f(a: int | None) -> None: ...',
    'patch',
    'annotation-rewritten',
  ],
  ['constant value changed', "VERSION = '1.0'", "VERSION = '1.1'", 'patch', 'attribute-value-changed'],
  ['attribute type changed', 'class C:\n    size: int', 'class C:\n    size: str', 'major', 'attribute-type-changed'],
];

describe('the Python semver classifier', () => {
  it.each(TABLE)('%s', async (_what, before, after, bump, kind) => {
    const result = await pythonBump(PYTHON, report(before), report(after));
    expect(result.bump).toBe(bump);
    if (kind) expect(result.changes.map((c) => c.kind)).toContain(kind);
  });

  it('tells a function from the module of the same name (pkg.greet the module, pkg:greet the function)', async () => {
    const before = pythonReportText(
      'pkg',
      '# module pkg\ndef greet(name: str) -> str: ...\n\n# module pkg.greet\ndef greet(name: str) -> str: ...\n',
    );
    const after = pythonReportText('pkg', '# module pkg\n# (no public names)\n\n# module pkg.greet\ndef greet(name: str) -> str: ...\n');
    const result = await pythonBump(PYTHON, before, after);
    expect(result.changes).toEqual([expect.objectContaining({ name: 'pkg:greet', kind: 'removed', bump: 'major' })]);
  });

  it('says nothing of two equal reports', async () => {
    expect(await pythonBump(PYTHON, report('def f() -> None: ...'), report('def f() -> None: ...'))).toEqual({ bump: 'none', changes: [] });
  });

  it('names the report that cannot be read back', async () => {
    await expect(pythonBump(PYTHON, report('def f(:'), report('def g() -> None: ...'), 'libs/py/api/pkg.api.md')).rejects.toThrow(
      /libs\/py\/api\/pkg\.api\.md: the Python API report cannot be read back/,
    );
  });
});
