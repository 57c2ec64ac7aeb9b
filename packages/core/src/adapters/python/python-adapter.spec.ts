import { join } from 'node:path';
import { analyzePython } from './python-adapter';
import type { PythonAnalysis, PythonClassDefinition, PythonDefinition, PythonFileResult, PythonImport } from './types';

const root = join(__dirname, '__fixtures__/acme/src/acme');
const file = (path: string) => join(root, path);
const FILES = [
  '__init__.py',
  'core.py',
  'compat.py',
  'broken.py',
  'plugins/__init__.py',
  'plugins/builtin/__init__.py',
  'plugins/builtin/loader.py',
  'plugins/builtin/hooks.py',
  'features.py',
];

describe('analyzePython on a small package', () => {
  let analysis: PythonAnalysis;
  const result = (path: string): PythonFileResult => analysis.files[file(path)];
  const imported = (path: string, module: string): PythonImport[] => result(path).imports.filter((i) => i.module === module);
  const definition = (path: string, name: string): PythonDefinition | undefined => result(path).definitions.find((d) => d.name === name);

  beforeAll(async () => {
    analysis = await analyzePython(FILES.map(file));
  });

  it('reports every file of the batch, keyed by the path it was given, and the interpreter that ran', () => {
    expect(Object.keys(analysis.files).sort()).toEqual(FILES.map(file).sort());
    expect(analysis.python?.version).toMatch(/^3\.\d+\.\d+/);
    expect(analysis.stdlibModules).toEqual(expect.arrayContaining(['os', 'sys', 'json', 'asyncio', 'importlib']));
    expect(analysis.stdlibModules).not.toContain('attrs');
  });

  it('one syntax error costs that file only, with the message and the line', () => {
    expect(result('broken.py').error).toEqual({ kind: 'syntax', message: expect.any(String), line: 7 });
    expect(result('broken.py').imports).toEqual([]);
    expect(result('core.py').error).toBeNull();
  });

  it('reads plain, aliased and from-imports with positions', () => {
    expect(imported('core.py', 'attrs')).toEqual([
      {
        kind: 'import',
        module: 'attrs',
        names: [],
        alias: null,
        aliases: [],
        level: 0,
        line: 8,
        column: 1,
        guard: null,
        inFunction: false,
        fallback: false,
      },
    ]);
    expect(imported('__init__.py', 'core')[0]).toMatchObject({
      kind: 'from',
      names: ['Widget', 'make_widget'],
      aliases: [null, 'build'],
      level: 1,
      line: 3,
    });
    expect(imported('compat.py', 'ujson')[0]).toMatchObject({ alias: 'json', line: 7, column: 5 });
  });

  it('reads relative imports of several levels, with the module as written', () => {
    const levels = result('plugins/builtin/loader.py').imports.map((i) => [i.level, i.module, i.names]);
    expect(levels).toEqual([
      [3, '', ['core']],
      [3, 'core', ['Widget']],
      [2, '', ['builtin']],
      [1, 'hooks', ['on_load']],
      [0, 'importlib.metadata', ['entry_points']],
    ]);
  });

  it('marks imports under try/except ImportError or broader as guarded, and only those', () => {
    const guard = (module: string) => imported('compat.py', module).map((i) => i.guard);
    expect(guard('ujson')).toEqual(['import-error']);
    expect(guard('orjson')).toEqual(['import-error']);
    expect(guard('numpy')).toEqual(['import-error']);
    expect(guard('yaml')).toEqual(['import-error']);
    expect(guard('decimal')).toEqual([null]);
    expect(guard('json')).toEqual([null]);
    expect(guard('tomli')).toEqual([null]);
  });

  it('marks imports under `if TYPE_CHECKING:` and `if typing.TYPE_CHECKING:`', () => {
    expect(imported('core.py', 'collections.abc')[0].guard).toBe('type-checking');
    expect(imported('core.py', 'plugins.builtin.loader')[0]).toMatchObject({ guard: 'type-checking', level: 1 });
    expect(imported('compat.py', 'numpy.typing')[0]).toMatchObject({ guard: 'type-checking', alias: 'npt' });
  });

  it('marks feature-tested imports (rich: the else of `try: get_ipython()`) and the fallbacks for another interpreter or a missing module', () => {
    expect(imported('compat.py', 'json')[0]).toMatchObject({ guard: null, fallback: true });
    expect(imported('compat.py', 'tomllib')[0]).toMatchObject({ guard: null, fallback: true });
    expect(imported('compat.py', 'tomli')[0]).toMatchObject({ guard: null, fallback: true });
    expect(imported('compat.py', 'decimal')[0]).toMatchObject({ fallback: false });
    const features = result('features.py').imports.map((i) => `${i.module} ${i.guard}${i.fallback ? ' fallback' : ''}`);
    expect(features).toEqual([
      'simplejson import-error',
      'json null fallback',
      'simplejson feature',
      'json null',
      'urllib3.contrib import-error',
      'OpenSSL feature',
      'Queue null fallback',
      'trio feature',
      'anyio null',
      'curio feature',
      'ssl import-error',
      'cryptography import-error',
      'IPython.core.formatters feature',
    ]);
  });

  it('marks imports inside functions as lazy, keeping their own guard', () => {
    expect(imported('core.py', 'asyncio')[0]).toMatchObject({ inFunction: true, guard: null, line: 55 });
    expect(imported('compat.py', 'msgpack')[0]).toMatchObject({ inFunction: true, guard: 'import-error' });
    expect(imported('core.py', 'functools')[0].inFunction).toBe(false);
  });

  it('lists top-level definitions with kind, visibility, docstring and annotation counts', () => {
    expect(result('core.py').definitions.map((d) => [d.name, d.kind])).toEqual([
      ['DEFAULT_SIZE', 'variable'],
      ['_registry', 'variable'],
      ['Widget', 'class'],
      ['make_widget', 'function'],
      ['iter_widgets', 'async-function'],
      ['_reset', 'function'],
    ]);
    expect(definition('core.py', 'DEFAULT_SIZE')).toMatchObject({ public: true, docstring: true, line: 15 });
    expect(definition('core.py', '_registry')).toMatchObject({ public: false, docstring: false });
    expect(definition('core.py', 'make_widget')).toMatchObject({
      line: 49,
      docstring: true,
      decorators: ['functools.lru_cache'],
      annotations: { params: 2, annotatedParams: 2, returns: true },
    });
    expect(definition('core.py', 'iter_widgets')).toMatchObject({
      docstring: false,
      annotations: { params: 2, annotatedParams: 1, returns: true },
    });
    expect(definition('core.py', '_reset')).toMatchObject({
      public: false,
      annotations: { params: 0, annotatedParams: 0, returns: false },
    });
  });

  it('lists a class with its decorators, bases and methods, self and cls not counted', () => {
    const widget = definition('core.py', 'Widget') as PythonClassDefinition;
    expect(widget).toMatchObject({ line: 22, docstring: true, decorators: ['attrs.define'], bases: [] });
    const methods = Object.fromEntries(widget.methods.map((m) => [m.name, m]));
    expect(Object.keys(methods)).toEqual(['grow', 'parse', 'valid', 'label', '_refresh']);
    expect(methods.grow).toMatchObject({
      kind: 'function',
      docstring: true,
      annotations: { params: 1, annotatedParams: 1, returns: true },
    });
    expect(methods.parse).toMatchObject({ decorators: ['classmethod'], annotations: { params: 1, annotatedParams: 0, returns: false } });
    expect(methods.valid).toMatchObject({ decorators: ['staticmethod'], annotations: { params: 2, annotatedParams: 1, returns: true } });
    expect(methods._refresh).toMatchObject({
      kind: 'async-function',
      public: false,
      docstring: true,
      annotations: { params: 2, annotatedParams: 2, returns: false },
    });
  });

  it('reads a literal __all__, with literal += and .append', () => {
    expect(result('__init__.py').all).toEqual({ names: ['Widget', 'build', 'json', 'plugins', '__version__'], line: 7, dynamic: false });
    expect(result('plugins/builtin/__init__.py').all).toEqual({ names: ['Loader'], line: 3, dynamic: false });
    expect(result('core.py').all).toBeNull();
  });

  it('marks a computed __all__ as dynamic, without names', () => {
    expect(result('plugins/__init__.py').all).toEqual({ names: null, line: 6, dynamic: true });
  });

  it('lists the names an __init__.py binds by import, under their local names', () => {
    expect(result('__init__.py').reexports).toEqual(['Widget', 'build', 'json', 'plugins']);
    expect(result('plugins/__init__.py').reexports).toEqual(['_Loader']);
    expect(result('core.py').reexports).toEqual(['functools', 'TYPE_CHECKING', 'Optional', 'attrs']);
  });

  it('keeps the module docstring, and null when there is none', () => {
    expect(result('__init__.py').docstring).toBe('Acme widgets: build, register and serialize widgets.');
    expect(result('plugins/builtin/__init__.py').docstring).toBeNull();
    expect(definition('plugins/builtin/__init__.py', 'Loader')).toBeUndefined();
  });
});
