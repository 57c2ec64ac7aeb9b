import { definePhaseGenerator } from '@shipshape/core';
import { barrelsGenerator } from '../barrels/barrels';
import { boundariesGenerator } from '../boundaries/boundaries';
import { metadataGenerator } from '../metadata/metadata';
import type { PhaseGeneratorSchema } from './schema';

/** `nx g @shipshape/structure:phase --project=x`: every structure fix, in the order they build on each other, as the pipeline's phase runner calls it. */
export const phaseGenerator = definePhaseGenerator<PhaseGeneratorSchema>({
  name: '@shipshape/structure:phase',
  steps: [
    { name: 'metadata', generator: metadataGenerator },
    { name: 'barrels', generator: barrelsGenerator },
    { name: 'boundaries', generator: boundariesGenerator },
  ],
});

export default phaseGenerator;
