import { PYTHON_VERSIONS, stdlibInSomeVersion, stdlibOfVersions } from './stdlib-versions';

describe('the standard library of the Python versions a project allows', () => {
  const running = new Set(['os', 'json', 'cgi', 'distutils', 'tomllib']);

  it('keeps a module removed later for the versions that still have it, and drops it for the others', () => {
    expect(stdlibOfVersions(['3.9'], running).has('cgi')).toBe(true);
    expect(stdlibOfVersions(['3.13', '3.14'], running).has('cgi')).toBe(false);
    expect(stdlibOfVersions(['3.12', '3.13'], running).has('distutils')).toBe(false);
    expect(stdlibOfVersions(['3.8'], running).has('dummy_threading')).toBe(true);
  });

  it('counts a module that is standard from 3.14 on when the project allows 3.14', () => {
    expect(stdlibOfVersions(['3.12', '3.13', '3.14'], running).has('annotationlib')).toBe(true);
    expect(stdlibOfVersions(['3.12', '3.13'], running).has('annotationlib')).toBe(false);
  });

  it('knows the Python 2 names only when Python 2 is allowed, and as standard in some version always', () => {
    expect(stdlibOfVersions(['3.11'], running).has('StringIO')).toBe(false);
    expect(stdlibOfVersions(['2.7', '3.11'], running).has('StringIO')).toBe(true);
    expect(stdlibOfVersions(['2.7'], running).has('json')).toBe(true);
    expect(stdlibInSomeVersion('Queue', running)).toBe(true);
    expect(stdlibInSomeVersion('requests', running)).toBe(false);
    expect(PYTHON_VERSIONS[0]).toBe('2.7');
  });
});
