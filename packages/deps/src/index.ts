export { checks } from './checks';
export { createDependencies } from './plugins/python-project-graph';
export { initGenerator } from './generators/init/init';
export { phaseGenerator } from './generators/phase/phase';
