import { analyzePythonSources } from './analyze-sources';

describe('analyzePythonSources', () => {
  it('analyzes sources that are only in memory, keyed by the given paths', async () => {
    const analysis = await analyzePythonSources({
      'libs/a/pkg/__init__.py': 'from .core import total\n\n__all__ = ["total"]\n',
      'libs/a/pkg/core.py': 'def total(xs):\n    return sum(xs)\n\ndef _helper():\n    pass\n',
      'libs/a/pkg/broken.py': 'def (:\n',
    });
    expect(Object.keys(analysis.files)).toEqual(['libs/a/pkg/__init__.py', 'libs/a/pkg/core.py', 'libs/a/pkg/broken.py']);
    expect(analysis.files['libs/a/pkg/__init__.py'].all).toEqual({ names: ['total'], line: 3, dynamic: false });
    expect(analysis.files['libs/a/pkg/core.py'].definitions.map((d) => [d.name, d.public])).toEqual([
      ['total', true],
      ['_helper', false],
    ]);
    expect(analysis.files['libs/a/pkg/broken.py'].error).toMatchObject({ kind: 'syntax', line: 1 });
  });
});
