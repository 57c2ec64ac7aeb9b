import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Message, Options, Result } from 'publint';
import { packedFiles } from './packed-files';

export interface PublintResult {
  messages: Array<Message & { text: string }>;
  /** How the published files were listed: in this process (npm's lister), or by spawning `npm pack`. */
  listedBy: 'npm-packlist' | 'npm pack';
}

type PublintCore = (options: {
  pkgDir: string;
  vfs: unknown;
  level: Options['level'];
  strict: boolean;
  _packedFiles?: string[];
}) => Promise<Result>;

/**
 * publint's linting core and file view, which its `publint()` calls after spawning `npm pack` to list the published
 * files. Reached by path (the package exports only `publint()`); undefined when this publint has no such files.
 */
async function publintCore(): Promise<{ core: PublintCore; createNodeVfs: () => unknown } | undefined> {
  try {
    const src = dirname(require.resolve('publint'));
    const [{ core }, { createNodeVfs }] = (await Promise.all([
      import(pathToFileURL(join(src, 'shared/core.js')).href),
      import(pathToFileURL(join(src, 'node/vfs-node.js')).href),
    ])) as [{ core: PublintCore }, { createNodeVfs: () => unknown }];
    return typeof core === 'function' && typeof createNodeVfs === 'function' ? { core, createNodeVfs } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * publint on the package as npm would pack it, with each message worded by publint itself. The published files are
 * listed in this process by npm's own lister (the same list `npm pack --dry-run` prints); only a package that
 * bundles dependencies is packed by npm (lifecycle scripts ignored). publint is ESM-only, hence the dynamic imports.
 */
export async function runPublint(pkgDir: string, manifest: Record<string, unknown>): Promise<PublintResult> {
  const { formatMessage } = await import('publint/utils');
  const files = await packedFiles(pkgDir, manifest);
  const internal = files ? await publintCore() : undefined;
  let result: Result;
  if (files && internal) {
    result = await internal.core({
      pkgDir,
      vfs: internal.createNodeVfs(),
      level: 'suggestion',
      strict: false,
      _packedFiles: files.map((file) => join(pkgDir, file)),
    });
  } else {
    const { publint } = await import('publint');
    result = await publint({ pkgDir, pack: 'npm', level: 'suggestion' });
  }
  return {
    messages: result.messages.map((message) => ({
      ...message,
      text: formatMessage(message, result.pkg, { color: false }) ?? message.code,
    })),
    listedBy: files && internal ? 'npm-packlist' : 'npm pack',
  };
}
