import { defineFixGenerator, type UnparsedFile } from '@shipshape/core';
import { dependencyFixes } from '../../fixes/apply-fixes';
import { DEPS_OPTIONS } from '../../options';
import { fixEachManifest, problemsOf } from '../shared/manifest-fixes';
import type { PruneGeneratorSchema } from './schema';

/**
 * `nx g @shipshape/deps:prune --project=x`: REMOVES the declared dependencies that nothing uses (no import,
 * script, configuration or tsconfig) and standard-library modules declared as Python requirements.
 */
export const pruneGenerator = defineFixGenerator<PruneGeneratorSchema>({
  name: '@shipshape/deps:prune',
  sections: [DEPS_OPTIONS],
  fix: ({ project }) =>
    fixEachManifest(project, (manifest) => {
      const fixes = dependencyFixes(manifest.facts, problemsOf(manifest, ['unused', 'stdlib']));
      // What a file that does not parse imports is unknown: the analysis calls nothing unused until it parses.
      const note = manifest.unparsed ? [notJudged(manifest.facts.manifest.file, manifest.unparsed)] : [];
      return { ...fixes, left: [...(fixes.left ?? []), ...note] };
    }),
});

/** Why nothing was removed as unused: the files that do not parse, where and why (the first three). */
export function notJudged(manifest: string, unparsed: readonly UnparsedFile[], what = 'nothing was removed as unused'): string {
  const named = unparsed.slice(0, 3).map(({ file, line, reason }) => `${file}${line > 0 ? `:${line}` : ''} (${reason})`);
  const more = unparsed.length > 3 ? ` and ${unparsed.length - 3} more` : '';
  return `${manifest}: ${what}, because what ${unparsed.length === 1 ? 'this file imports' : 'these files import'} is unknown until ${unparsed.length === 1 ? 'it parses' : 'they parse'}: ${named.join(', ')}${more}`;
}

export default pruneGenerator;
