import { isTable, pyprojectPlaces, type Table } from '../python-tables';
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
        declared.push({ name, spec: written, group: optional ? 'optional' : group, section: path.join('.'), path: [...path, name], ...place([...path, name]) });
      }
    };
    for (const field of fields) {
      const poetry = field.value as Table;
      table(poetry.dependencies, 'runtime', ['tool', 'poetry', 'dependencies']);
      table(poetry['dev-dependencies'], 'dev', ['tool', 'poetry', 'dev-dependencies']);
      for (const [group, body] of Object.entries(isTable(poetry.group) ? poetry.group : {})) {
        table((body as Table)?.dependencies, 'dev', ['tool', 'poetry', 'group', group, 'dependencies']);
      }
    }
    return { declared };
  },
});
