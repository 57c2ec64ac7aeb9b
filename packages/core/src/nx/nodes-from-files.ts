import type { CreateNodesContextV2, CreateNodesResult } from '@nx/devkit';

/**
 * What `createNodesFromFiles` of @nx/devkit does for a synchronous `create`: each file's nodes, in the files'
 * order (an empty result left out), and every file's error at once in Nx's AggregateCreateNodesError, with the
 * results of the others. Without loading @nx/devkit (~0.1 s in each plugin worker, which Nx starts for every
 * graph computation) unless a file fails.
 */
export function nodesFromFiles<Options>(
  create: (file: string, options: Options, context: CreateNodesContextV2) => CreateNodesResult | undefined,
  files: readonly string[],
  options: Options,
  context: CreateNodesContextV2,
): Array<[file: string, value: CreateNodesResult]> {
  const results: Array<[string, CreateNodesResult]> = [];
  const errors: Array<[string, Error]> = [];
  const each = { ...context, configFiles: files };
  for (const file of files) {
    try {
      const value = create(file, options, each);
      if (value) results.push([file, value]);
    } catch (error) {
      errors.push([file, error as Error]);
    }
  }
  if (errors.length > 0) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Nx's error type, loaded when a file fails
    const { AggregateCreateNodesError } = require('@nx/devkit') as typeof import('@nx/devkit');
    throw new AggregateCreateNodesError(errors, results);
  }
  return results;
}
