import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Prints the installed Shipshape packages and their versions (`name@version`, sorted by name): the audit target's
 * runtime input on Windows (elsewhere the shell's `cat` of the same manifests; see installed-versions.ts), so that
 * upgrading a check package invalidates cached audits whatever the package manager or lock file. Nx runs it on
 * every `nx` command, so it reads the manifests with node:fs alone instead of loading core.
 * Keep in sync with the installed part of core's discoverShipshapePackages (registry/discover.ts): every folder of
 * node_modules/@shipshape with a package.json, named by its `name`, sorted with localeCompare.
 */
const scope = join(process.cwd(), 'node_modules', '@shipshape');
const installed = existsSync(scope)
  ? readdirSync(scope)
      .map((folder) => join(scope, folder, 'package.json'))
      .filter((path) => existsSync(path))
      .map((path) => {
        const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
        return { name: manifest.name ?? path, version: manifest.version };
      })
  : [];
const byName = new Map(installed.map((pkg) => [pkg.name, pkg.version]));
for (const name of [...byName.keys()].sort((a, b) => a.localeCompare(b))) console.log(`${name}@${byName.get(name)}`);
