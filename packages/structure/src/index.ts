export { checks } from './checks';
export { metadataGenerator } from './generators/metadata/metadata';
export { barrelsGenerator } from './generators/barrels/barrels';
export { boundariesGenerator } from './generators/boundaries/boundaries';
export { pythonSrcLayoutGenerator } from './generators/python-src-layout/python-src-layout';
export { phaseGenerator } from './generators/phase/phase';
