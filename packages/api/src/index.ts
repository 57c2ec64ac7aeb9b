export { checks } from './checks';
export { createNodes, createNodesV2, PLUGIN_NAME } from './plugins/plugin';
export { initGenerator } from './generators/init/init';
export { phaseGenerator } from './generators/phase/phase';
