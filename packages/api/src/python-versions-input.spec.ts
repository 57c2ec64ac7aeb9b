import { execFileSync } from 'node:child_process';
import { pythonVersionsInput } from './python-versions-input';

/** The runtime input as Nx runs it: through the shell, with the environment given. */
function key(distributions: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync('sh', ['-c', pythonVersionsInput(distributions).runtime], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('the Python tools runtime input', () => {
  it('prints the interpreter, its version and each distribution’s version, None for one not installed', () => {
    const printed = key(['griffe', 'no-such-distribution'], { SHIPSHAPE_PYTHON: '/usr/bin/python3' });
    const [interpreter, griffe, missing] = printed.trim().split('\n');
    expect(interpreter).toMatch(/^\/usr\/bin\/python3(\.\d+)? 3\.\d+\.\d+$/);
    expect(griffe).toMatch(/^griffe \d+\.\d+/);
    expect(missing).toBe('no-such-distribution None');
  });

  it('changes with the interpreter, and says so when there is none', () => {
    expect(key(['griffe'], { SHIPSHAPE_PYTHON: '/nonexistent/python3' })).toBe('no-python\n');
  });

  it('takes a single distribution as a tuple of one', () => {
    expect(pythonVersionsInput(['griffe']).runtime).toContain("for d in ('griffe',):");
  });
});
