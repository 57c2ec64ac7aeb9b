import type { ExecutorContext, GeneratorCallback, Tree } from '@nx/devkit';
import type { AuditExecutorSchema } from './executors/audit/schema';
import type { InitGeneratorSchema } from './generators/init/schema';

// Nx loads this entry as the plugin in a worker it starts for every graph computation: the plugin is loaded with
// it, the generator and the executor (and the parts of core they use) when they are called.
export { createDependencies, createNodes, createNodesV2, PLUGIN_NAME } from './plugins/plugin';

export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<GeneratorCallback> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when called
  return (require('./generators/init/init') as typeof import('./generators/init/init')).initGenerator(tree, schema);
}

export async function auditExecutor(options: AuditExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when called
  return (require('./executors/audit/audit') as typeof import('./executors/audit/audit')).default(options, context);
}
