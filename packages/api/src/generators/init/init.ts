import type { GeneratorCallback, Tree } from '@nx/devkit';
import { finishGenerator, registerNxPlugin } from '@shipshape/core';
import { PLUGIN_NAME } from '../../plugins/plugin';
import type { InitGeneratorSchema } from './schema';

/** `nx add @shipshape/api`: registers the plugin that infers the api and docs targets. */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<GeneratorCallback> {
  registerNxPlugin(tree, PLUGIN_NAME);
  return finishGenerator(tree, schema, []);
}

export default initGenerator;
