import { defineFixGenerator, projectLanguages } from '@shipshape/core';
import { API_OPTIONS } from '../../options';
import { explicitAll } from './python-all';
import type { ExplicitExportsGeneratorSchema } from './schema';
import { explicitStars } from './typescript-stars';

/**
 * `nx g @shipshape/api:explicit-exports --project=x`: every `export *` of a public subpath entry written out as
 * the names its module exports; Python `__all__` written where a public module lacks it, completed with what a
 * package re-exports, and sorted. It never removes a name: one that does not exist is left to the user.
 */
export const explicitExportsGenerator = defineFixGenerator<ExplicitExportsGeneratorSchema>({
  name: '@shipshape/api:explicit-exports',
  sections: [API_OPTIONS],
  fix: async ({ project }) => {
    const languages = project.get(projectLanguages);
    const typescript = languages.includes('typescript') ? explicitStars(project) : { changes: [], done: [], left: [] };
    const python = languages.includes('python') ? await explicitAll(project) : { changes: [], done: [], left: [] };
    return {
      changes: [...typescript.changes, ...python.changes],
      done: [...typescript.done, ...python.done],
      left: [...typescript.left, ...python.left],
    };
  },
});

export default explicitExportsGenerator;
