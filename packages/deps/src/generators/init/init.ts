import type { GeneratorCallback, Tree } from '@nx/devkit';
import { finishGenerator, registerPhasePlugin } from '@shipshape/core';
import type { InitGeneratorSchema } from './schema';

const PLUGIN_NAME = '@shipshape/deps';

/**
 * `nx add @shipshape/deps`: registers the plugin that adds Python projects' dependencies to the project graph (unless
 * the pipeline's plugin is registered: it runs this one in its own worker).
 */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<GeneratorCallback> {
  registerPhasePlugin(tree, PLUGIN_NAME);
  return finishGenerator(tree, schema, []);
}

export default initGenerator;
