import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '@shipshape/core/testing';
import { installedVersionsInput } from './installed-versions';

/** The runtime input as Nx runs it: through the shell, in the workspace root; its output and exit status. */
function stamp(root: string): string {
  return execFileSync('sh', ['-c', installedVersionsInput('linux')], { cwd: root, encoding: 'utf8' });
}

describe('the installed-versions runtime input', () => {
  const ws = tempWorkspace({ 'package.json': '{"name":"root"}' });
  afterAll(() => ws.remove());
  const install = (folder: string, version: string) => {
    mkdirSync(join(ws.root, 'node_modules/@shipshape', folder), { recursive: true });
    writeFileSync(
      join(ws.root, 'node_modules/@shipshape', folder, 'package.json'),
      JSON.stringify({ name: `@shipshape/${folder}`, version }),
    );
  };

  it('is empty, and succeeds, where no Shipshape package is installed', () => {
    expect(stamp(ws.root)).toBe('');
  });

  it('names every installed package with its version, and changes when one is upgraded', () => {
    install('core', '1.0.0');
    install('deps', '1.2.0');
    mkdirSync(join(ws.root, 'node_modules/@shipshape/.cache'), { recursive: true }); // a folder without a manifest
    const before = stamp(ws.root);
    expect(before).toContain('"name":"@shipshape/core","version":"1.0.0"');
    expect(before).toContain('"name":"@shipshape/deps","version":"1.2.0"');
    expect(stamp(ws.root)).toBe(before);
    install('deps', '1.3.0');
    expect(stamp(ws.root)).not.toBe(before);
    rmSync(join(ws.root, 'node_modules/@shipshape/deps'), { recursive: true });
    expect(stamp(ws.root)).not.toContain('@shipshape/deps');
  });

  it('starts Node only on Windows, whose shell has no cat', () => {
    expect(installedVersionsInput('win32')).toBe(`node -e "require('@shipshape/pipeline/print-versions')"`);
    expect(installedVersionsInput('darwin')).toMatch(/^cat /);
  });
});
