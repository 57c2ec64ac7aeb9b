import { dataAt, isTable } from '../../util/data';
import { pyprojectPlaces } from '../python-tables';
import { defineTool, type DeclaredReference } from '../tool';

/** Poetry declares dependencies in its own tables: `[tool.poetry.dependencies]`, groups, the old dev-dependencies; `optional = true` ones belong to extras. */
export default defineTool({
  name: 'poetry',
  ecosystem: 'python',
  enablers: ['poetry-core', 'poetry'],
  configFiles: ['poetry.toml'],
  manifestFields: ['tool.poetry'],
  references({ project, fields }) {
    const declared: DeclaredReference[] = [];
    const place = pyprojectPlaces(project);
    const table = (deps: unknown, group: DeclaredReference['group'], path: string[]) => {
      if (!isTable(deps)) return;
      for (const [name, spec] of Object.entries(deps)) {
        if (name.toLowerCase() === 'python') continue;
        const optional = isTable(spec) && spec.optional === true;
        const written = typeof spec === 'string' ? spec : isTable(spec) && typeof spec.version === 'string' ? spec.version : '*';
        declared.push({
          name,
          spec: written,
          group: optional ? 'optional' : group,
          section: path.join('.'),
          path: [...path, name],
          ...place([...path, name]),
        });
      }
    };
    for (const field of fields) {
      table(dataAt(field.value, ['dependencies']), 'runtime', ['tool', 'poetry', 'dependencies']);
      table(dataAt(field.value, ['dev-dependencies']), 'dev', ['tool', 'poetry', 'dev-dependencies']);
      const groups = dataAt(field.value, ['group']);
      for (const [group, body] of Object.entries(isTable(groups) ? groups : {})) {
        table(dataAt(body, ['dependencies']), 'dev', ['tool', 'poetry', 'group', group, 'dependencies']);
      }
    }
    return { declared };
  },
});
