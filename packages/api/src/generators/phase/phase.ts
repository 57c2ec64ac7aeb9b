import { definePhaseGenerator } from '@shipshape/core';
import { apiReportGenerator } from '../api-report/api-report';
import { diagramsGenerator } from '../diagrams/diagrams';
import { docsStructureGenerator } from '../docs-structure/docs-structure';
import { docsGenerator } from '../docs/docs';
import { explicitExportsGenerator } from '../explicit-exports/explicit-exports';
import { explicitTypesGenerator } from '../explicit-types/explicit-types';
import { facadeGenerator } from '../facade/facade';
import { pythonTypesGenerator } from '../python-types/python-types';
import { releaseTagsGenerator } from '../release-tags/release-tags';
import type { PhaseGeneratorSchema } from './schema';

const withDocs = (schema: PhaseGeneratorSchema) => schema.skipDocs !== true;

/**
 * Phase 2's fixes, each step on the Tree the previous one left: the public surface first (types, explicit
 * exports, the facade, release tags on all of it, Python's type markers), then the API reports of that surface, then the documentation system built
 * on it (toolchain and API pages, the Diátaxis structure, the diagrams). Each step does nothing on a project of
 * the other language.
 */
export const phaseGenerator = definePhaseGenerator<PhaseGeneratorSchema>({
  name: '@shipshape/api:phase',
  steps: [
    { name: 'explicit-types', generator: explicitTypesGenerator },
    { name: 'explicit-exports', generator: explicitExportsGenerator },
    { name: 'facade', generator: facadeGenerator },
    { name: 'release-tags', generator: releaseTagsGenerator },
    // after release-tags: its _stability.py is annotated code that python-types counts (run before, a second phase
    // run would find the package typed and write py.typed then)
    { name: 'python-types', generator: pythonTypesGenerator },
    { name: 'api-report', generator: apiReportGenerator },
    { name: 'docs', generator: docsGenerator, when: withDocs },
    { name: 'docs-structure', generator: docsStructureGenerator, when: withDocs },
    { name: 'diagrams', generator: diagramsGenerator, when: withDocs },
  ],
});

export default phaseGenerator;
