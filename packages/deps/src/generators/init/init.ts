import type { GeneratorCallback, Tree } from '@nx/devkit';
import { finishGenerator, registerNxPlugin } from '@shipshape/core';
import type { InitGeneratorSchema } from './schema';

const PLUGIN_NAME = '@shipshape/deps';

/** `nx add @shipshape/deps`: registers the plugin that adds Python projects' dependencies to the project graph. */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<GeneratorCallback> {
  registerNxPlugin(tree, PLUGIN_NAME);
  return finishGenerator(tree, schema, []);
}

export default initGenerator;
