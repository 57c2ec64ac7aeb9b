import { dataAt } from '../../util/data';
import { pyprojectPlaces, requirementList } from '../python-tables';
import { defineTool } from '../tool';

/** uv: `[tool.uv] dev-dependencies` (before PEP 735 groups). */
export default defineTool({
  name: 'uv',
  ecosystem: 'python',
  enablers: ['uv'],
  configFiles: ['uv.toml'],
  manifestFields: ['tool.uv'],
  references({ project, fields }) {
    const place = pyprojectPlaces(project);
    const declared = fields.flatMap((field) =>
      requirementList(
        dataAt(field.value, ['dev-dependencies']),
        'dev',
        'tool.uv.dev-dependencies',
        ['tool', 'uv', 'dev-dependencies'],
        place,
      ),
    );
    return { declared };
  },
});
