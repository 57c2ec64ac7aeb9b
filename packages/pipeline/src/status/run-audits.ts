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
  return auditRunSummary(`${result.stdout}\n${result.stderr}`, targetName);
}

/**
 * What the status says of Nx's run of the audits: how many ran and came from the cache, as Nx says it, and
 * the projects whose gate failed in words of the status (their reports are read all the same), never Nx's
 * "Failed tasks" block, which would make a status that went on read as a failed command.
 */
export function auditRunSummary(output: string, targetName: string): string {
  const lines = output.split('\n').map((line) => line.trim());
  const kept = lines.filter((line) => /^(NX\s+)?(Successfully ran|Nx read the output)/.test(line));
  const listed = (heading: RegExp) => {
    const start = lines.findIndex((line) => heading.test(line));
    if (start < 0) return [];
    const ids = [];
    for (const line of lines.slice(start + 1)) {
      const task = /^- (\S+)$/.exec(line);
      if (task) ids.push(task[1].endsWith(`:${targetName}`) ? task[1].slice(0, -targetName.length - 1) : task[1]);
      else if (line !== '') break;
    }
    return ids;
  };
  const failed = listed(/^Failed tasks:$/);
  const unfinished = [...listed(/^Tasks stopped before they finished:$/), ...listed(/^Tasks not run because/)];
  if (failed.length > 0)
    kept.push(
      `The ${targetName} gate failed for ${failed.join(', ')}; the status reads ${failed.length > 1 ? 'their reports' : 'its report'} all the same (nx run ${failed[0]}:${targetName} shows the findings).`,
    );
  if (unfinished.length > 0)
    kept.push(`The ${targetName} of ${unfinished.join(', ')} did not finish; the status reads the last report there is, if any.`);
  return kept.join('\n');
}
