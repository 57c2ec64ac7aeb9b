/**
 * A runtime input for a target whose result depends on Python tools: it prints the interpreter Shipshape finds
 * first (SHIPSHAPE_PYTHON, else the python3 of the PATH), its version, and the installed version of each named
 * distribution (None when it is missing), or `no-python`. Upgrading griffe or MkDocs then runs the target again
 * instead of serving a result the old tool made. An executor's own `python` option is not seen here.
 * Kept free of imports: Nx's plugin worker loads the targets for every graph.
 */
export function pythonVersionsInput(distributions: readonly string[]): { runtime: string } {
  const names = distributions.map((name) => `'${name}'`).join(',');
  return {
    runtime: `"\${SHIPSHAPE_PYTHON:-python3}" -c "import sys
from importlib import metadata as m
print(sys.executable, sys.version.split()[0])
for d in (${names},):
    try: print(d, m.version(d))
    except Exception: print(d, None)" 2>/dev/null || echo no-python`,
  };
}
