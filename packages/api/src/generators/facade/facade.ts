import { defineFixGenerator, projectLanguages, ShipshapeError } from '@shipshape/core';
import { API_OPTIONS } from '../../options';
import { addToInit, extendPythonFacade, scaffoldPythonBaseError, topInit, type FacadeEdit } from './python-facade';
import type { FacadeGeneratorSchema } from './schema';
import { extendTypescriptFacade, scaffoldTypescriptBaseError } from './typescript-facade';

const CLASS_NAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * `nx g @shipshape/api:facade --project=x [--baseError=XError]`: the facade (the main entry barrel, the
 * package's `__init__.py` and its `__all__`) re-exports what the workspace's other projects import from deeper
 * modules, and, with `--baseError`, the library gets a base error class exported from it. It only adds: nothing
 * is removed from the facade, and the importers are left as they are.
 */
export const facadeGenerator = defineFixGenerator<FacadeGeneratorSchema>({
  name: '@shipshape/api:facade',
  sections: [API_OPTIONS],
  validate: (schema) => {
    if (schema.baseError !== undefined && !CLASS_NAME.test(schema.baseError))
      throw new ShipshapeError(`--baseError="${schema.baseError}" is no class name: give one in PascalCase, such as AcmeError`);
  },
  fix: async ({ project, schema }) => {
    const edit: FacadeEdit = { changes: [], done: [], left: [] };
    const texts = new Map<string, string>();
    const languages = project.get(projectLanguages);
    let scaffolded = false;
    if (languages.includes('typescript')) {
      extendTypescriptFacade(project, edit, texts);
      if (schema.baseError) scaffolded = scaffoldTypescriptBaseError(project, schema.baseError, edit, texts) || scaffolded;
    }
    if (languages.includes('python')) {
      const additions = new Map<string, Set<string>>();
      await extendPythonFacade(project, edit, additions);
      if (schema.baseError) scaffolded = (await scaffoldPythonBaseError(project, schema.baseError, edit, texts, additions)) || scaffolded;
      const top = topInit(project);
      if (top && additions.size > 0)
        texts.set(top, await addToInit(project, top, additions, edit, texts.get(top) ?? project.workspace.source.read(top) ?? ''));
    }
    if (schema.baseError && !scaffolded)
      throw new ShipshapeError(
        `${project.name} (${project.root}) has neither a TypeScript entry barrel (src/index.ts, or what package.json's exports["."] builds from) nor a Python package with an __init__.py: there is no facade to export ${schema.baseError} from`,
      );
    edit.changes = [...texts].map(([path, content]) => ({ path, content }));
    return edit;
  },
});

export default facadeGenerator;
