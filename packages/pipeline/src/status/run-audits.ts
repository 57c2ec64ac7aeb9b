import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ShipshapeError } from '@shipshape/core';

/**
 * Runs the audits of the enrolled projects through Nx (`nx run-many`), so that unchanged ones come from the
 * cache. An audit that fails its gate still wrote its reports, which is all the status needs; so its exit
 * code is not the status's business (a `dependsOn` would stop the status at the first failed gate).
 */
export function runAudits(workspaceRoot: string, projects: string[], targetName: string): string {
  let nxBin: string;
  try {
    nxBin = createRequire(join(workspaceRoot, 'package.json')).resolve('nx/bin/nx');
  } catch {
    throw new ShipshapeError('nx is not installed in this workspace (node_modules/nx); run npm install');
  }
  const result = spawnSync(
    process.execPath,
    [nxBin, 'run-many', '-t', targetName, `--projects=${projects.join(',')}`, '--output-style=static'],
    {
      cwd: workspaceRoot,
      encoding: 'utf8',
      env: { ...process.env, NX_TUI: 'false', FORCE_COLOR: '0' },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  if (result.error) throw new ShipshapeError(`could not run the audits: ${result.error.message}`);
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').map((line) => line.trim());
  return lines
    .filter((line) => /^(NX\s+)?(Successfully ran|Running target|Nx read the output|Failed tasks|- \S+:\S+)/.test(line))
    .join('\n');
}
