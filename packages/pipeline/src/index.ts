export { createDependencies, createNodes, createNodesV2, PLUGIN_NAME } from './plugins/plugin';
export { initGenerator } from './generators/init/init';
export { default as auditExecutor } from './executors/audit/audit';
