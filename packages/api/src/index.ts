export { checks } from './checks';
export { createNodes, createNodesV2 } from './plugins/plugin';
export { initGenerator } from './generators/init/init';
