import { discoverShipshapePackages } from '@shipshape/core/engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Prints the installed Shipshape packages and their versions: the audit target's runtime input, so that
 * upgrading a check package invalidates cached audits whatever the package manager or lock file.
 */
for (const info of discoverShipshapePackages(process.cwd())) {
  const { version } = JSON.parse(readFileSync(join(info.dir, 'package.json'), 'utf8')) as { version: string };
  console.log(`${info.name}@${version}`);
}
