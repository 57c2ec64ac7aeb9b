import type { GeneratorCallback, Tree } from '@nx/devkit';
import { finishGenerator, registerPhasePlugin } from '@shipshape/core';
import { PLUGIN_NAME } from '../../plugins/plugin';
import type { InitGeneratorSchema } from './schema';

/**
 * `nx add @shipshape/api`: registers the plugin that infers the api and docs targets (unless the pipeline's plugin is
 * registered: it runs this one in its own worker).
 */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<GeneratorCallback> {
  registerPhasePlugin(tree, PLUGIN_NAME);
  return finishGenerator(tree, schema, []);
}

export default initGenerator;
