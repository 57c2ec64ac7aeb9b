import { posix } from 'node:path';
import { defineWorkspaceFact, readTsconfig } from '@shipshape/core';

/** A `paths` alias of the workspace's root tsconfig, with where it is written. */
export interface RootPathAlias {
  alias: string;
  /** Workspace-relative targets, `*` kept. */
  targets: string[];
  /** The tsconfig that writes it, and the line. */
  file: string;
  line: number;
}

const ROOT_TSCONFIGS = ['tsconfig.base.json', 'tsconfig.json'];

/**
 * The `compilerOptions.paths` of the workspace's tsconfig.base.json (or tsconfig.json), targets made
 * workspace-relative, each with the file and line that maps it: what findings about an alias point at.
 */
export const rootPathAliases = defineWorkspaceFact({
  id: 'structure/root-path-aliases',
  compute: (workspace): RootPathAlias[] => {
    for (const name of ROOT_TSCONFIGS) {
      const config = readTsconfig(workspace.source, name);
      if (!config?.paths) continue;
      const texts = config.chain.map((file) => ({ file, lines: (workspace.source.read(file) ?? '').split('\n') }));
      return Object.entries(config.paths.values).map(([alias, targets]) => {
        const at = texts
          .map(({ file, lines }) => ({ file, line: lines.findIndex((l) => l.includes(JSON.stringify(alias))) + 1 }))
          .find((t) => t.line > 0);
        return {
          alias,
          targets: (Array.isArray(targets) ? targets : [])
            .filter((t): t is string => typeof t === 'string')
            .map((t) => posix.normalize(posix.join(config.paths!.base, t))),
          file: at?.file ?? name,
          line: at?.line ?? 1,
        };
      });
    }
    return [];
  },
});
