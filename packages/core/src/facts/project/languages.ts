import type { Language } from '../../model/finding';
import { defineFact } from '../fact';

/** The languages a project is written in: TypeScript/JavaScript with a package.json or tsconfig.json, Python with a pyproject.toml. */
export const projectLanguages = defineFact({
  id: 'project/languages',
  compute: (project): Language[] => {
    const has = (name: string) => project.workspace.source.isFile(project.file(name));
    const languages: Language[] = [];
    if (has('package.json') || has('tsconfig.json')) languages.push('typescript');
    if (has('pyproject.toml')) languages.push('python');
    return languages;
  },
});
