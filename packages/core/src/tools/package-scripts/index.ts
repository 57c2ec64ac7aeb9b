import { declaredNames } from '../../facts/project/declared-names';
import { npmInstallation } from '../../facts/workspace/npm-installation';
import type { ShipshapeProject } from '../../facts/shipshape-project';
import { packageRef } from '../references';
import { TOOLS } from '../registry';
import { scriptReferences } from '../shell';
import { specifierTarget } from '../specifiers';
import { defineTool, type PackageReference } from '../tool';
import { packageScripts } from './scripts';

/** Scripts npm runs when the package is installed: what they run, users need. */
const INSTALL_SCRIPTS = new Set(['preinstall', 'install', 'postinstall']);

/**
 * Binary name to the declared package that provides it: declared packages' `bin`, else the node_modules/.bin
 * link; when nothing is installed, a tool adapter's `binaries` (`tsc` is typescript), else the declared
 * package the binary is named after (`flow` is flow-bin, `wdio` is @wdio/cli, `release` is @ossjs/release).
 */
export function binaryOwners(project: ShipshapeProject): (bin: string) => string | undefined {
  const declared = project.get(declaredNames).npmWithRoot;
  const installation = project.get(npmInstallation);
  let byBin: Map<string, string> | undefined;
  return (bin) => {
    if (!byBin) {
      byBin = new Map();
      for (const name of declared) {
        for (const provided of Object.keys(installation.resolve(name, project.root)?.bin ?? {}))
          if (!byBin.has(provided)) byBin.set(provided, name);
      }
    }
    return byBin.get(bin) ?? installation.binaryOwner(bin, project.root) ?? toolOwner(bin, declared) ?? namedAfter(bin, declared);
  };
}

function toolOwner(bin: string, declared: ReadonlySet<string>): string | undefined {
  const owner = TOOLS.find((tool) => tool.binaries?.includes(bin))?.enablers[0];
  return owner !== undefined && declared.has(owner) ? owner : undefined;
}

/** The declared package a binary is conventionally named after: itself, `<bin>-cli`, `<bin>-bin`, `@<bin>/cli`, or `@scope/<bin>`. */
function namedAfter(bin: string, declared: ReadonlySet<string>): string | undefined {
  const exact = [bin, `${bin}-cli`, `${bin}-bin`, `@${bin}/cli`].find((name) => declared.has(name));
  return exact ?? [...declared].find((name) => name.startsWith('@') && name.slice(name.indexOf('/') + 1) === bin);
}

function scriptNames(project: ShipshapeProject): ReadonlySet<string> {
  return new Set(project.get(packageScripts).map((s) => s.name));
}

/** The packages a command line runs (binaries, `node -r` modules), as references from `at`. */
export function commandReferences(
  project: ShipshapeProject,
  command: string,
  at: { file: string; line: number; column: number },
  via: string,
  role: PackageReference['role'] = 'dev',
): PackageReference[] {
  const owners = binaryOwners(project);
  return scriptReferences(command, scriptNames(project)).flatMap((reference) => {
    const target = reference.kind === 'module' ? specifierTarget(reference.name) : undefined;
    const name = reference.kind === 'bin' ? owners(reference.name) : target?.kind === 'package' ? target.name : undefined;
    return name ? [packageRef(name, at, `${via} runs "${reference.name}"`, role)] : [];
  });
}

/** package.json scripts: the binaries and preloaded modules they run. */
export default defineTool({
  name: 'package-scripts',
  ecosystem: 'npm',
  enablers: [],
  configFiles: [],
  manifestFields: ['scripts'],
  references({ project }) {
    const packages = project
      .get(packageScripts)
      .flatMap((script) =>
        commandReferences(project, script.command, script, `script "${script.name}"`, INSTALL_SCRIPTS.has(script.name) ? 'runtime' : 'dev'),
      );
    return { packages };
  },
});
